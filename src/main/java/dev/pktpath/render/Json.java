package dev.pktpath.render;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer: enough for our one output schema, with correct string escaping
 * (control characters and escape sequences from a dump never reach the terminal raw).
 */
public final class Json {
    private final StringBuilder out;
    private final Deque<Boolean> first = new ArrayDeque<>();
    private boolean afterName;

    public Json(StringBuilder out) {
        this.out = out;
    }

    public Json beginObject() {
        value();
        out.append('{');
        first.push(true);
        return this;
    }

    public Json endObject() {
        first.pop();
        out.append('}');
        return this;
    }

    public Json beginArray() {
        value();
        out.append('[');
        first.push(true);
        return this;
    }

    public Json endArray() {
        first.pop();
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
        if (s == null) {
            out.append("null");
        } else {
            quote(s);
        }
        return this;
    }

    public Json value(Number n) {
        value();
        out.append(n == null ? "null" : n.toString());
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

    private void value() {
        if (afterName) {
            afterName = false;
        } else {
            separate();
        }
    }

    private void separate() {
        if (!first.isEmpty()) {
            if (first.peek()) {
                first.pop();
                first.push(false);
            } else {
                out.append(',');
            }
        }
    }

    private void quote(String s) {
        out.append('"');
        // most strings (function names, hex addresses) need no escape: append them whole (the
        // char-by-char loop below was an eighth of print --json's CPU time on a big dump, JFR)
        int first = 0;
        while (first < s.length() && plain(s.charAt(first))) {
            first++;
        }
        out.append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A character written as it is: printable, not a quote or backslash, not a C1 control or line separator. */
    private static boolean plain(char c) {
        return c >= 0x20 && c != '"' && c != '\\' && (c < 0x7f || (c > 0x9f && c != '\u2028' && c != '\u2029'));
    }
}
