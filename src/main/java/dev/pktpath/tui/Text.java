package dev.pktpath.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

/** Small text-fitting helpers for panes: pad, cut with an ellipsis, and write one styled run. */
final class Text {
    private Text() {
    }

    /** {@code s} cut to {@code width} columns (last one an ellipsis when cut), or padded with blanks. */
    static String fit(String s, int width, Theme t) {
        if (width <= 0) {
            return "";
        }
        if (s.length() > width) {
            String e = t.ellipsis();
            return width <= e.length() ? s.substring(0, width) : s.substring(0, width - e.length()) + e;
        }
        return s + " ".repeat(width - s.length());
    }

    static String cut(String s, int width, Theme t) {
        return s.length() > width ? fit(s, width, t) : s;
    }

    static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** Writes one run at (x, y) in the given colour; returns the column after it. */
    static int put(TextGraphics g, int x, int y, String s, TextColor fg, boolean reverse, boolean bold) {
        if (s.isEmpty() || x >= g.getSize().getColumns()) {
            return x + s.length();
        }
        g.setForegroundColor(fg);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.clearModifiers();
        if (reverse) {
            g.enableModifiers(SGR.REVERSE);
        }
        if (bold) {
            g.enableModifiers(SGR.BOLD);
        }
        int room = g.getSize().getColumns() - x;
        g.putString(x, y, s.length() > room ? s.substring(0, room) : s);
        return x + s.length();
    }

    /** Fills row y with blanks, reversed when selected, so a selection bar spans the whole row. */
    static void blankRow(TextGraphics g, int y, boolean reverse) {
        put(g, 0, y, " ".repeat(g.getSize().getColumns()), TextColor.ANSI.DEFAULT, reverse, false);
    }
}
