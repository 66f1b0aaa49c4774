package dev.pktpath.diff;

import dev.pktpath.model.Trace;

/**
 * Everything a diff of two traces shows: the frame alignment and similarity, the registers side by
 * side, and where the packet journeys part. What the CLI, the REPL and the explorer's diff view draw.
 */
public record TraceDiff(DiffSide a, DiffSide b, DiffOptions options, Alignment alignment,
                        RegisterDiff registers, JourneyComparison journeys) {

    public static TraceDiff compare(DiffSide a, DiffSide b, DiffOptions options) {
        Trace ta = a.analysis().trace();
        Trace tb = b.analysis().trace();
        FrameKeys keys = new FrameKeys();
        Alignment alignment = StackDiff.align(ta, tb, options, keys);
        return new TraceDiff(a, b, options, alignment, RegisterDiff.of(ta, tb),
                JourneyComparison.of(ta, a.analysis().journey(), tb, b.analysis().journey(), keys));
    }

    /** Same stack, frame for frame: what decides diff's exit status (registers do not count). */
    public boolean same() {
        return alignment.same();
    }

    public double similarity() {
        return alignment.similarity();
    }
}
