package dev.pktpath.diff;

/**
 * One row of the side-by-side view: the frame of A and the frame of B drawn on that row (either
 * may be null when the other side has a frame with nothing facing it), and the kind of the run the
 * row belongs to. A {@code replace} run of 2 frames against 3 gives three rows, the last with
 * {@code a == null}.
 */
public record DiffRow(Integer a, Integer b, EditKind kind) {
    public boolean changed() {
        return kind != EditKind.EQUAL;
    }
}
