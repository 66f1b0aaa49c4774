package dev.pktpath.analysis;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a frame is: its subsystem (one of {@code pktpath-tui subsystems}) and its packet-journey
 * stage ({@code driver-rx} .. {@code fault}), or null stage when it is not on the packet's path.
 */
public record FrameClass(String subsystem, String stage) {
    public static final FrameClass UNKNOWN = new FrameClass("unknown", null);

    /** Past this many distinct pairs (only absurd rules files get there), classes are not shared. */
    private static final int MAX_SHARED = 10_000;
    private static final Map<String, Map<String, FrameClass>> SHARED = new ConcurrentHashMap<>();
    /** Stands for the null stage as a map key (no stage id has a NUL in it). */
    private static final String NO_STAGE = "\0";

    /**
     * The shared class of this pair. A dump of millions of frames has a few dozen distinct pairs, and
     * one object per frame was a quarter of what the analyses kept (24 bytes of 58 per frame).
     */
    public static FrameClass of(String subsystem, String stage) {
        if (subsystem == null) {
            return new FrameClass(null, stage);
        }
        Map<String, FrameClass> byStage = SHARED.get(subsystem);
        if (byStage == null) {
            if (SHARED.size() >= MAX_SHARED) {
                return new FrameClass(subsystem, stage);
            }
            byStage = SHARED.computeIfAbsent(subsystem, s -> new ConcurrentHashMap<>());
        }
        String key = stage == null ? NO_STAGE : stage;
        FrameClass shared = byStage.get(key);
        if (shared != null) {
            return shared;
        }
        if (byStage.size() >= MAX_SHARED) {
            return new FrameClass(subsystem, stage);
        }
        return byStage.computeIfAbsent(key, k -> new FrameClass(subsystem, stage));
    }

    /*
     * equals and hashCode written out, the same as the record's own (its components in order, 31 * h +
     * the next): those are linked by an invokedynamic bootstrap on first use, and building their method
     * handles took a few ms of each short run (issue 10, start-up). RecordMethodsTest holds them to it.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof FrameClass o && Objects.equals(subsystem, o.subsystem)
                && Objects.equals(stage, o.stage);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(subsystem) + Objects.hashCode(stage);
    }
}
