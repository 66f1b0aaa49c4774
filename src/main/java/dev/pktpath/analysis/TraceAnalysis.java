package dev.pktpath.analysis;

import dev.pktpath.model.Trace;

import java.util.List;

/** A trace together with everything the analyses derived from it; what every front end draws. */
public record TraceAnalysis(Trace trace, Naming naming, List<FrameClass> frameClasses, Journey journey) {
    public TraceAnalysis {
        frameClasses = List.copyOf(frameClasses);
    }

    public FrameClass classOf(int frameIndex) {
        return frameClasses.get(frameIndex);
    }
}
