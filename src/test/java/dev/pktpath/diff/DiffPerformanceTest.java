package dev.pktpath.diff;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Long stacks (deep recursion, {@code bt -f} of a runaway task) must not make the diff crawl. Timings are printed, not asserted. */
class DiffPerformanceTest {

    private static List<String> stack(Random r, int n, int alphabet) {
        List<String> s = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            s.add("fn_" + r.nextInt(alphabet));
        }
        return s;
    }

    @Test
    void tenThousandFramesAgainstTenThousandFrames() {
        Random r = new Random(1);
        List<String> a = stack(r, 10_000, 300);
        // B: A with one frame in fifty replaced, deleted or duplicated.
        List<String> b = new ArrayList<>();
        for (String f : a) {
            int roll = r.nextInt(50);
            if (roll == 0) {
                b.add("other_" + r.nextInt(300));
            } else if (roll == 1) {
                continue;
            } else if (roll == 2) {
                b.add(f);
                b.add(f);
            } else {
                b.add(f);
            }
        }
        time("10,000 vs 10,000 frames, 6% edited", a, b);
        time("10,000 vs 10,000 frames, unrelated (disjoint names)", a, stack(r, 10_000, 300).stream().map(s -> "x" + s).toList());
        List<String> shuffled = stack(r, 10_000, 300);
        Alignment al = time("10,000 vs 10,000 frames, random over the same 300 names", a, shuffled);
        // Still optimal where the reference can check it: on the first 2,000 frames.
        assertThat(StackDiff.align(a.subList(0, 2000), shuffled.subList(0, 2000)).matched())
                .isEqualTo(StackDiffPropertiesTest.lcsLength(a.subList(0, 2000), shuffled.subList(0, 2000)));
        // Past the cost limit the alignment may not be the longest, but it is still a correct edit script.
        assertThat(al.matched()).isPositive();
        StackDiffPropertiesTest.assertRebuildsB(a, shuffled, al);
    }

    private static Alignment time(String what, List<String> a, List<String> b) {
        long t0 = System.nanoTime();
        Alignment al = StackDiff.align(a, b);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("diff: %s: %d ms (%d matched, similarity %.3f)%n", what, ms, al.matched(), al.similarity());
        assertThat(al.sizeA()).isEqualTo(a.size());
        assertThat(al.sizeB()).isEqualTo(b.size());
        return al;
    }
}
