package dev.pktpath.cli;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Trace;
import dev.pktpath.render.TextRenderer;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The streaming core of {@code print} and {@code journey}: takes the traces as the parser hands them
 * over ({@link TraceFeed.Sink}), analyses and renders them in batches spread over the cores, and writes
 * the pieces in input order, flushing after each batch so that the first output appears at once and
 * memory stays flat.
 *
 * <p>The text headers ({@code trace 3/12}) name how many traces there are, which is known only at the
 * end of the input. So with {@link Count#TOTAL}, the first {@value #HOLD_TRACES} traces (at most
 * {@value #HOLD_FRAMES} frames) are held back: a dump that ends within them prints exactly as the
 * whole-dump renderers print it; a bigger one is printed as it is read, its headers without the total
 * ({@link TextRenderer#COUNT_UNKNOWN}: {@code trace 1001}). JSON names no count and is never held.
 *
 * @param <R> what rendering one trace gives (its text, plus what the command sums up at the end)
 */
final class TracePrinter<R> implements TraceFeed.Sink {
    /** Traces held back, at most, to learn the total before the first header is printed. */
    static final int HOLD_TRACES = 1000;
    /** Frames held back, at most (a few traces of a million frames must not be held). */
    static final int HOLD_FRAMES = 200_000;
    /** A batch is analysed and rendered over the cores, then written: this many traces at most... */
    static final int BATCH_TRACES = 256;
    /** ... or this many frames ... */
    static final int BATCH_FRAMES = 50_000;
    /** ... or what came in this long, so that a slow input (a pipe) still shows its traces soon. */
    static final long BATCH_NANOS = 100_000_000L;
    /** Below this many traces a batch stays on the calling thread, where a fork would cost more than it saves. */
    private static final int PARALLEL_FROM = 16;

    /** What the renderer is told as the trace count of a header. */
    enum Count {
        /** nothing (JSON): never hold traces back */
        NONE,
        /** one: a single trace is printed ({@code print --trace N}) */
        ONE,
        /** the number of traces in the dump: hold traces back to learn it */
        TOTAL
    }

    /** Renders one analysed trace; called from any thread. */
    interface Render<R> {
        R render(TraceAnalysis a, int count);
    }

    /** Writes one rendered trace to the output; called on the calling thread, in input order. */
    interface Emit<R> {
        void emit(R piece, int count);
    }

    private final Analyzer analyzer;
    private final Integer only;
    private final Render<R> render;
    private final Emit<R> emit;
    private final PrintWriter out;
    private Progress progress = Progress.none();

    private boolean holding;
    private int count;
    private int seen;
    private boolean found;
    private boolean outputClosed;
    private List<Trace> pending = new ArrayList<>();
    private int pendingFrames;
    private long since = System.nanoTime();

    /**
     * @param only  the one trace id to print ({@code --trace N}), or null for all
     * @param out   the output, flushed after each batch (and watched: a closed pipe stops the reading)
     */
    TracePrinter(Analyzer analyzer, Integer only, Count count, Render<R> render, Emit<R> emit, PrintWriter out) {
        this.analyzer = analyzer;
        this.only = only;
        this.render = render;
        this.emit = emit;
        this.out = out;
        this.holding = count == Count.TOTAL;
        this.count = count == Count.ONE ? 1 : TextRenderer.COUNT_UNKNOWN;
    }

    @Override
    public boolean accept(Trace t) {
        seen++;
        if (only == null || t.id() == only) {
            found = true;
            pending.add(t);
            pendingFrames += t.frames().size();
        }
        if (holding) {
            if (seen <= HOLD_TRACES && pendingFrames <= HOLD_FRAMES) {
                return true;
            }
            holding = false;
            flush();
        } else if (pending.size() >= BATCH_TRACES || pendingFrames >= BATCH_FRAMES
                || (!pending.isEmpty() && System.nanoTime() - since >= BATCH_NANOS)) {
            flush();
        }
        if (only != null && found && !holding) {
            flush();
            return false;
        }
        return !outputClosed;
    }

    /** The input has ended: prints what is held or pending, now that the count is known. */
    void finish() {
        if (holding) {
            holding = false;
            count = seen;
        }
        flush();
    }

    /** The progress line to erase before each write to the output. */
    void progress(Progress p) {
        progress = p;
    }

    /** Traces read so far. */
    int seen() {
        return seen;
    }

    /** Whether the trace asked for ({@code --trace N}) was read; with all traces, whether any was. */
    boolean found() {
        return found;
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Trace> batch = pending;
        pending = new ArrayList<>();
        pendingFrames = 0;
        int c = count;
        List<R> pieces = batch.size() < PARALLEL_FROM || Runtime.getRuntime().availableProcessors() < 2
                ? batch.stream().map(t -> render.render(analyzer.analyze(t), c)).toList()
                : batch.parallelStream().map(t -> render.render(analyzer.analyze(t), c)).toList();
        progress.write(() -> {
            for (R p : pieces) {
                emit.emit(p, c);
            }
            out.flush();
        });
        // a closed pipe (print big.txt | head): reading on would only burn time. picocli's writer wraps
        // System.out in an OutputStreamWriter, so the PrintStream underneath is the one that sees the error.
        outputClosed = out.checkError() || System.out.checkError();
        since = System.nanoTime();
    }
}
