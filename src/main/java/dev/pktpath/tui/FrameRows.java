package dev.pktpath.tui;

import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The rows of the frames pane for one trace and one filter, built once and reused on every key:
 * frames, the exception frames where crash prints them, a marker where the stack changes
 * (crash's {@code --- <IRQ stack> ---}), and a count where the filter hides frames.
 * Kept as flat int arrays so a trace of 100,000 frames costs a few arrays, not objects per row.
 */
final class FrameRows {
    static final int FRAME = 0, EXCEPTION = 1, CONTEXT = 2, HIDDEN = 3;

    private final int[] kind;
    private final int[] ref;
    private final int rowCount;
    /** Shown frame indexes in display order. */
    final int[] visible;
    /** Frame index to row, -1 when hidden. */
    private final int[] rowOfFrame;
    /** Frame index to position in {@link #visible}, -1 when hidden. */
    private final int[] posOfFrame;
    final int hiddenCount;
    /** Widest {@code function+offset} of the trace, for the column width. */
    final int functionWidth;
    final int moduleWidth;

    FrameRows(TraceAnalysis a, IntPredicate shown) {
        this(a, shown, null, null);
    }

    /**
     * @param widths   the trace's column widths from earlier rows of the same trace ({@link #widths()}),
     *                 or null to measure them (every frame's text: the slow part on a long trace)
     * @param progress for a build in the background: told how far it is, and where it learns it was cancelled
     */
    FrameRows(TraceAnalysis a, IntPredicate shown, int[] widths, Background.Progress progress) {
        List<Frame> frames = a.trace().frames();
        int n = frames.size();
        Map<Integer, List<Integer>> exceptionsAfter = new HashMap<>();
        List<ExceptionFrame> exceptions = a.trace().exceptions();
        for (int e = 0; e < exceptions.size(); e++) {
            exceptionsAfter.computeIfAbsent(exceptions.get(e).afterFrame(), k -> new ArrayList<>()).add(e);
        }
        int cap = n + 2 * exceptions.size() + 8;
        int[] k = new int[cap];
        int[] r = new int[cap];
        int rows = 0;
        rowOfFrame = new int[n];
        posOfFrame = new int[n];
        Arrays.fill(rowOfFrame, -1);
        Arrays.fill(posOfFrame, -1);
        int[] vis = new int[n];
        int shownCount = 0;
        int hidden = 0;
        int hiddenRun = 0;
        int fnWidth = 8;
        int modWidth = 0;
        StackContext ctx = null;
        for (int e : exceptionsAfter.getOrDefault(-1, List.of())) {
            k = grow(k, rows);
            r = grow(r, rows);
            k[rows] = EXCEPTION;
            r[rows++] = e;
        }
        boolean measure = widths == null;
        boolean anyException = !exceptionsAfter.isEmpty();
        for (int i = 0; i < n; i++) {
            if (progress != null) {
                progress.tick(i, n);
            }
            Frame f = frames.get(i);
            if (measure) {
                fnWidth = Math.max(fnWidth, FrameText.functionWithOffset(f).length());
                if (f.module() != null) {
                    modWidth = Math.max(modWidth, f.module().length() + 2);
                }
            }
            List<Integer> after = anyException ? exceptionsAfter.getOrDefault(i, List.of()) : List.of();
            int extra = 3 + after.size();
            k = grow(k, rows + extra);
            r = grow(r, rows + extra);
            if (!shown.test(i)) {
                hidden++;
                hiddenRun++;
            } else {
                if (hiddenRun > 0) {
                    k[rows] = HIDDEN;
                    r[rows++] = hiddenRun;
                    hiddenRun = 0;
                }
                if (ctx != null && f.context() != ctx) {
                    k[rows] = CONTEXT;
                    r[rows++] = f.context().ordinal();
                }
                ctx = f.context();
                rowOfFrame[i] = rows;
                posOfFrame[i] = shownCount;
                vis[shownCount++] = i;
                k[rows] = FRAME;
                r[rows++] = i;
            }
            for (int e : after) {
                k[rows] = EXCEPTION;
                r[rows++] = e;
            }
        }
        if (hiddenRun > 0) {
            k = grow(k, rows + 1);
            r = grow(r, rows + 1);
            k[rows] = HIDDEN;
            r[rows++] = hiddenRun;
        }
        this.kind = k;
        this.ref = r;
        this.rowCount = rows;
        this.visible = Arrays.copyOf(vis, shownCount);
        this.hiddenCount = hidden;
        this.functionWidth = measure ? Math.min(fnWidth, 60) : widths[0];
        this.moduleWidth = measure ? Math.min(modWidth, 16) : widths[1];
    }

    /** The column widths, to hand to the next rows built for the same trace. */
    int[] widths() {
        return new int[]{functionWidth, moduleWidth};
    }

    private static int[] grow(int[] a, int need) {
        return need < a.length ? a : Arrays.copyOf(a, Math.max(need + 1, a.length * 2));
    }

    int size() {
        return rowCount;
    }

    int kind(int row) {
        return kind[row];
    }

    int ref(int row) {
        return ref[row];
    }

    int rowOf(int frame) {
        return frame >= 0 && frame < rowOfFrame.length ? rowOfFrame[frame] : -1;
    }

    int positionOf(int frame) {
        return frame >= 0 && frame < posOfFrame.length ? posOfFrame[frame] : -1;
    }

    /** The shown frame nearest to {@code frame} (itself when shown), or -1 when every frame is hidden. */
    int nearestShown(int frame) {
        if (visible.length == 0) {
            return -1;
        }
        if (positionOf(frame) >= 0) {
            return frame;
        }
        int lo = 0, hi = visible.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (visible[mid] < frame) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return visible[lo];
    }
}
