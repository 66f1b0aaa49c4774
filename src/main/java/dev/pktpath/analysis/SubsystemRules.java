package dev.pktpath.analysis;

import dev.pktpath.model.Frame;

/** Subsystem and stage of a frame, from rules kept as data. (Placeholder: the rule table lands with issue 4.) */
public final class SubsystemRules {
    public static SubsystemRules builtIn() {
        return new SubsystemRules();
    }

    public FrameClass classify(Frame frame) {
        return FrameClass.UNKNOWN;
    }
}
