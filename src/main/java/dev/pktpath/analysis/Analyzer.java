package dev.pktpath.analysis;

import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.List;

/** Runs every analysis on a trace. Stateless apart from the rules, so one instance serves all traces. */
public final class Analyzer {
    private final SubsystemRules rules;
    private final CrashNamer namer = new CrashNamer();
    private final JourneyBuilder journeys = new JourneyBuilder();

    public Analyzer(SubsystemRules rules) {
        this.rules = rules;
    }

    public static Analyzer builtIn() {
        return new Analyzer(SubsystemRules.builtIn());
    }

    public SubsystemRules rules() {
        return rules;
    }

    public TraceAnalysis analyze(Trace trace) {
        List<FrameClass> classes = new ArrayList<>(trace.frames().size());
        for (Frame f : trace.frames()) {
            classes.add(rules.classify(f));
        }
        return new TraceAnalysis(trace, namer.name(trace, classes), classes, journeys.build(trace, classes));
    }
}
