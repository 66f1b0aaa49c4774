package dev.pktpath.render;

import java.util.Arrays;

/**
 * A small streaming JSON writer: enough for our one output schema, with correct string escaping
 * (control characters and escape sequences from a dump never reach the terminal raw).
 *
 * <p>Besides the checked calls ({@link #name}, {@link #value}, {@link #field}), renderers in this
 * package may write a run of the schema's own text at once ({@link #element}, {@link #raw},
 * {@link #string}, {@link #number}): {@code print --json} writes sixteen fields per frame for millions of
 * frames, and the names, commas and braces of a frame object are the same every time. {@code JsonFastPathTest}
 * holds what they write to what the checked calls write.
 */
public final class Json {
    /** Characters below 128 written as they are: printable ASCII but the quote and the backslash. */
    private static final boolean[] PLAIN_ASCII = new boolean[128];
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static {
        for (char c = 0x20; c < 0x7f; c++) {
            PLAIN_ASCII[c] = c != '"' && c != '\\';
        }
    }

    private final StringBuilder out;
    /** Per open object or array, innermost last: whether nothing has been written in it yet. */
    private boolean[] first = new boolean[8];
    private int depth;
    private boolean afterName;

    public Json(StringBuilder out) {
        this.out = out;
    }

    public Json beginObject() {
        value();
        out.append('{');
        push();
        return this;
    }

    public Json endObject() {
        depth--;
        out.append('}');
        return this;
    }

    public Json beginArray() {
        value();
        out.append('[');
        push();
        return this;
    }

    public Json endArray() {
        depth--;
        out.append(']');
        return this;
    }

    public Json name(String name) {
        separate();
        quote(name);
        out.append(':');
        afterName = true;
        return this;
    }

    public Json value(String s) {
        value();
        return string(s);
    }

    public Json value(Number n) {
        value();
        if (n == null) {
            out.append("null");
        } else if (n instanceof Integer i) {
            out.append(i.intValue());
        } else if (n instanceof Long l) {
            out.append(l.longValue());
        } else {
            out.append(n.toString());
        }
        return this;
    }

    public Json value(boolean b) {
        value();
        out.append(b);
        return this;
    }

    public Json field(String name, String v) {
        return name(name).value(v);
    }

    public Json field(String name, Number v) {
        return name(name).value(v);
    }

    public Json field(String name, boolean v) {
        return name(name).value(v);
    }

    /**
     * Starts a value written by hand with {@link #raw}, {@link #string} and {@link #number}: puts the
     * comma before it where one is due, as {@link #beginObject} would. The value must be whole when the
     * next checked call comes.
     */
    Json element() {
        value();
        return this;
    }

    /**
     * A whole value that another {@code Json} wrote (its strings escaped as every value's are), with the
     * comma due before it: parts of one document written apart, on several threads, then joined.
     */
    Json written(String json) {
        value();
        out.append(json);
        return this;
    }

    /** Text of the schema's own (braces, commas, {@code "name":}), written as it is: never text from a dump. */
    Json raw(String schemaText) {
        out.append(schemaText);
        return this;
    }

    /** A string value, quoted and escaped, or {@code null}; no comma (see {@link #element}). */
    Json string(String s) {
        if (s == null) {
            out.append("null");
        } else {
            quote(s);
        }
        return this;
    }

    /** A number or {@code null}; no comma (see {@link #element}). */
    Json number(Integer n) {
        if (n == null) {
            out.append("null");
        } else {
            out.append(n.intValue());
        }
        return this;
    }

    /** A number or {@code null}; no comma (see {@link #element}). */
    Json number(Long n) {
        if (n == null) {
            out.append("null");
        } else {
            out.append(n.longValue());
        }
        return this;
    }

    /** A number; no comma (see {@link #element}). */
    Json number(long n) {
        out.append(n);
        return this;
    }

    /** {@code true} or {@code false}; no comma (see {@link #element}). */
    Json bool(boolean b) {
        out.append(b);
        return this;
    }

    private void push() {
        if (depth == first.length) {
            first = Arrays.copyOf(first, depth * 2);
        }
        first[depth++] = true;
    }

    private void value() {
        if (afterName) {
            afterName = false;
        } else {
            separate();
        }
    }

    private void separate() {
        if (depth > 0) {
            if (first[depth - 1]) {
                first[depth - 1] = false;
            } else {
                out.append(',');
            }
        }
    }

    private void quote(String s) {
        out.append('"');
        // most strings (function names, hex addresses) need no escape: append them whole (the
        // char-by-char loop below was an eighth of print --json's CPU time on a big dump, JFR); the
        // test for a plain character is a table lookup for ASCII (the scan was a quarter of rendering)
        int n = s.length();
        int first = 0;
        while (first < n) {
            char c = s.charAt(first);
            if (c < 0x80 ? !PLAIN_ASCII[c] : !plainAbove127(c)) {
                break;
            }
            first++;
        }
        if (first == n) {
            out.append(s).append('"');
            return;
        }
        out.append(s, 0, first);
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        // \\u%04x without a format string
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A character from 128 up written as it is: not DEL or a C1 control, not a line or paragraph separator. */
    private static boolean plainAbove127(char c) {
        return c > 0x9f && c != '\u2028' && c != '\u2029';
    }
}
