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
        return SCRATCH.text(b -> write.accept(new Json(b)));
    }

    private static final Scratch SCRATCH = new Scratch(8192);
}
