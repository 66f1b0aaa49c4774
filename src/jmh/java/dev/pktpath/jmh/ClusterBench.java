package dev.pktpath.jmh;

import dev.pktpath.bench.DumpGenerator;
import dev.pktpath.diff.Clusterer;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clustering 100,000 traces of a generated foreach bt (parsed once in the set-up). Baseline: grouping
 * the same traces by their exact list of function names in a HashMap, the first pass of any clustering.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class ClusterBench {
    static final int TRACES = 100_000;
    List<Trace> traces;

    @Setup
    public void setup() throws IOException {
        StringWriter w = new StringWriter();
        new DumpGenerator(42).writeCrashTasks(w, TRACES);
        traces = Data.parse(w.toString()).traces();
        if (traces.size() != TRACES) {
            throw new IllegalStateException("expected " + TRACES + " traces, parsed " + traces.size());
        }
    }

    @Benchmark
    public int baseline() {
        Map<List<String>, Integer> groups = new HashMap<>();
        for (Trace t : traces) {
            List<String> names = new ArrayList<>(t.frames().size());
            for (Frame f : t.frames()) {
                names.add(f.function());
            }
            groups.merge(names, 1, Integer::sum);
        }
        return groups.size();
    }

    @Benchmark
    public Object cluster100k() {
        return new Clusterer().cluster(traces);
    }
}
