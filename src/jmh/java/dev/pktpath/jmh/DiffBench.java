package dev.pktpath.jmh;

import dev.pktpath.bench.DumpGenerator;
import dev.pktpath.diff.StackDiff;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;

/**
 * Myers diff ({@code StackDiff.align}) of two 10,000-frame stacks, B being A with one frame in fifty
 * replaced, deleted or duplicated ({@code DumpGenerator.editedStackPair}, the pair the end-to-end runner measures). Baseline: comparing the two
 * lists element by element, the linear floor of any diff.
 */
@State(Scope.Benchmark)
public class DiffBench {
    List<String> a;
    List<String> b;

    @Setup
    public void setup() {
        List<List<String>> pair = DumpGenerator.editedStackPair(10_000);
        a = pair.get(0);
        b = pair.get(1);
    }

    @Benchmark
    public int baseline() {
        int same = 0;
        for (int i = 0, n = Math.min(a.size(), b.size()); i < n; i++) {
            same += a.get(i).equals(b.get(i)) ? 1 : 0;
        }
        return same;
    }

    @Benchmark
    public Object myers10kVs10k() {
        return StackDiff.align(a, b);
    }
}
