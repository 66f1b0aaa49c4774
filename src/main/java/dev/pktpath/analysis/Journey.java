package dev.pktpath.analysis;

import java.util.List;
import java.util.Objects;

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

    /*
     * equals and hashCode written out, the same as the record's own (its components in order, 31 * h +
     * the next): those are linked by an invokedynamic bootstrap on first use, and building their method
     * handles took a few ms of each short run (issue 10, start-up). RecordMethodsTest holds them to it.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Journey o && Objects.equals(steps, o.steps)
                && Objects.equals(turnaroundFrom, o.turnaroundFrom)
                && Objects.equals(turnaroundTo, o.turnaroundTo)
                && Objects.equals(crashFrame, o.crashFrame);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Objects.hashCode(steps) + Objects.hashCode(turnaroundFrom)) + Objects.hashCode(turnaroundTo))
                + Objects.hashCode(crashFrame);
    }
}
