package dev.pktpath.jmh;

import dev.pktpath.diff.StackDiff;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Myers diff ({@code StackDiff.align}) of two 10,000-frame stacks, B being A with one frame in fifty
 * replaced, deleted or duplicated (as the end-to-end runner builds them). Baseline: comparing the two
 * lists element by element, the linear floor of any diff.
 */
@State(Scope.Benchmark)
public class DiffBench {
    List<String> a;
    List<String> b;

    @Setup
    public void setup() {
        Random r = new Random(1);
        a = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            a.add("fn_" + r.nextInt(300));
        }
        b = new ArrayList<>();
        for (String f : a) {
            int roll = r.nextInt(50);
            if (roll == 0) {
                b.add("other_" + r.nextInt(300));
            } else if (roll == 2) {
                b.add(f);
                b.add(f);
            } else if (roll != 1) {
                b.add(f);
            }
        }
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
