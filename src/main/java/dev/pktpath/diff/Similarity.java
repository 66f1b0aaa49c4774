package dev.pktpath.diff;

/**
 * The similarity of two stacks, a number in [0, 1]: 1 when every frame of both is matched by the
 * diff, 0 when none is.
 *
 * <p>The measure is a weighted Dice coefficient over the frames the LCS matches, with frames near
 * the crash end counting more. Frame {@code i} (0 = innermost, where the crash or the sleep is)
 * weighs {@code w(i) = H / (H + i)} with {@code H = 8}: a frame 8 deep counts half as much as the
 * top frame, 24 deep a quarter. Then
 * <pre>
 *   similarity = (sum of w(i) + w(j) over matched pairs (i, j)) / (sum of w over all frames of A and B)
 * </pre>
 * Two empty stacks are identical (1); an empty and a non-empty one share nothing (0). Unweighted,
 * this is {@code 2 * LCS / (|A| + |B|)}; the weighting follows satyr, whose stack distances compare
 * only the frames nearest the crash, so that two tasks that differ only in the syscall that led
 * into the same sleep or fault come out closer than two that crash in different places.
 * The score is symmetric because the diff is (see {@link StackDiff}).
 */
public final class Similarity {
    /** Depth at which a frame counts half as much as the innermost one. */
    public static final double HALF_WEIGHT_DEPTH = 8.0;

    private static final int CACHED = 4096;
    private static final double[] PREFIX = new double[CACHED + 1];

    static {
        for (int i = 0; i < CACHED; i++) {
            PREFIX[i + 1] = PREFIX[i] + compute(i);
        }
    }

    private Similarity() {
    }

    private static double compute(int depth) {
        return HALF_WEIGHT_DEPTH / (HALF_WEIGHT_DEPTH + depth);
    }

    /** The weight of the frame at this depth (index, 0 = innermost). */
    public static double weight(int depth) {
        return depth < CACHED ? PREFIX[depth + 1] - PREFIX[depth] : compute(depth);
    }

    /** Sum of the weights of the first {@code n} frames. */
    static double total(int n) {
        if (n <= CACHED) {
            return PREFIX[n];
        }
        double s = PREFIX[CACHED];
        for (int i = CACHED; i < n; i++) {
            s += compute(i);
        }
        return s;
    }

    /** Similarity of stacks of {@code n} and {@code m} frames whose matched index pairs are given. */
    static double of(int n, int m, int[] matchedA, int[] matchedB) {
        if (n == 0 && m == 0) {
            return 1.0;
        }
        double matched = 0;
        for (int k = 0; k < matchedA.length; k++) {
            matched += weight(matchedA[k]) + weight(matchedB[k]);
        }
        double all = total(n) + total(m);
        if (matchedA.length == n && matchedA.length == m) {
            return 1.0; // exact, whatever the rounding of the sums
        }
        return Math.min(1.0, matched / all);
    }

    /**
     * An upper bound of the similarity when at most {@code common} pairs can match: the best case,
     * where they are the top {@code common} frames of both. Lets clustering skip hopeless diffs.
     */
    static double upperBound(int n, int m, int common) {
        if (n == 0 && m == 0) {
            return 1.0;
        }
        return Math.min(1.0, (total(common) * 2) / (total(n) + total(m)));
    }
}
