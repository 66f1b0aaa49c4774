package dev.pktpath.diff;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Myers#lcs} on sequences of dense ids (frame ids, kept in a bit set) and of ids spread wide
 * (kept in a hash set): matched pairs increase in both sequences, pair equal elements, and are as many
 * as the textbook dynamic programme finds.
 */
class MyersTest {
    @Property(tries = 1500)
    void aLongestCommonSubsequenceInOrder(@ForAll @Size(max = 40) List<@IntRange(max = 6) Integer> xs,
                                          @ForAll @Size(max = 40) List<@IntRange(max = 6) Integer> ys,
                                          @ForAll @IntRange(max = 3) int spread) {
        // spread 0: dense ids from 0; 1: dense but far from 0 and negative; 2, 3: hundreds of millions apart
        int scale = spread < 2 ? 1 : 300_000_007;
        int shift = spread == 1 ? -1_000_000_000 : 0;
        int[] a = xs.stream().mapToInt(x -> x * scale + shift).toArray();
        int[] b = ys.stream().mapToInt(y -> y * scale + shift).toArray();
        int[][] m = Myers.lcs(a, b);
        assertThat(m[0]).hasSameSizeAs(m[1]);
        for (int i = 0; i < m[0].length; i++) {
            assertThat(a[m[0][i]]).isEqualTo(b[m[1][i]]);
            if (i > 0) {
                assertThat(m[0][i]).isGreaterThan(m[0][i - 1]);
                assertThat(m[1][i]).isGreaterThan(m[1][i - 1]);
            }
        }
        assertThat(m[0].length).isEqualTo(lcsLength(a, b));
    }

    private static int lcsLength(int[] a, int[] b) {
        int[][] t = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                t[i][j] = a[i] == b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }
}
