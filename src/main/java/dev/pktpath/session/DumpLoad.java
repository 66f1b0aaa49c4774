package dev.pktpath.session;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.ParseException;
import dev.pktpath.parse.ParseListener;
import dev.pktpath.parse.TextInput;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads one opened input on a background thread with {@link DumpParser#stream}, analysing each trace
 * as it arrives and appending it to a {@link TraceList}, so a front end can draw the first traces of a
 * dump of hundreds of megabytes while the rest is read. Everything a front end reads here is safe
 * from any thread; {@link #cancel()} stops the reading thread and waits for it.
 */
public final class DumpLoad {
    /** The state of a dump that was read in full before it was added. */
    public static final DumpLoad COMPLETE = new DumpLoad();

    private final TextInput input;
    private final Thread thread;
    private final CountDownLatch firstOrDone = new CountDownLatch(1);
    private final CountDownLatch finished;
    private volatile long done;
    private volatile long total;
    private volatile boolean isDone;
    private volatile boolean cancelled;
    private volatile String failure;
    private volatile List<Diagnostic> diagnostics = List.of();

    private DumpLoad() {
        input = null;
        thread = null;
        finished = new CountDownLatch(0);
        isDone = true;
        firstOrDone.countDown();
    }

    /** Where the traces come from: {@link DumpParser#stream} on an input, or a test's own. */
    @FunctionalInterface
    public interface TraceSource {
        List<Diagnostic> stream(Consumer<Trace> sink, ParseListener listener) throws ParseException;
    }

    private DumpLoad(String source, TextInput input, TraceSource from, TraceList traces, Analyzer analyzer) {
        this.input = input;
        this.total = input == null ? -1 : input.size();
        this.finished = new CountDownLatch(1);
        this.thread = new Thread(() -> read(source, from, traces, analyzer), "pktpath-tui loader");
        thread.setDaemon(true);
    }

    /**
     * Starts reading {@code input} into {@code traces}. The input is closed when reading ends.
     *
     * @param source the name the user gave, for messages
     */
    public static DumpLoad start(String source, TextInput input, TraceList traces, Analyzer analyzer) {
        return start(source, input, (sink, listener) -> new DumpParser().stream(source, input, sink, listener), traces, analyzer);
    }

    /** Starts reading the traces {@code from} gives; {@code input} (may be null) is closed when reading ends. */
    public static DumpLoad start(String source, TextInput input, TraceSource from, TraceList traces, Analyzer analyzer) {
        DumpLoad l = new DumpLoad(source, input, from, traces, analyzer);
        l.thread.start();
        return l;
    }

    private void read(String source, TraceSource from, TraceList traces, Analyzer analyzer) {
        try {
            diagnostics = from.stream(t -> {
                traces.add(analyzer.analyze(t));
                firstOrDone.countDown();
            }, (d, t) -> {
                done = d;
                total = t;
            });
            if (input != null) {
                done = Math.max(done, input.bytesRead());
            }
        } catch (ParseException e) {
            failure = e.getMessage();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            failure = source + ": cannot load (" + e + ")";
        } finally {
            if (input != null) {
                try {
                    input.close();
                } catch (IOException | RuntimeException e) {
                    // the traces are read; a failing close loses nothing
                }
            }
            cancelled |= Thread.currentThread().isInterrupted();
            isDone = true;
            firstOrDone.countDown();
            finished.countDown();
        }
    }

    /** Whether reading has ended: the whole input read, failed or cancelled. */
    public boolean isDone() {
        return isDone;
    }

    /** Whether reading was stopped by {@link #cancel()} before the end. */
    public boolean cancelled() {
        return cancelled;
    }

    /** Why reading stopped early (one line, naming the input), or null. */
    public String failure() {
        return failure;
    }

    /** The lines outside any trace, once reading is done. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Bytes consumed so far: the larger of what the parser reported and what the reader counted. */
    public long bytesDone() {
        if (input == null) {
            return isDone ? Math.max(done, 0) : done;
        }
        long read;
        try {
            read = input.bytesRead();
        } catch (RuntimeException e) {
            read = 0;
        }
        return Math.max(done, read);
    }

    /** Bytes in the input, or -1 when unknown (a pipe). */
    public long bytesTotal() {
        return total;
    }

    /** How far reading has got, 0..1, or -1 when the size is unknown. */
    public double fraction() {
        long t = bytesTotal();
        if (isDone) {
            return 1;
        }
        return t <= 0 ? -1 : Math.min(0.999, (double) bytesDone() / t);
    }

    /** Waits until the first trace has arrived or reading has ended, at most {@code millis}. */
    public boolean awaitFirstTrace(long millis) throws InterruptedException {
        return firstOrDone.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Waits until reading has ended, at most {@code millis}. */
    public boolean await(long millis) throws InterruptedException {
        return finished.await(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops reading (the traces read so far stay) and waits for the reading thread to end, so that
     * leaving the explorer leaves no thread behind. Closing the input unblocks a read in progress.
     */
    public void cancel() {
        if (thread == null) {
            return;
        }
        try {
            if (!isDone) {
                cancelled = true;
                thread.interrupt();
                if (!finished.await(2, TimeUnit.SECONDS) && input != null) {
                    input.close();
                    finished.await(2, TimeUnit.SECONDS);
                }
            }
            // reading has ended when the latch opens, but the thread still runs its last lines
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // best effort: the thread is a daemon and ends with the JVM
        }
    }

    /** The reading thread, for tests that check it has ended. */
    Thread thread() {
        return thread;
    }
}
