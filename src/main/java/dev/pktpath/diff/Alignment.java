package dev.pktpath.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The aligned frames of two stacks: the edit runs that turn A into B, covering every compared frame
 * of both in order, and the similarity score of the pair ({@link Similarity}).
 *
 * @param sizeA number of A's frames compared (all of them unless unreliable ones were left out)
 * @param sizeB the same for B
 */
public record Alignment(int sizeA, int sizeB, List<EditOp> ops, double similarity) {
    public Alignment {
        ops = List.copyOf(ops);
    }

    /** True when the stacks are the same frame for frame (under the comparison used). */
    public boolean same() {
        for (EditOp op : ops) {
            if (op.kind() != EditKind.EQUAL) {
                return false;
            }
        }
        return true;
    }

    /** Number of frames matched on both sides (the LCS length). */
    public int matched() {
        int n = 0;
        for (EditOp op : ops) {
            if (op.kind() == EditKind.EQUAL) {
                n += op.a().size();
            }
        }
        return n;
    }

    /** The same alignment seen from B: sides swapped, deletes and inserts exchanged. */
    public Alignment mirrored() {
        List<EditOp> m = new ArrayList<>(ops.size());
        for (EditOp op : ops) {
            m.add(op.mirrored());
        }
        return new Alignment(sizeB, sizeA, m, similarity);
    }

    /**
     * Rows for a side-by-side view: equal frames face each other, a replace run pairs its frames in
     * order and leaves the longer side's extra frames facing nothing.
     */
    public List<DiffRow> rows() {
        List<DiffRow> rows = new ArrayList<>(Math.max(sizeA, sizeB));
        for (EditOp op : ops) {
            int n = Math.max(op.a().size(), op.b().size());
            for (int i = 0; i < n; i++) {
                Integer ai = i < op.a().size() ? op.a().get(i) : null;
                Integer bi = i < op.b().size() ? op.b().get(i) : null;
                rows.add(new DiffRow(ai, bi, op.kind()));
            }
        }
        return rows;
    }

    /**
     * Indexes into {@link #rows()} where each run of changed rows starts: where the explorer's
     * next/previous-difference keys jump to.
     */
    public List<Integer> changeStarts() {
        List<Integer> starts = new ArrayList<>();
        int row = 0;
        for (EditOp op : ops) {
            if (op.kind() != EditKind.EQUAL) {
                starts.add(row);
            }
            row += Math.max(op.a().size(), op.b().size());
        }
        return starts;
    }

    /** The same alignment with op indexes translated through the maps (compared position -> frame index). */
    Alignment remap(int[] mapA, int[] mapB) {
        List<EditOp> m = new ArrayList<>(ops.size());
        for (EditOp op : ops) {
            m.add(new EditOp(op.kind(), map(op.a(), mapA), map(op.b(), mapB)));
        }
        return new Alignment(sizeA, sizeB, m, similarity);
    }

    private static List<Integer> map(List<Integer> idx, int[] to) {
        List<Integer> r = new ArrayList<>(idx.size());
        for (int i : idx) {
            r.add(to[i]);
        }
        return r;
    }
}
