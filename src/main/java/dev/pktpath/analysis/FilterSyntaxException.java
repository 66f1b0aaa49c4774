package dev.pktpath.analysis;

/**
 * A frame filter query that cannot be read. {@link #position()} is the 0-based offset in the
 * query where the trouble starts, so that a front end can point at it.
 */
public final class FilterSyntaxException extends Exception {
    private final String query;
    private final int position;

    public FilterSyntaxException(String message, String query, int position) {
        super(message);
        this.query = query;
        this.position = position;
    }

    public String query() {
        return query;
    }

    public int position() {
        return position;
    }

    /** The query and a caret under the offending place, for a terminal: two lines, no trailing newline. */
    public String pointer() {
        return query + "\n" + " ".repeat(Math.max(0, Math.min(position, query.length()))) + "^";
    }
}
