package dev.pktpath.diff;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SmallSorts} orders as {@link Arrays#sort} does, on both sides of its size limit and in sub-ranges. */
class SmallSortsTest {
    @Property(tries = 2000)
    void intsAsArraysSort(@ForAll @Size(max = 80) List<@IntRange(min = -50, max = 50) Integer> values,
                          @ForAll @IntRange(max = 10) int trim) {
        int[] a = values.stream().mapToInt(Integer::intValue).toArray();
        int from = Math.min(trim, a.length);
        int to = Math.max(from, a.length - trim);
        int[] want = a.clone();
        Arrays.sort(want, from, to);
        SmallSorts.sort(a, from, to);
        assertThat(a).isEqualTo(want);
    }

    @Property(tries = 2000)
    void longsAsArraysSort(@ForAll @Size(max = 80) List<Long> values, @ForAll @IntRange(max = 10) int trim) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        int from = Math.min(trim, a.length);
        int to = Math.max(from, a.length - trim);
        long[] want = a.clone();
        Arrays.sort(want, from, to);
        SmallSorts.sort(a, from, to);
        assertThat(a).isEqualTo(want);
    }

    /** Packed values take the bit-set path, spread ones the sort: both give the distinct values in order. */
    @Property(tries = 2000)
    void sortedDistinctAsATreeSet(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 300) Integer> values,
                                  @ForAll @IntRange(max = 3) int spread) {
        long scale = new long[]{1, 7, 1_000_003, Long.MAX_VALUE / 400}[spread];
        long[] a = values.stream().mapToLong(v -> (v - 150) * scale).toArray();
        java.util.TreeSet<Long> want = new java.util.TreeSet<>();
        for (long v : a) {
            want.add(v);
        }
        assertThat(SmallSorts.sortedDistinct(a.clone(), a.length)).containsExactly(want.stream().mapToLong(Long::longValue).toArray());
    }
}
