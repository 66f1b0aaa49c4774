package dev.pktpath.tui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Work too long for a key press (building the rows of a trace of a million frames under a new filter,
 * searching one, searching the other traces of a dump) runs here, on its own thread, so the screen
 * never freezes. The screen loop {@link #poll()}s: a finished job's result is handed to its
 * {@code onDone} on the screen loop's thread, so the view state is only ever changed there.
 * One job per {@link Slot}: a new one replaces (cancels) the one before it.
 */
final class Background {
    enum Slot { ROWS, SEARCH, BUCKETS }

    /** Told how far a job has got; also where a job learns it was cancelled. */
    static final class Progress {
        private volatile double fraction;
        private int calls;

        /** Records how far the job is (0..1); throws {@link CancellationException} once the job is cancelled. */
        void set(double f) {
            fraction = f;
            check();
        }

        /** For tight loops: a cheap check every few thousand calls. */
        void tick(int i, int n) {
            if ((++calls & 0x3fff) == 0) {
                set(n <= 0 ? 0 : (double) i / n);
            }
        }

        void check() {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException();
            }
        }

        double fraction() {
            return fraction;
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Progress p);
    }

    /** A job as the status line shows it. */
    static final class Job<T> {
        final String label;
        final Progress progress = new Progress();
        private final Consumer<T> onDone;
        private final Consumer<RuntimeException> onFailure;
        private volatile boolean finished;
        private volatile T result;
        private volatile RuntimeException failure;
        private Thread thread;
        private int shownPercent = -1;

        Job(String label, Consumer<T> onDone, Consumer<RuntimeException> onFailure) {
            this.label = label;
            this.onDone = onDone;
            this.onFailure = onFailure;
        }

        int percent() {
            return (int) Math.floor(progress.fraction() * 100);
        }
    }

    private final Map<Slot, Job<?>> jobs = new EnumMap<>(Slot.class);
    private final List<Thread> cancelled = new ArrayList<>();

    /** Starts {@code work} in {@code slot}, cancelling what ran there. */
    <T> Job<T> start(Slot slot, String label, Work<T> work, Consumer<T> onDone, Consumer<RuntimeException> onFailure) {
        cancel(slot);
        Job<T> job = new Job<>(label, onDone, onFailure);
        job.thread = new Thread(() -> {
            try {
                job.result = work.run(job.progress);
            } catch (CancellationException e) {
                return;
            } catch (RuntimeException e) {
                job.failure = e;
            } catch (StackOverflowError | OutOfMemoryError e) {
                job.failure = new IllegalStateException(e.toString(), e);
            }
            job.finished = true;
        }, "pktpath-tui " + slot.name().toLowerCase(java.util.Locale.ROOT));
        job.thread.setDaemon(true);
        jobs.put(slot, job);
        job.thread.start();
        return job;
    }

    /** Cancels the job in {@code slot}, if any; returns it (null when there was none). */
    Job<?> cancel(Slot slot) {
        Job<?> j = jobs.remove(slot);
        if (j != null) {
            j.thread.interrupt();
            cancelled.add(j.thread);
            cancelled.removeIf(t -> !t.isAlive());
        }
        return j;
    }

    Job<?> running(Slot slot) {
        return jobs.get(slot);
    }

    boolean busy() {
        return !jobs.isEmpty();
    }

    /** The running job the status line should show (a search before a rebuild of rows), or null. */
    Job<?> shown() {
        Job<?> s = jobs.get(Slot.SEARCH);
        if (s == null) {
            s = jobs.get(Slot.BUCKETS);
        }
        return s != null ? s : jobs.get(Slot.ROWS);
    }

    /**
     * On the screen loop: hands finished results to their callbacks. Returns whether anything the
     * screen shows changed (a job ended, or its percentage moved).
     */
    boolean poll() {
        boolean changed = false;
        for (Slot slot : Slot.values()) {
            Job<?> j = jobs.get(slot);
            if (j == null) {
                continue;
            }
            if (j.finished) {
                jobs.remove(slot);
                finish(j);
                changed = true;
            } else if (j.percent() != j.shownPercent) {
                j.shownPercent = j.percent();
                changed = true;
            }
        }
        return changed;
    }

    private static <T> void finish(Job<T> j) {
        if (j.failure != null) {
            j.onFailure.accept(j.failure);
        } else {
            j.onDone.accept(j.result);
        }
    }

    /** For tests and the bench: waits until every job has finished, then polls. */
    boolean awaitIdle(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (busy() && System.nanoTime() < end) {
            boolean allFinished = true;
            for (Job<?> j : jobs.values()) {
                allFinished &= j.finished;
            }
            if (allFinished) {
                poll();
                continue;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !busy();
    }

    /** Cancels every job and waits (briefly) for their threads, so leaving the explorer leaves none behind. */
    void close() {
        for (Slot s : Slot.values()) {
            cancel(s);
        }
        for (Thread t : cancelled) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        cancelled.clear();
    }
}
