package dev.pktpath.jmh;

import dev.pktpath.analysis.RuleSource;
import dev.pktpath.analysis.RulesException;
import dev.pktpath.analysis.SubsystemRules;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Subsystem classification ({@code analysis.SubsystemRules}) of every frame of a 1 MB foreach bt:
 * with the rules' caches as a real run has them (warm), and on fresh rules each time, where every
 * distinct name, path and module is matched against the table (cold). Baseline: a HashMap lookup
 * of each frame's name, the least a cached classification can cost.
 */
@State(Scope.Benchmark)
public class ClassifyBench {
    List<Frame> frames;
    List<Frame> distinct;
    Map<String, String> map;
    SubsystemRules warm;

    @Setup
    public void setup() {
        frames = new ArrayList<>();
        for (Trace t : Data.parse(Data.crashText()).traces()) {
            frames.addAll(t.frames());
        }
        Map<String, Frame> byKey = new LinkedHashMap<>();
        map = new HashMap<>();
        for (Frame f : frames) {
            byKey.putIfAbsent(f.function() + "|" + f.source() + "|" + f.module(), f);
            map.put(f.function(), f.module());
        }
        distinct = new ArrayList<>(byKey.values());
        warm = fresh();
        frames.forEach(warm::match);
    }

    static SubsystemRules fresh() {
        try {
            // the built-in table plus nothing: a new instance, with empty caches
            return SubsystemRules.builtIn().plus("", new RuleSource(RuleSource.Kind.COMMAND_LINE, "jmh"));
        } catch (RulesException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public void baseline(Blackhole bh) {
        for (Frame f : frames) {
            bh.consume(map.get(f.function()));
        }
    }

    @Benchmark
    public void warmAllFrames(Blackhole bh) {
        for (Frame f : frames) {
            bh.consume(warm.match(f));
        }
    }

    @Benchmark
    public void coldDistinct(Blackhole bh) {
        SubsystemRules rules = fresh();
        for (Frame f : distinct) {
            bh.consume(rules.match(f));
        }
    }
}
