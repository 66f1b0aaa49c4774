package dev.pktpath.render;

import java.util.regex.Pattern;

/**
 * Makes text from a dump safe to put on a terminal: escape sequences (CSI, OSC, ...) removed,
 * other control characters shown as {@code ?}. Every string from a dump passes here before output.
 */
public final class Sanitizer {
    private static final Pattern ESCAPES = Pattern.compile(
            "\\u001B\\[[0-?]*[ -/]*[@-~]|\\u001B\\][^\\u0007\\u001B]*(?:\\u0007|\\u001B\\\\)?|\\u001B[@-Z\\\\-_]?|\\u009B[0-?]*[ -/]*[@-~]");

    private Sanitizer() {
    }

    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        boolean dirty = false;
        for (int i = 0; i < s.length() && !dirty; i++) {
            dirty = isControl(s.charAt(i));
        }
        return dirty ? cleaned(s) : s;
    }

    /**
     * {@code s} without escape sequences and with other control characters as {@code ?}. Apart from
     * {@link #clean}, which every name of every output passes through: kept out of its way, the regex
     * is not compiled into it each run (issue 10: 84 ms of C2 for a cluster of a 200 MB dump).
     */
    private static String cleaned(String s) {
        String noEsc = ESCAPES.matcher(s).replaceAll("");
        StringBuilder b = new StringBuilder(noEsc.length());
        for (int i = 0; i < noEsc.length(); i++) {
            char c = noEsc.charAt(i);
            b.append(c == '\t' ? ' ' : isControl(c) ? '?' : c);
        }
        return b.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }
}
