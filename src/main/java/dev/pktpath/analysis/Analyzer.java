package dev.pktpath.analysis;

import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.List;

/** Runs every analysis on a trace. Stateless apart from the rules, so one instance serves all traces. */
public final class Analyzer {
    private final SubsystemRules rules;
    private final CrashNamer namer = new CrashNamer();
    private final JourneyBuilder journeys;
    private final AnalysisMemo memo = new AnalysisMemo();

    public Analyzer(SubsystemRules rules) {
        this.rules = rules;
        this.journeys = new JourneyBuilder(rules);
    }

    public static Analyzer builtIn() {
        return new Analyzer(SubsystemRules.builtIn());
    }

    /**
     * The built-in rules, overridden by the user's {@code $XDG_CONFIG_HOME/pktpath-tui/subsystems.rules}
     * and then by {@code rulesFile} ({@code --rules}, may be null). See {@link RulesLoader}.
     */
    public static Analyzer withUserRules(java.nio.file.Path rulesFile, java.util.Map<String, String> env)
            throws RulesException {
        return new Analyzer(RulesLoader.load(rulesFile, env));
    }

    public SubsystemRules rules() {
        return rules;
    }

    /**
     * Every trace analysed, in order. Traces are independent and the analyses share only thread-safe
     * caches, so a dump of many traces is spread over the cores (a foreach bt of 190,000 tasks);
     * a handful of traces stays on the calling thread, where a fork would cost more than it saves.
     */
    public List<TraceAnalysis> analyzeAll(List<Trace> traces) {
        if (traces.size() < PARALLEL_FROM || Runtime.getRuntime().availableProcessors() < 2) {
            List<TraceAnalysis> out = new ArrayList<>(traces.size());
            for (Trace t : traces) {
                out.add(analyze(t));
            }
            return out;
        }
        return traces.parallelStream().map(this::analyze).toList();
    }

    /** Below this many traces, analysis stays sequential. */
    static final int PARALLEL_FROM = 256;

    public TraceAnalysis analyze(Trace trace) {
        // a trace with the same inputs as one seen before has the same analyses (see AnalysisMemo)
        AnalysisMemo.Inputs key = memo.key(trace);
        AnalysisMemo.Result r = key == null ? null : memo.get(key);
        if (r == null) {
            r = analyses(trace);
            if (key != null) {
                memo.put(key, r);
            }
        }
        return new TraceAnalysis(trace, r.naming(), r.classes(), r.journey());
    }

    /** {@link #analyze} without the memo: every analysis run on the trace (for tests that hold the memo to it). */
    TraceAnalysis analyzeAfresh(Trace trace) {
        AnalysisMemo.Result r = analyses(trace);
        return new TraceAnalysis(trace, r.naming(), r.classes(), r.journey());
    }

    /** How many traces' analyses the memo holds (for tests). */
    int remembered() {
        return memo.size();
    }

    /** Whether the memo gave up for answering too few lookups (for tests). */
    boolean memoOff() {
        return memo.off();
    }

    private AnalysisMemo.Result analyses(Trace trace) {
        List<RuleMatch> matches = new ArrayList<>(trace.frames().size());
        for (Frame f : trace.frames()) {
            matches.add(rules.match(f));
        }
        // Stages in context first (the namer skips frames by subsystem), then the journey, which
        // needs the crash site the namer found.
        JourneyBuilder.Resolved resolved = journeys.resolve(trace, matches);
        Naming naming = namer.name(trace, resolved.classes());
        JourneyBuilder.Result result = journeys.build(trace, resolved, naming);
        // equal stacks give equal results: keep one of each (see Shared)
        return new AnalysisMemo.Result(Shared.NAMINGS.of(naming), Shared.CLASSES.of(List.copyOf(result.classes())),
                Shared.JOURNEYS.of(result.journey()));
    }
}
