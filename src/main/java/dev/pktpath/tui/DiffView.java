package dev.pktpath.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.pktpath.diff.DiffRow;
import dev.pktpath.diff.DiffSide;
import dev.pktpath.diff.EditKind;
import dev.pktpath.diff.RegisterDiff;
import dev.pktpath.diff.TraceDiff;
import dev.pktpath.model.Frame;
import dev.pktpath.render.Sanitizer;

import java.util.List;

/**
 * The full-screen side-by-side diff of two traces ({@code :diff A B}): the aligned frame rows of
 * {@link dev.pktpath.diff.Alignment#rows()}, A on the left and B on the right scrolling together,
 * then the register differences. Changed rows carry a {@code -}/{@code +}/{@code ~} marker, so the
 * view reads without colour; colour (when on) only adds to the marker.
 */
final class DiffView {
    final TraceDiff diff;
    final List<DiffRow> rows;
    final List<Integer> changes;
    /** First content row shown. */
    int top;
    /** Index into {@link #changes} of the difference last jumped to, -1 before the first jump. */
    int change = -1;

    DiffView(TraceDiff diff) {
        this.diff = diff;
        this.rows = diff.alignment().rows();
        this.changes = diff.alignment().changeStarts();
    }

    /** Rows of content: one per aligned frame row, then a blank, a heading and one per register. */
    int contentSize() {
        RegisterDiff r = diff.registers();
        return rows.size() + (r.isEmpty() ? 2 : 2 + r.rows().size());
    }

    /** Moves to the next (+1) or previous (-1) run of changed rows; returns a status message. */
    String jump(int delta, int shown) {
        if (changes.isEmpty()) {
            return null;
        }
        int next = change + delta;
        if (change < 0 && delta < 0) {
            next = changes.size() - 1;
        }
        if (next < 0 || next >= changes.size()) {
            return delta > 0 ? "already at the last difference" : "already at the first difference";
        }
        change = next;
        // leave a row of context above the change when there is one
        top = Math.max(0, changes.get(change) - 1);
        return "";
    }

    String position() {
        return changes.isEmpty() ? "no differences"
                : change < 0 ? changes.size() + (changes.size() == 1 ? " difference" : " differences")
                : "difference " + (change + 1) + "/" + changes.size();
    }

    void scroll(int delta, int shown) {
        top = Math.max(0, Math.min(top + delta, contentSize() - shown));
    }

    void draw(TextGraphics g, int w, int h, Theme t) {
        Rect box = new Rect(0, 1, w, h - 2);
        Rect in = box.inner();
        g.fillRectangle(new TerminalPosition(box.x(), box.y()), new TerminalSize(box.width(), box.height()), ' ');
        Borders.draw(g, w, h, List.of(box), t);
        String title = "Diff " + Sanitizer.clean(diff.a().label()) + " vs " + Sanitizer.clean(diff.b().label()) + ": similarity "
                + String.format(java.util.Locale.ROOT, "%.2f", diff.similarity()) + ", " + position();
        Text.put(g, box.x() + 2, box.y(), Text.cut("[" + title + "]", box.width() - 4, t), t.accent(), false, true);
        String hint = t.ascii ? " n/N next/prev diff  j/k scroll  Esc/q close "
                : " n/N next/prev diff · j/k scroll · Esc/q close ";
        if (box.width() > hint.length() + 4) {
            Text.put(g, box.x() + box.width() - hint.length() - 2, box.y() + box.height() - 1, hint, t.dim(), false, false);
        }
        if (in.isEmpty() || in.height() < 2) {
            return;
        }
        TextGraphics area = g.newTextGraphics(new TerminalPosition(in.x(), in.y()), new TerminalSize(in.width(), in.height()));
        int width = in.width();
        // gutter: current-change arrow, kind marker, space; then the two halves split by " | "
        int half = Math.max(4, (width - 3 - 3) / 2);
        boolean offsets = half >= 40;
        int bx = 3 + half + 3;
        Text.put(area, 3, 0, Text.fit("A: " + label(diff.a()), half, t), TextColor.ANSI.DEFAULT, false, true);
        Text.put(area, 3 + half, 0, " | ", TextColor.ANSI.DEFAULT, false, false);
        Text.put(area, bx, 0, Text.cut("B: " + label(diff.b()), Math.max(0, width - bx), t), TextColor.ANSI.DEFAULT, false, true);
        int shown = in.height() - 1;
        top = Math.max(0, Math.min(top, contentSize() - shown));
        int current = change < 0 ? -1 : changes.get(change);
        for (int y = 0; y < shown && top + y < contentSize(); y++) {
            int i = top + y;
            int sy = y + 1;
            if (i < rows.size()) {
                DiffRow r = rows.get(i);
                boolean changed = r.changed();
                TextColor fg = changed ? kindColor(r.kind(), t) : TextColor.ANSI.DEFAULT;
                boolean here = i == current;
                String a = r.a() == null ? "" : frameText(diff.a(), r.a(), offsets);
                String b = r.b() == null ? "" : frameText(diff.b(), r.b(), offsets);
                Text.put(area, 0, sy, here ? t.arrow() : " ", TextColor.ANSI.DEFAULT, false, true);
                Text.put(area, 1, sy, String.valueOf(marker(r.kind())), fg, changed, true);
                Text.put(area, 3, sy, Text.fit(a, half, t), fg, false, here);
                Text.put(area, 3 + half, sy, " | ", TextColor.ANSI.DEFAULT, false, false);
                Text.put(area, bx, sy, Text.cut(b, Math.max(0, width - bx), t), fg, false, here);
            } else if (i == rows.size()) {
                continue;
            } else if (i == rows.size() + 1) {
                RegisterDiff rd = diff.registers();
                String head = rd.isEmpty() ? "Registers: none on either side"
                        : "Registers: " + rd.changedCount() + " of " + rd.rows().size() + " differ  (A: "
                        + block(rd.blockA()) + ", B: " + block(rd.blockB()) + ")";
                Text.put(area, 1, sy, Text.cut(Sanitizer.clean(head), width - 1, t), t.accent(), false, true);
            } else {
                RegisterDiff.Change c = diff.registers().rows().get(i - rows.size() - 2);
                boolean changed = c.changed();
                TextColor fg = changed ? kindColor(EditKind.REPLACE, t) : TextColor.ANSI.DEFAULT;
                String line = Text.fit(Sanitizer.clean(c.name()), 8, t) + " " + Text.fit(value(c.a()), 18, t)
                        + "  " + value(c.b());
                Text.put(area, 1, sy, changed ? "~" : " ", fg, changed, true);
                Text.put(area, 3, sy, Text.cut(line, Math.max(0, width - 3), t), fg, false, false);
            }
        }
    }

    static char marker(EditKind k) {
        return switch (k) {
            case EQUAL -> ' ';
            case DELETE -> '-';
            case INSERT -> '+';
            case REPLACE -> '~';
        };
    }

    private static TextColor kindColor(EditKind k, Theme t) {
        if (!t.color) {
            return TextColor.ANSI.DEFAULT;
        }
        return switch (k) {
            case DELETE -> TextColor.ANSI.RED_BRIGHT;
            case INSERT -> TextColor.ANSI.GREEN_BRIGHT;
            default -> TextColor.ANSI.YELLOW_BRIGHT;
        };
    }

    private static String frameText(DiffSide side, int index, boolean offsets) {
        Frame f = side.analysis().trace().frames().get(index);
        String fn = offsets ? FrameText.functionWithOffset(f) : (f.function() == null ? "?" : f.function());
        return Sanitizer.clean(FrameText.level(f) + " " + fn);
    }

    private static String label(DiffSide s) {
        String src = s.source() == null ? "" : s.source();
        int slash = Math.max(src.lastIndexOf('/'), src.lastIndexOf('\\'));
        String file = slash >= 0 ? src.substring(slash + 1) : src;
        return Sanitizer.clean(s.label() + (file.isEmpty() ? "" : " (" + file + ")"));
    }

    private static String block(String b) {
        return b == null ? "none" : b;
    }

    private static String value(String v) {
        return v == null ? "-" : Sanitizer.clean(v);
    }
}
