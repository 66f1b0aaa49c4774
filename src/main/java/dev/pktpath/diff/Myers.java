package dev.pktpath.diff;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Longest common subsequence of two int sequences by Myers' O(ND) algorithm in linear space
 * (the "middle snake" bisection of Myers 1986, section 4b, in the formulation of
 * diff-match-patch's {@code diff_bisect}).
 *
 * <p>Two cheap steps come first because kernel stacks make them pay: common prefix and suffix are
 * matched directly (two traces of one crash share most of their frames), and elements that occur in
 * only one sequence are set aside before the search (they can never be part of a common
 * subsequence, and two unrelated 10,000-frame stacks then cost nothing). Both keep the result an
 * optimal LCS. The result is the list of matched index pairs, increasing in both coordinates.
 */
final class Myers {
    private final int[] a;
    private final int[] b;
    private int[] outA;
    private int[] outB;
    private int count;

    private Myers(int[] a, int[] b) {
        this.a = a;
        this.b = b;
        int cap = Math.min(a.length, b.length);
        this.outA = new int[Math.max(4, Math.min(cap, 1024))];
        this.outB = new int[outA.length];
    }

    /** Matched pairs {@code [aIndexes, bIndexes]}, same length, both strictly increasing. */
    static int[][] lcs(int[] a, int[] b) {
        // Keep only elements present on both sides, remembering where they came from.
        Set<Integer> inA = new HashSet<>();
        for (int x : a) {
            inA.add(x);
        }
        Set<Integer> inB = new HashSet<>();
        for (int x : b) {
            inB.add(x);
        }
        int[] mapA = filter(a, inB);
        int[] mapB = filter(b, inA);
        int[] fa = pick(a, mapA);
        int[] fb = pick(b, mapB);
        Myers m = new Myers(fa, fb);
        m.diff(0, fa.length, 0, fb.length);
        int[] ra = new int[m.count];
        int[] rb = new int[m.count];
        for (int i = 0; i < m.count; i++) {
            ra[i] = mapA[m.outA[i]];
            rb[i] = mapB[m.outB[i]];
        }
        return new int[][]{ra, rb};
    }

    private static int[] filter(int[] s, Set<Integer> keep) {
        int[] idx = new int[s.length];
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (keep.contains(s[i])) {
                idx[n++] = i;
            }
        }
        return Arrays.copyOf(idx, n);
    }

    private static int[] pick(int[] s, int[] idx) {
        int[] r = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            r[i] = s[idx[i]];
        }
        return r;
    }

    private void emit(int x, int y) {
        if (count == outA.length) {
            outA = Arrays.copyOf(outA, count * 2);
            outB = Arrays.copyOf(outB, count * 2);
        }
        outA[count] = x;
        outB[count] = y;
        count++;
    }

    /** Emits the matches of a[aLo,aHi) against b[bLo,bHi) in order. */
    private void diff(int aLo, int aHi, int bLo, int bHi) {
        while (aLo < aHi && bLo < bHi && a[aLo] == b[bLo]) {
            emit(aLo++, bLo++);
        }
        int suffix = 0;
        while (aLo < aHi - suffix && bLo < bHi - suffix && a[aHi - 1 - suffix] == b[bHi - 1 - suffix]) {
            suffix++;
        }
        int aEnd = aHi - suffix;
        int bEnd = bHi - suffix;
        if (aLo < aEnd && bLo < bEnd) {
            bisect(aLo, aEnd, bLo, bEnd);
        }
        for (int i = 0; i < suffix; i++) {
            emit(aEnd + i, bEnd + i);
        }
    }

    /**
     * Finds the middle snake of a[aLo,aHi) x b[bLo,bHi) (first and last elements differ, both
     * non-empty) and recurses on the two halves it splits the problem into.
     */
    private void bisect(int aLo, int aHi, int bLo, int bHi) {
        int n = aHi - aLo;
        int m = bHi - bLo;
        int maxD = (n + m + 1) / 2;
        int vOffset = maxD;
        int vLength = 2 * maxD + 2;
        int[] v1 = new int[vLength];
        int[] v2 = new int[vLength];
        Arrays.fill(v1, -1);
        Arrays.fill(v2, -1);
        v1[vOffset + 1] = 0;
        v2[vOffset + 1] = 0;
        int delta = n - m;
        boolean front = (delta & 1) != 0;
        int k1start = 0;
        int k1end = 0;
        int k2start = 0;
        int k2end = 0;
        for (int d = 0; d < maxD; d++) {
            for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                int k1o = vOffset + k1;
                int x1 = (k1 == -d || (k1 != d && v1[k1o - 1] < v1[k1o + 1])) ? v1[k1o + 1] : v1[k1o - 1] + 1;
                int y1 = x1 - k1;
                while (x1 < n && y1 < m && a[aLo + x1] == b[bLo + y1]) {
                    x1++;
                    y1++;
                }
                v1[k1o] = x1;
                if (x1 > n) {
                    k1end += 2;
                } else if (y1 > m) {
                    k1start += 2;
                } else if (front) {
                    int k2o = vOffset + delta - k1;
                    if (k2o >= 0 && k2o < vLength && v2[k2o] != -1) {
                        int x2 = n - v2[k2o];
                        if (x1 >= x2) {
                            split(aLo, aHi, bLo, bHi, x1, y1);
                            return;
                        }
                    }
                }
            }
            for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                int k2o = vOffset + k2;
                int x2 = (k2 == -d || (k2 != d && v2[k2o - 1] < v2[k2o + 1])) ? v2[k2o + 1] : v2[k2o - 1] + 1;
                int y2 = x2 - k2;
                while (x2 < n && y2 < m && a[aLo + n - x2 - 1] == b[bLo + m - y2 - 1]) {
                    x2++;
                    y2++;
                }
                v2[k2o] = x2;
                if (x2 > n) {
                    k2end += 2;
                } else if (y2 > m) {
                    k2start += 2;
                } else if (!front) {
                    int k1o = vOffset + delta - k2;
                    if (k1o >= 0 && k1o < vLength && v1[k1o] != -1) {
                        int x1 = v1[k1o];
                        int y1 = vOffset + x1 - k1o;
                        if (x1 >= n - x2) {
                            split(aLo, aHi, bLo, bHi, x1, y1);
                            return;
                        }
                    }
                }
            }
        }
        // No common element at all: nothing to emit.
    }

    private void split(int aLo, int aHi, int bLo, int bHi, int x, int y) {
        diff(aLo, aLo + x, bLo, bLo + y);
        diff(aLo + x, aHi, bLo + y, bHi);
    }
}
