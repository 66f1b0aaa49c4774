package dev.pktpath.analysis;

import java.util.List;

/**
 * The stages a trace visits, oldest call first.
 *
 * @param turnaroundFrom index of the last receive-side frame before the packet turned into a transmit, or null
 * @param turnaroundTo   index of the first transmit-side frame after the turn, or null
 * @param crashFrame     index of the frame holding the crash site, or null
 */
public record Journey(List<JourneyStep> steps, Integer turnaroundFrom, Integer turnaroundTo, Integer crashFrame) {
    public static final Journey EMPTY = new Journey(List.of(), null, null, null);

    public Journey {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
