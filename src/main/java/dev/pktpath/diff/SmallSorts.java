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
}
