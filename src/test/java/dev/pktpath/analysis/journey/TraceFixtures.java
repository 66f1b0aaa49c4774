package dev.pktpath.analysis.journey;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.JourneyBuilder;
import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.analysis.Naming;
import dev.pktpath.analysis.RuleMatch;
import dev.pktpath.analysis.SubsystemRules;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Arch;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Location;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Hand-written traces for journey tests, and a compact way to write a journey down.
 * Function lists are given as a kernel prints them: innermost frame first; "?name" is an unreliable frame.
 */
final class TraceFixtures {
    private TraceFixtures() {
    }

    static Trace trace(String... printOrder) {
        return trace(List.of(), printOrder);
    }

    static Trace trace(List<ExceptionFrame> exceptions, String... printOrder) {
        List<Frame> frames = new ArrayList<>();
        for (String name : printOrder) {
            boolean reliable = !name.startsWith("?");
            String fn = reliable ? name : name.substring(1);
            String module = null;
            int bracket = fn.indexOf(" [");
            if (bracket > 0) {
                module = fn.substring(bracket + 2, fn.length() - 1);
                fn = fn.substring(0, bracket);
            }
            int i = frames.size();
            frames.add(new Frame(i, i, fn, null, null, null, null, module, reliable, StackContext.TASK, null,
                    false, i + 1, fn));
        }
        return new Trace(1, TraceFormat.CRASH_BT, Arch.X86_64, null, null, null, frames, exceptions, Map.of(),
                List.of(), 1, frames.size());
    }

    /** The journey with no crash site: stages in context only, no crash step. */
    static String journeyWithoutCrash(SubsystemRules rules, Trace t) {
        return describe(analyse(rules, t, Naming.NONE), t);
    }

    /** The journey with the crash site named by hand, independent of the crash namer. */
    static String journeyWithCrash(SubsystemRules rules, Trace t, String siteFunction) {
        Naming naming = new Naming(null, null, siteFunction, new Location(siteFunction, null, null));
        return describe(analyse(rules, t, naming), t);
    }

    static TraceAnalysis analyse(SubsystemRules rules, Trace t, Naming naming) {
        List<RuleMatch> matches = new ArrayList<>();
        for (Frame f : t.frames()) {
            matches.add(rules.match(f));
        }
        JourneyBuilder b = new JourneyBuilder(rules);
        JourneyBuilder.Resolved r = b.resolve(t, matches);
        JourneyBuilder.Result result = b.build(t, r, naming);
        return new TraceAnalysis(t, naming, result.classes(), result.journey());
    }

    static TraceAnalysis analyse(Trace t) {
        return Analyzer.builtIn().analyze(t);
    }

    /**
     * {@code driver-rx rx: bnx2_poll bnx2_poll_work | ~~ | l4-tx tx: ... | crash: | fault: page_fault ...}:
     * each step as "stage direction: functions", "~~" where the turnaround falls, steps joined by " | ".
     * Crash and fault steps, whose direction is always none, leave it out.
     */
    static String describe(TraceAnalysis a, Trace t) {
        StringJoiner out = new StringJoiner(" | ");
        for (JourneyStep s : a.journey().steps()) {
            if (a.journey().turnaroundTo() != null && s.frames().contains(a.journey().turnaroundTo())) {
                out.add("~~");
            }
            StringBuilder b = new StringBuilder(s.stage());
            if (!s.direction().equals("none")) {
                b.append(' ').append(s.direction());
            }
            b.append(':');
            for (int i : s.frames()) {
                b.append(' ').append(t.frames().get(i).normalizedName());
            }
            out.add(b.toString());
        }
        return out.toString();
    }
}
