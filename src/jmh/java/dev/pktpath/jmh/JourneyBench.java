package dev.pktpath.jmh;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.CrashNamer;
import dev.pktpath.analysis.JourneyBuilder;
import dev.pktpath.analysis.Naming;
import dev.pktpath.analysis.RuleMatch;
import dev.pktpath.analysis.SubsystemRules;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;

/**
 * Journey building ({@code JourneyBuilder.resolve} and {@code build}) for every trace of a 1 MB foreach
 * bt, the rule matches and namings made beforehand; and the whole analysis per trace (rules, naming,
 * journey) on one thread, by a fresh analyser. Baseline: one pass over the same frames reading each name's length.
 */
@State(Scope.Benchmark)
public class JourneyBench {
    List<Trace> traces;
    List<List<RuleMatch>> matches;
    List<Naming> namings;
    JourneyBuilder builder;
    SubsystemRules rules;

    @Setup
    public void setup() {
        traces = Data.parse(Data.crashText()).traces();
        rules = SubsystemRules.builtIn();
        builder = new JourneyBuilder(rules);
        CrashNamer namer = new CrashNamer();
        matches = new ArrayList<>();
        namings = new ArrayList<>();
        for (Trace t : traces) {
            List<RuleMatch> m = new ArrayList<>();
            for (Frame f : t.frames()) {
                m.add(rules.match(f));
            }
            matches.add(m);
            namings.add(namer.name(t, builder.resolve(t, m).classes()));
        }
    }

    @Benchmark
    public long baseline() {
        long sum = 0;
        for (Trace t : traces) {
            for (Frame f : t.frames()) {
                sum += f.function() == null ? 0 : f.function().length();
            }
        }
        return sum;
    }

    @Benchmark
    public void journeys(Blackhole bh) {
        for (int i = 0; i < traces.size(); i++) {
            Trace t = traces.get(i);
            JourneyBuilder.Resolved r = builder.resolve(t, matches.get(i));
            bh.consume(builder.build(t, r, namings.get(i)));
        }
    }

    /**
     * A fresh analyser each time, as for a dump opened once: its memo of analysed stacks starts empty, so
     * this measures first sightings and the repeats within the file, not hits left by earlier iterations.
     */
    @Benchmark
    public void analyseOneThread(Blackhole bh) {
        Analyzer analyzer = new Analyzer(rules);
        for (Trace t : traces) {
            bh.consume(analyzer.analyze(t));
        }
    }
}
