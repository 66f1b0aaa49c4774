package dev.pktpath.diff;

import java.util.Arrays;

/**
 * Sorts of primitive arrays that are mostly tiny: a cluster run sorts a few numbers for each of
 * thousands of stacks and buckets (a stack's ids, a bucket of one trace's CPU and PID). Below
 * {@link #SMALL} elements an insertion sort does it; only longer arrays go to {@link Arrays#sort},
 * whose dual-pivot quicksort is big code: called for every tiny array it was compiled by C2 several
 * times over in each run (issue 10: about 130 ms of compiling in a cluster of a 200 MB foreach bt).
 */
final class SmallSorts {
    static final int SMALL = 32;

    private SmallSorts() {
    }

    static void sort(int[] a) {
        sort(a, 0, a.length);
    }

    static void sort(int[] a, int from, int to) {
        if (to - from >= SMALL) {
            Arrays.sort(a, from, to);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            int x = a[i];
            int j = i - 1;
            while (j >= from && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    static void sort(long[] a) {
        sort(a, 0, a.length);
    }

    static void sort(long[] a, int from, int to) {
        if (to - from >= SMALL) {
            Arrays.sort(a, from, to);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            long x = a[i];
            int j = i - 1;
            while (j >= from && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /**
     * The first {@code count} values, sorted, each once ({@code values} is used as scratch). Values
     * packed in a range of under 64 per value (a bucket's CPUs, PIDs and trace ids, mostly) are set in
     * a bit set and read back in order, with no sort at all; the rest are sorted.
     */
    static long[] sortedDistinct(long[] values, int count) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        if (count >= SMALL && max - min >= 0 && max - min < 64L * count) {
            long[] bits = new long[(int) ((max - min) >>> 6) + 1];
            for (int i = 0; i < count; i++) {
                long at = values[i] - min;
                bits[(int) (at >>> 6)] |= 1L << at;
            }
            int n = 0;
            for (int w = 0; w < bits.length; w++) {
                for (long word = bits[w]; word != 0; word &= word - 1) {
                    values[n++] = min + ((long) w << 6) + Long.numberOfTrailingZeros(word);
                }
            }
            return Arrays.copyOf(values, n);
        }
        sort(values, 0, count);
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (n == 0 || values[i] != values[n - 1]) {
                values[n++] = values[i];
            }
        }
        return Arrays.copyOf(values, n);
    }
}
