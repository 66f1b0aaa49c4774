package dev.pktpath.analysis;

import java.util.List;
import java.util.Objects;

/**
 * One stage of a packet's journey with the indexes of its frames in call order (oldest first).
 *
 * @param direction {@code rx}, {@code tx} or {@code none}
 */
public record JourneyStep(String stage, String direction, List<Integer> frames) {
    public JourneyStep {
        frames = List.copyOf(frames);
    }

    /*
     * equals and hashCode written out, the same as the record's own (its components in order, 31 * h +
     * the next): those are linked by an invokedynamic bootstrap on first use, and building their method
     * handles took a few ms of each short run (issue 10, start-up). RecordMethodsTest holds them to it.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof JourneyStep o && Objects.equals(stage, o.stage)
                && Objects.equals(direction, o.direction)
                && Objects.equals(frames, o.frames);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hashCode(stage) + Objects.hashCode(direction)) + Objects.hashCode(frames);
    }
}
