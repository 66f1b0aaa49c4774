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
        if (!dirty) {
            return s;
        }
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
