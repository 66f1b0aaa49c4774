package dev.pktpath.diff;

import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns two stacks frame by frame: an LCS ({@link Myers}) over frame keys (normalised function
 * names, optionally with offsets), grouped into runs: {@code equal} for matched frames and, for each
 * gap between two matches, {@code delete} (frames only A has), {@code insert} (only B) or
 * {@code replace} (both have frames there).
 *
 * <p>When several alignments are equally long (A = f g, B = g f) an LCS algorithm must pick one,
 * and which one depends on which side is A. To make {@code diff B A} exactly the mirror of
 * {@code diff A B}, the alignment is always computed in one canonical orientation (the shorter
 * stack first, ties broken by comparing the keys) and mirrored when the caller's order is the other.
 */
public final class StackDiff {
    private StackDiff() {
    }

    /** Aligns two traces' frames; op indexes are frame indexes of the traces. */
    public static Alignment align(Trace a, Trace b, DiffOptions options) {
        return align(a, b, options, new FrameKeys());
    }

    static Alignment align(Trace a, Trace b, DiffOptions options, FrameKeys keys) {
        Alignment al = align(keys.keys(a, options), keys.keys(b, options));
        return options.reliableOnly()
                ? al.remap(FrameKeys.compared(a, options), FrameKeys.compared(b, options))
                : al;
    }

    /** Aligns two key sequences (index 0 = innermost frame). */
    public static Alignment align(List<String> a, List<String> b) {
        if (canonicalOrder(a, b) > 0) {
            return alignInOrder(b, a).mirrored();
        }
        return alignInOrder(a, b);
    }

    private static Alignment alignInOrder(List<String> a, List<String> b) {
        FrameKeys ids = new FrameKeys();
        int[] ia = ids.ids(a);
        int[] ib = ids.ids(b);
        return fromIds(ia, ib);
    }

    /** Alignment of two id sequences in the order given (no canonical reordering). */
    static Alignment fromIds(int[] a, int[] b) {
        int[][] m = Myers.lcs(a, b);
        return fromMatches(a.length, b.length, m[0], m[1]);
    }

    /** Groups matched pairs into runs. */
    static Alignment fromMatches(int n, int m, int[] ma, int[] mb) {
        List<EditOp> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        List<Integer> eqA = new ArrayList<>();
        List<Integer> eqB = new ArrayList<>();
        for (int k = 0; k <= ma.length; k++) {
            int x = k < ma.length ? ma[k] : n;
            int y = k < ma.length ? mb[k] : m;
            if (i < x || j < y) {
                if (!eqA.isEmpty()) {
                    ops.add(new EditOp(EditKind.EQUAL, eqA, eqB));
                    eqA.clear();
                    eqB.clear();
                }
                ops.add(gap(i, x, j, y));
            }
            if (k < ma.length) {
                eqA.add(x);
                eqB.add(y);
            }
            i = x + 1;
            j = y + 1;
        }
        if (!eqA.isEmpty()) {
            ops.add(new EditOp(EditKind.EQUAL, eqA, eqB));
        }
        return new Alignment(n, m, ops, Similarity.of(n, m, ma, mb));
    }

    private static EditOp gap(int aFrom, int aTo, int bFrom, int bTo) {
        List<Integer> a = range(aFrom, aTo);
        List<Integer> b = range(bFrom, bTo);
        EditKind kind = a.isEmpty() ? EditKind.INSERT : b.isEmpty() ? EditKind.DELETE : EditKind.REPLACE;
        return new EditOp(kind, a, b);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }

    /** A total order on key sequences: shorter first, then element by element. */
    static int canonicalOrder(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
