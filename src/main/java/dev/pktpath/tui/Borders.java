package dev.pktpath.tui;

import com.googlecode.lanterna.graphics.TextGraphics;

import java.util.List;

/**
 * Draws the borders of adjacent boxes as one grid, so shared edges meet in proper junctions
 * ({@code ├ ┬ ┼}) instead of doubled corners. Boxes that share an edge overlap by one cell.
 */
final class Borders {
    private static final int UP = 8, DOWN = 4, LEFT = 2, RIGHT = 1;

    private Borders() {
    }

    static void draw(TextGraphics g, int width, int height, List<Rect> boxes, Theme theme) {
        int[][] joins = new int[height][width];
        for (Rect r : boxes) {
            if (r.width() < 2 || r.height() < 2) {
                continue;
            }
            int x1 = r.x() + r.width() - 1;
            int y1 = r.y() + r.height() - 1;
            horizontal(joins, r.y(), r.x(), x1);
            horizontal(joins, y1, r.x(), x1);
            vertical(joins, r.x(), r.y(), y1);
            vertical(joins, x1, r.y(), y1);
        }
        theme.plain(g);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int j = joins[y][x];
                if (j != 0) {
                    g.setCharacter(x, y, theme.border((j & UP) != 0, (j & DOWN) != 0, (j & LEFT) != 0, (j & RIGHT) != 0));
                }
            }
        }
    }

    private static void horizontal(int[][] joins, int y, int x0, int x1) {
        if (y < 0 || y >= joins.length) {
            return;
        }
        for (int x = Math.max(0, x0); x <= x1 && x < joins[y].length; x++) {
            joins[y][x] |= (x > x0 ? LEFT : 0) | (x < x1 ? RIGHT : 0);
        }
    }

    private static void vertical(int[][] joins, int x, int y0, int y1) {
        for (int y = Math.max(0, y0); y <= y1 && y < joins.length; y++) {
            if (x >= 0 && x < joins[y].length) {
                joins[y][x] |= (y > y0 ? UP : 0) | (y < y1 ? DOWN : 0);
            }
        }
    }
}
