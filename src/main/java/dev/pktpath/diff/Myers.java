package dev.pktpath.diff;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
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
 * optimal LCS. Past an edit distance of {@link #costLimit} (only reached by stacks of thousands of
 * frames that differ almost everywhere) the search splits at its furthest point, as GNU diff does
 * when a diff gets too expensive: the result is then a good common subsequence, not always the
 * longest. The result is the list of matched index pairs, increasing in both coordinates.
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
        Membership inA = Membership.of(a);
        Membership inB = Membership.of(b);
        int[] mapA = filter(a, inB);
        int[] mapB = filter(b, inA);
        int[] fa = pick(a, mapA);
        int[] fb = pick(b, mapB);
        Myers m = new Myers(fa, fb);
        m.run();
        // Matches were found range by range, not in order, but they increase together and each A
        // index is matched once: placed by A index, they come out in order without a sort (a sort per
        // alignment was most of what the JIT compiled of java.util's sorting in a cluster run)
        int[] bOfA = new int[fa.length];
        Arrays.fill(bOfA, -1);
        for (int i = 0; i < m.count; i++) {
            bOfA[m.outA[i]] = m.outB[i];
        }
        int[] ra = new int[m.count];
        int[] rb = new int[m.count];
        int n = 0;
        for (int x = 0; x < fa.length; x++) {
            if (bOfA[x] >= 0) {
                ra[n] = mapA[x];
                rb[n] = mapB[bOfA[x]];
                n++;
            }
        }
        return new int[][]{ra, rb};
    }

    private static int[] filter(int[] s, Membership keep) {
        int[] idx = new int[s.length];
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (keep.contains(s[i])) {
                idx[n++] = i;
            }
        }
        return Arrays.copyOf(idx, n);
    }

    /**
     * Which values a sequence holds. Frame ids are small dense numbers ({@link FrameKeys}), so a bit
     * per value over the sequence's range serves, without a boxed number per element; a sequence
     * spread over a wide range (ids that are not frame ids) gets a hash set.
     */
    private static final class Membership {
        private final int min;
        private final long[] bits;
        private final Set<Integer> set;

        private Membership(int min, long[] bits, Set<Integer> set) {
            this.min = min;
            this.bits = bits;
            this.set = set;
        }

        static Membership of(int[] s) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int x : s) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            long range = (long) max - min + 1;
            if (s.length == 0 || range <= 64L * Math.max(64, s.length)) {
                long[] bits = new long[s.length == 0 ? 0 : (int) ((range + 63) >>> 6)];
                for (int x : s) {
                    int i = x - min;
                    bits[i >>> 6] |= 1L << i;
                }
                return new Membership(min, bits, null);
            }
            Set<Integer> set = new HashSet<>();
            for (int x : s) {
                set.add(x);
            }
            return new Membership(min, null, set);
        }

        boolean contains(int x) {
            if (set != null) {
                return set.contains(x);
            }
            long i = (long) x - min;
            return i >= 0 && i < (long) bits.length << 6 && (bits[(int) (i >>> 6)] & 1L << i) != 0;
        }
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

    /**
     * Works through ranges {@code a[aLo,aHi) x b[bLo,bHi)} from an explicit stack rather than by
     * recursion, so that no input, however long, can overflow the Java stack.
     */
    private void run() {
        Deque<int[]> work = new ArrayDeque<>();
        work.push(new int[]{0, a.length, 0, b.length});
        while (!work.isEmpty()) {
            int[] r = work.pop();
            int aLo = r[0];
            int aHi = r[1];
            int bLo = r[2];
            int bHi = r[3];
            while (aLo < aHi && bLo < bHi && a[aLo] == b[bLo]) {
                emit(aLo++, bLo++);
            }
            while (aLo < aHi && bLo < bHi && a[aHi - 1] == b[bHi - 1]) {
                emit(--aHi, --bHi);
            }
            if (aLo < aHi && bLo < bHi) {
                int[] split = bisect(aLo, aHi, bLo, bHi);
                if (split != null) {
                    work.push(new int[]{aLo, aLo + split[0], bLo, bLo + split[1]});
                    work.push(new int[]{aLo + split[0], aHi, bLo + split[1], bHi});
                }
            }
        }
    }

    // the search state of the current bisect(): where the range starts, its lengths, the two frontiers (v1 forward from the
    // start, v2 backward from the end, indexed by diagonal + vOffset) and the diagonals already known
    // to run out of the range on either side
    private int aBase;
    private int bBase;
    private int n;
    private int m;
    private int[] v1;
    private int[] v2;
    private int vOffset;
    private int delta;
    private boolean front;
    private int k1start;
    private int k1end;
    private int k2start;
    private int k2end;

    /**
     * Finds the middle snake of a[aLo,aHi) x b[bLo,bHi) (first and last elements differ, both
     * non-empty) and returns the point {x, y}, relative to (aLo, bLo), that splits the range in two;
     * null when the two share nothing. Each direction's step is a method of its own: one method
     * holding both took C2 longer to compile than the whole merge of a big cluster run took to run
     * (issue 10), and was compiled again after each deoptimisation.
     */
    private int[] bisect(int aLo, int aHi, int bLo, int bHi) {
        aBase = aLo;
        bBase = bLo;
        n = aHi - aLo;
        m = bHi - bLo;
        int limit = costLimit(n, m);
        int maxD = Math.min((n + m + 1) / 2, limit + 1);
        vOffset = maxD;
        int vLength = 2 * maxD + 2;
        v1 = new int[vLength];
        v2 = new int[vLength];
        Arrays.fill(v1, -1);
        Arrays.fill(v2, -1);
        v1[vOffset + 1] = 0;
        v2[vOffset + 1] = 0;
        delta = n - m;
        front = (delta & 1) != 0;
        k1start = 0;
        k1end = 0;
        k2start = 0;
        k2end = 0;
        for (int d = 0; d < maxD; d++) {
            int[] split = forward(d);
            if (split == null) {
                split = backward(d);
            }
            if (split != null) {
                return split;
            }
            if (d >= limit) {
                return furthest(d);
            }
        }
        return null; // no common element at all
    }

    /** Step {@code d} of the search from the start; the split point when it meets the other search. */
    private int[] forward(int d) {
        for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
            int k1o = vOffset + k1;
            int x1 = (k1 == -d || (k1 != d && v1[k1o - 1] < v1[k1o + 1])) ? v1[k1o + 1] : v1[k1o - 1] + 1;
            int y1 = x1 - k1;
            while (x1 < n && y1 < m && a[aBase + x1] == b[bBase + y1]) {
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
                if (k2o >= 0 && k2o < v2.length && v2[k2o] != -1) {
                    int x2 = n - v2[k2o];
                    if (x1 >= x2) {
                        return new int[]{x1, y1};
                    }
                }
            }
        }
        return null;
    }

    /** Step {@code d} of the search from the end; the split point when it meets the other search. */
    private int[] backward(int d) {
        for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
            int k2o = vOffset + k2;
            int x2 = (k2 == -d || (k2 != d && v2[k2o - 1] < v2[k2o + 1])) ? v2[k2o + 1] : v2[k2o - 1] + 1;
            int y2 = x2 - k2;
            while (x2 < n && y2 < m && a[aBase + n - x2 - 1] == b[bBase + m - y2 - 1]) {
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
                if (k1o >= 0 && k1o < v1.length && v1[k1o] != -1) {
                    int x1 = v1[k1o];
                    int y1 = vOffset + x1 - k1o;
                    if (x1 >= n - x2) {
                        return new int[]{x1, y1};
                    }
                }
            }
        }
        return null;
    }

    /**
     * Too expensive to finish exactly: the split where the forward search got furthest (as GNU diff
     * does), giving up minimality but not correctness; null when that is no split.
     */
    private int[] furthest(int d) {
        int bestX = -1;
        int bestY = -1;
        for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
            int x = v1[vOffset + k1];
            int y = x - k1;
            if (x >= 0 && x <= n && y >= 0 && y <= m && x + y > bestX + bestY) {
                bestX = x;
                bestY = y;
            }
        }
        return bestX + bestY > 0 && bestX + bestY < n + m ? new int[]{bestX, bestY} : null;
    }

    /**
     * Edit distance past which the search settles for a good split instead of the best one. Stacks
     * up to about 3,000 frames a side stay below it and get a minimal diff; beyond, the cost stays
     * near (n + m) * limit, about 2 * 10^7 steps.
     */
    static int costLimit(int n, int m) {
        return Math.max(256, 20_000_000 / Math.max(1, n + m));
    }
}
