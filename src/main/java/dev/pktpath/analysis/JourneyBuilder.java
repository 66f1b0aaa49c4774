package dev.pktpath.analysis;

import dev.pktpath.model.Trace;

import java.util.List;

/** Builds the rx-to-tx packet journey of a trace. (Placeholder: lands with issue 4.) */
public final class JourneyBuilder {
    public Journey build(Trace trace, List<FrameClass> classes) {
        return Journey.EMPTY;
    }
}
