package dev.pktpath.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.AbstractTextGraphics;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The frame being drawn, as plain arrays (a char and a style number per cell), handed to Lanterna
 * only where it differs from the frame before. Lanterna's own TextGraphics spends most of a redraw
 * deciding, for every cell written, whether the character is double width; a key press changes a
 * few hundred cells of a few thousand, so this keeps a redraw to a fraction of a millisecond of
 * Lanterna work. Panes still draw through the {@link TextGraphics} interface ({@link #graphics()}).
 * Double-width and astral characters are drawn as {@code ?}, so one character is always one column.
 */
final class CellGrid {
    private record Style(TextColor fg, TextColor bg, EnumSet<SGR> modifiers) {
    }

    private final int width;
    private final int height;
    private final char[] chars;
    private final int[] styles;
    /** Styles by number; shared with the frame before, so equal numbers mean equal styles. */
    private final List<Style> styleTable;
    private final Map<Style, Integer> styleIds;

    /** A blank grid; {@code previous} (may be null) lends its style numbers. */
    CellGrid(int width, int height, CellGrid previous) {
        this.width = width;
        this.height = height;
        this.chars = new char[width * height];
        this.styles = new int[width * height];
        Arrays.fill(chars, ' ');
        this.styleTable = previous == null ? new ArrayList<>() : previous.styleTable;
        this.styleIds = previous == null ? new HashMap<>() : previous.styleIds;
        if (styleTable.isEmpty()) {
            style(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, EnumSet.noneOf(SGR.class));
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    private int style(TextColor fg, TextColor bg, EnumSet<SGR> modifiers) {
        Style s = new Style(fg, bg, EnumSet.copyOf(modifiers.isEmpty() ? EnumSet.noneOf(SGR.class) : modifiers));
        Integer id = styleIds.get(s);
        if (id == null) {
            id = styleTable.size();
            styleTable.add(s);
            styleIds.put(s, id);
        }
        return id;
    }

    private void set(int x, int y, char c, int style) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            int i = y * width + x;
            chars[i] = c;
            styles[i] = style;
        }
    }

    /** The cell as shown: one column wide, never a control character. */
    private static char cell(char c) {
        if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
            return '?';
        }
        if (c >= 0x1100 && (Character.isSurrogate(c)
                || com.googlecode.lanterna.TerminalTextUtils.isCharDoubleWidth(c))) {
            return '?';
        }
        return c;
    }

    /**
     * Sends the cells that differ from {@code previous} (all of them when it is null or another size)
     * to the screen's back buffer; the caller then refreshes the screen.
     */
    void flushTo(Screen screen, CellGrid previous) {
        boolean all = previous == null || previous.width != width || previous.height != height
                || previous.styleTable != styleTable;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (!all && previous.chars[i] == chars[i] && previous.styles[i] == styles[i]) {
                    continue;
                }
                Style s = styleTable.get(styles[i]);
                screen.setCharacter(x, y, new TextCharacter(chars[i], s.fg(), s.bg(), s.modifiers()));
            }
        }
    }

    /** A TextGraphics over the whole grid. */
    TextGraphics graphics() {
        return new View(0, 0, width, height);
    }

    /** A clipped window on the grid: what a pane gets, so it cannot draw outside its area. */
    private final class View extends AbstractTextGraphics {
        private final int ox;
        private final int oy;
        private final int w;
        private final int h;

        View(int ox, int oy, int w, int h) {
            this.ox = ox;
            this.oy = oy;
            this.w = w;
            this.h = h;
        }

        private int current() {
            return style(getForegroundColor(), getBackgroundColor(), getActiveModifiers());
        }

        private void put(int x, int y, char c, int style) {
            if (x >= 0 && y >= 0 && x < w && y < h) {
                set(ox + x, oy + y, cell(c), style);
            }
        }

        @Override
        public TerminalSize getSize() {
            return new TerminalSize(w, h);
        }

        @Override
        public TextGraphics setCharacter(int column, int row, TextCharacter c) {
            String s = c.getCharacterString();
            put(column, row, s.isEmpty() ? ' ' : s.charAt(0), style(c.getForegroundColor(), c.getBackgroundColor(), c.getModifiers()));
            return this;
        }

        @Override
        public TextGraphics setCharacter(int column, int row, char c) {
            put(column, row, c, current());
            return this;
        }

        @Override
        public TextCharacter getCharacter(int column, int row) {
            if (column < 0 || row < 0 || column >= w || row >= h) {
                return null;
            }
            int i = (oy + row) * width + ox + column;
            Style s = styleTable.get(styles[i]);
            return new TextCharacter(chars[i], s.fg(), s.bg(), s.modifiers());
        }

        @Override
        public TextGraphics putString(int column, int row, String string) {
            int style = current();
            if (row < 0 || row >= h) {
                return this;
            }
            for (int i = 0; i < string.length() && column + i < w; i++) {
                put(column + i, row, string.charAt(i), style);
            }
            return this;
        }

        @Override
        public TextGraphics fill(char c) {
            return fillRectangle(new TerminalPosition(0, 0), getSize(), c);
        }

        @Override
        public TextGraphics fillRectangle(TerminalPosition topLeft, TerminalSize size, char c) {
            int style = current();
            char shown = cell(c);
            for (int y = Math.max(0, topLeft.getRow()); y < Math.min(h, topLeft.getRow() + size.getRows()); y++) {
                for (int x = Math.max(0, topLeft.getColumn()); x < Math.min(w, topLeft.getColumn() + size.getColumns()); x++) {
                    set(ox + x, oy + y, shown, style);
                }
            }
            return this;
        }

        @Override
        public TextGraphics newTextGraphics(TerminalPosition topLeft, TerminalSize size) {
            int x0 = Math.max(0, topLeft.getColumn());
            int y0 = Math.max(0, topLeft.getRow());
            int x1 = Math.min(w, topLeft.getColumn() + size.getColumns());
            int y1 = Math.min(h, topLeft.getRow() + size.getRows());
            return new View(ox + x0, oy + y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
        }
    }
}
