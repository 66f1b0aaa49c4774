package dev.pktpath.tui;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where the panes go for a terminal size. Row 0 is the title, the last row the status line.
 * Wide terminals (the 100x30 mock-up) put frames and journey side by side over registers and
 * details; narrower ones give the frames the full width and fold journey, registers and details
 * into one tabbed box below. Boxes overlap by one cell so neighbours share a border.
 */
final class Layout {
    static final int MIN_WIDTH = 60;
    static final int MIN_HEIGHT = 16;
    static final int WIDE = 96;

    final int width;
    final int height;
    final boolean tooSmall;
    final boolean tabbed;
    /** The border rectangle of each shown pane; side panes hidden by the tabs are absent. */
    final Map<PaneId, Rect> boxes = new EnumMap<>(PaneId.class);

    Layout(int width, int height, int traceCount, PaneId side) {
        this.width = width;
        this.height = height;
        this.tooSmall = width < MIN_WIDTH || height < MIN_HEIGHT;
        this.tabbed = width < WIDE;
        if (tooSmall) {
            return;
        }
        int y = 1;
        int body = height - 2;
        if (traceCount > 1) {
            int rows = Math.min(traceCount, Math.max(3, body / 6));
            boxes.put(PaneId.TRACES, new Rect(0, y, width, rows + 2));
            y += rows + 1;
        }
        int rest = height - 1 - y;
        int bottom = clamp(rest * 2 / 5, 7, 14);
        int topHeight = rest - bottom + 1;
        int bottomY = y + topHeight - 1;
        if (tabbed) {
            boxes.put(PaneId.FRAMES, new Rect(0, y, width, topHeight));
            boxes.put(side.isSide() ? side : PaneId.JOURNEY, new Rect(0, bottomY, width, bottom));
        } else {
            int left = width * 57 / 100;
            boxes.put(PaneId.FRAMES, new Rect(0, y, left + 1, topHeight));
            boxes.put(PaneId.JOURNEY, new Rect(left, y, width - left, topHeight));
            int regs = Math.max(width * 62 / 100, Math.min(width - 30, 67));
            boxes.put(PaneId.REGISTERS, new Rect(0, bottomY, regs + 1, bottom));
            boxes.put(PaneId.DETAILS, new Rect(regs, bottomY, width - regs, bottom));
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
