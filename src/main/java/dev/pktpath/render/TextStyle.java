package dev.pktpath.render;

import java.util.Locale;

/**
 * How plain text is drawn: colour (ANSI SGR, only when asked for), ASCII only (no arrows or
 * ellipsis characters, for terminals that garble them), and the width to fit.
 * Every meaning is carried by characters ({@code -}, {@code +}, {@code ~}); colour only repeats it.
 */
public record TextStyle(boolean color, boolean ascii, int width) {
    public static final int DEFAULT_WIDTH = 80;
    public static final TextStyle PLAIN = new TextStyle(false, false, DEFAULT_WIDTH);

    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    public TextStyle {
        width = Math.max(40, width);
    }

    public String arrow() {
        return ascii ? "->" : "\u2192";
    }

    /** Cuts {@code s} to at most {@code w} characters, marking the cut. */
    public String fit(String s, int w) {
        if (s.length() <= w) {
            return s;
        }
        if (w <= 2) {
            return s.substring(0, Math.max(0, w));
        }
        return ascii ? s.substring(0, w - 2) + ".." : s.substring(0, w - 1) + "\u2026";
    }

    public String red(String s) {
        return paint(RED, s);
    }

    public String green(String s) {
        return paint(GREEN, s);
    }

    public String bold(String s) {
        return paint(BOLD, s);
    }

    private String paint(String code, String s) {
        return color && !s.isEmpty() ? code + s + RESET : s;
    }

    /** Pads with spaces on the right to {@code w} characters. */
    public static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    /** A similarity or threshold as printed: two decimals, never 1.00 for what is not identical. */
    public static String score(double s) {
        if (s < 1.0 && s >= 0.995) {
            return "0.99";
        }
        if (s > 0.0 && s < 0.005) {
            return "0.01";
        }
        return String.format(Locale.ROOT, "%.2f", s);
    }
}
