package dev.pktpath.cli;

import dev.pktpath.parse.ParseListener;
import dev.pktpath.render.Sanitizer;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The CLI's progress line on stderr while a big input is read:
 * {@code reading big.txt  42%  84 MB of 200 MB  80123 traces}, redrawn in place ({@code \r}) a few
 * times a second. Only when stderr is a terminal (never into a file or a pipe, never on stdout), only
 * once reading has taken more than {@link #DELAY_MS} (a small dump prints no line at all), and erased
 * before the command writes its output or ends, so the terminal keeps only the output.
 *
 * <p>The parser reports bytes through {@link ParseListener}, from its own thread; a daemon timer
 * draws. Output to stdout goes through {@link #write}, which erases the line first under the same
 * lock, so a line of output never lands after the progress text when both go to one terminal.
 */
final class Progress implements ParseListener, AutoCloseable {
    static final long DELAY_MS = 500;
    static final long PERIOD_MS = 250;
    /** Room for the name in the line; the line stays within 80 columns. */
    private static final int NAME_ROOM = 28;

    private final PrintWriter err;
    private final String name;
    private final Object lock = new Object();
    private final Thread timer;
    private volatile long done;
    private volatile long total = -1;
    private volatile int traces;
    private volatile boolean closed;
    private final boolean eraseForOutput;
    /** What is on the screen now ("" when nothing). */
    private String shown = "";

    private Progress(PrintWriter err, String name, long size, boolean active, boolean eraseForOutput) {
        this.err = err;
        this.name = shorten(Sanitizer.clean(name));
        this.total = size;
        this.eraseForOutput = eraseForOutput;
        if (active) {
            timer = new Thread(this::tick, "pktpath-progress");
            timer.setDaemon(true);
            timer.start();
        } else {
            timer = null;
        }
    }

    /**
     * A progress line for reading {@code name} ({@code size} bytes, or -1 when unknown), drawn on
     * {@code err} only when stderr is a terminal. It is erased before each write to stdout only when
     * stdout is a terminal too (then the output may share the screen with it); output into a file or a
     * pipe leaves the line in place until the end.
     */
    static Progress on(PrintWriter err, String name, long size) {
        return new Progress(err, name, size, Tty.stderr(), Tty.stdout());
    }

    /** One that never draws. */
    static Progress none() {
        return new Progress(null, "", -1, false, false);
    }

    @Override
    public void progress(long done, long total) {
        this.done = done;
        this.total = total;
    }

    /** Traces read so far (from the thread that takes them). */
    void traces(int n) {
        traces = n;
    }

    /** Runs {@code output} (writes to stdout, then flushes) with the progress line erased first. */
    void write(Runnable output) {
        if (timer == null || !eraseForOutput) {
            output.run();
            return;
        }
        synchronized (lock) {
            erase();
            output.run();
        }
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        synchronized (lock) {
            closed = true;
            erase();
        }
        timer.interrupt();
    }

    private void tick() {
        try {
            Thread.sleep(DELAY_MS);
            while (!closed) {
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    draw(line(name, done, total, traces));
                }
                Thread.sleep(PERIOD_MS);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void draw(String line) {
        if (line.equals(shown)) {
            return;
        }
        StringBuilder b = new StringBuilder().append('\r').append(line);
        if (line.length() < shown.length()) {
            b.append(" ".repeat(shown.length() - line.length())).append('\r').append(line);
        }
        shown = line;
        err.print(b);
        err.flush();
    }

    private void erase() {
        if (!shown.isEmpty()) {
            err.print("\r" + " ".repeat(shown.length()) + "\r");
            err.flush();
            shown = "";
        }
    }

    /** {@code reading big.txt  42%  84 MB of 200 MB  80123 traces}; without a size (a pipe), the MB read. */
    static String line(String name, long done, long total, int traces) {
        StringBuilder b = new StringBuilder("reading ").append(name);
        if (total > 0) {
            long pct = Math.min(100, done * 100 / total);
            b.append(String.format(Locale.ROOT, "  %d%%  %s of %s", pct, mb(done), mb(total)));
        } else {
            b.append("  ").append(mb(done));
        }
        b.append("  ").append(traces).append(traces == 1 ? " trace" : " traces");
        return b.toString();
    }

    private static String mb(long bytes) {
        return bytes >= 10L << 20 ? (bytes >> 20) + " MB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static String shorten(String name) {
        if (name.length() <= NAME_ROOM) {
            return name;
        }
        int slash = name.lastIndexOf('/');
        String base = slash >= 0 ? name.substring(slash + 1) : name;
        return base.length() <= NAME_ROOM ? base : "..." + base.substring(base.length() - NAME_ROOM + 3);
    }
}
