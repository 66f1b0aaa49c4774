package dev.pktpath.diff;

import java.util.List;

/**
 * One run of a stack diff: the frame indexes of A and of B it covers, in increasing order.
 * {@code equal} runs have as many indexes on both sides (paired in order); {@code delete} has only
 * A's, {@code insert} only B's, {@code replace} both (not necessarily the same number).
 */
public record EditOp(EditKind kind, List<Integer> a, List<Integer> b) {
    public EditOp {
        a = List.copyOf(a);
        b = List.copyOf(b);
    }

    /** This run seen from B's side. */
    public EditOp mirrored() {
        return new EditOp(kind.mirrored(), b, a);
    }
}
