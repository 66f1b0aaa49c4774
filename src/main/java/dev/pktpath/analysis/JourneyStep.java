package dev.pktpath.analysis;

import java.util.List;

/**
 * One stage of a packet's journey with the indexes of its frames in call order (oldest first).
 *
 * @param direction {@code rx}, {@code tx} or {@code none}
 */
public record JourneyStep(String stage, String direction, List<Integer> frames) {
    public JourneyStep {
        frames = List.copyOf(frames);
    }
}
