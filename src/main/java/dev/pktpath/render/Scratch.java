package dev.pktpath.render;

import java.util.function.Consumer;

/**
 * One {@link StringBuilder} per thread, kept from one trace's text to the next: a trace of a
 * {@code foreach bt} is a few kilobytes, and growing a fresh builder to that size for every trace copied
 * it again and again (a tenth of {@code print --json}, JFR, issue 10). A builder grown past 1 MiB (a trace
 * of a million frames) is not kept for the next trace.
 */
final class Scratch {
    private static final int MAX_KEPT = 1 << 20;

    private final int start;
    private final ThreadLocal<StringBuilder> local;

    /** Builders that start at {@code start} characters. */
    Scratch(int start) {
        this.start = start;
        this.local = ThreadLocal.withInitial(() -> new StringBuilder(start));
    }

    /** What {@code write} appends to this thread's emptied builder. */
    String text(Consumer<StringBuilder> write) {
        StringBuilder b = local.get();
        b.setLength(0);
        write.accept(b);
        String text = b.toString();
        if (b.capacity() > MAX_KEPT) {
            local.set(new StringBuilder(start));
        }
        return text;
    }
}
