package dev.pktpath.render;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The envelope of the {@code pktpath-tui/1} documents that list traces ({@code print --json},
 * {@code journey --json}): {@code {"schema":"pktpath-tui/1","source":"dump.txt","traces":[ ... ]}} and a
 * newline, written one trace object at a time so that a dump can be printed as it is read.
 *
 * <p>The head is written with the first trace, not before: a command that finds no trace at all has
 * written nothing and can fail cleanly. The bytes are those {@link Json} writes for the whole document
 * (no spaces; a comma between two trace objects).
 */
public final class JsonDocument {
    private final Appendable out;
    private final String source;
    private boolean open;

    public JsonDocument(Appendable out, String source) {
        this.out = out;
        this.source = source;
    }

    /** Appends one trace object (as {@link JsonRenderer#trace(dev.pktpath.analysis.TraceAnalysis)} makes it). */
    public void add(String traceObject) {
        try {
            if (!open) {
                head();
            } else {
                out.append(',');
            }
            out.append(traceObject);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a trace has been written (the document has begun). */
    public boolean begun() {
        return open;
    }

    /** Closes the traces list and the document; an empty list when no trace was added. */
    public void end() {
        try {
            if (!open) {
                head();
            }
            out.append("]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void head() throws IOException {
        StringBuilder b = new StringBuilder(64);
        new Json(b).beginObject().field("schema", JsonRenderer.SCHEMA).field("source", source).name("traces").beginArray();
        out.append(b);
        open = true;
    }

    /** One value written by {@code write} on its own, as a string (a trace object, for {@link #add}). */
    static String object(java.util.function.Consumer<Json> write) {
        // one builder per thread, kept between traces: a trace object of a foreach bt is a few kilobytes,
        // and growing a fresh builder to that size copied it twice more (a tenth of print --json, JFR)
        StringBuilder b = SCRATCH.get();
        b.setLength(0);
        write.accept(new Json(b));
        String s = b.toString();
        if (b.capacity() > MAX_KEPT) {
            SCRATCH.set(new StringBuilder(START));
        }
        return s;
    }

    private static final int START = 8192;
    /** A builder grown past this (a trace of a million frames) is not kept for the next trace. */
    private static final int MAX_KEPT = 1 << 20;
    private static final ThreadLocal<StringBuilder> SCRATCH = ThreadLocal.withInitial(() -> new StringBuilder(START));
}
