package dev.pktpath.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;
import dev.pktpath.render.Sanitizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers of the exception frame that belongs to the selected frame (the nearest one printed at
 * or above it, as the {@code regs} command picks), else of the report header. Values that point
 * into one of the trace's stacks are marked with {@code *} (and coloured when colour is on).
 */
final class RegistersPane implements Pane {
    private TraceAnalysis rangesFor;
    private StackRanges ranges;

    /** The register block shown for a frame, and its label. */
    record Block(String label, Map<String, String> registers) {
    }

    static Block blockFor(Trace t, int frame) {
        ExceptionFrame chosen = null;
        for (ExceptionFrame e : t.exceptions()) {
            if (e.afterFrame() <= frame) {
                chosen = e;
            }
        }
        // A console report's header registers describe the fault; crash's bt has no header block,
        // so its frames below the first exception frame show that exception frame.
        if (chosen == null && !t.registers().isEmpty() && (t.format() == TraceFormat.OOPS || t.exceptions().isEmpty())) {
            return new Block("report header", t.registers());
        }
        if (chosen == null && !t.exceptions().isEmpty()) {
            chosen = t.exceptions().get(0);
        }
        if (chosen == null) {
            return new Block("", Map.of());
        }
        String label = FrameText.exception(chosen);
        if (chosen.function() == null && chosen.afterFrame() >= 0 && chosen.afterFrame() < t.frames().size()) {
            // crash's register block at the end of a syscall or interrupt stack: say where it was printed
            label += " after " + FrameText.level(t.frames().get(chosen.afterFrame()));
        }
        return new Block(label, chosen.registers());
    }

    @Override
    public PaneId id() {
        return PaneId.REGISTERS;
    }

    @Override
    public String title(ViewState v) {
        TraceAnalysis a = v.analysis();
        if (a == null) {
            return "Registers";
        }
        Block b = blockFor(a.trace(), Math.max(0, v.frame()));
        return b.label().isEmpty() ? "Registers" : "Registers: " + b.label();
    }

    @Override
    public void draw(TextGraphics g, ViewState v, Theme t) {
        TraceAnalysis a = v.analysis();
        int h = g.getSize().getRows();
        int w = g.getSize().getColumns();
        if (a == null) {
            return;
        }
        if (rangesFor != a) {
            ranges = new StackRanges(a.trace());
            rangesFor = a;
        }
        Block b = blockFor(a.trace(), Math.max(0, v.frame()));
        if (b.registers().isEmpty()) {
            Text.put(g, 1, 0, Text.cut("no registers printed in this trace", w - 1, t), t.dim(), false, false);
            return;
        }
        List<String> lines = layout(b.registers(), w - 1);
        int top = Math.max(0, Math.min(v.top(PaneId.REGISTERS), lines.size() - h));
        v.setTop(PaneId.REGISTERS, top);
        for (int y = 0; y < h && top + y < lines.size(); y++) {
            drawLine(g, y, lines.get(top + y), t);
        }
    }

    /**
     * Lays registers out as crash does, several to a line ({@code RIP ffffffff81415f40  RSP ...}),
     * on a grid of columns where names fit, letting long names ({@code ORIG_RAX}) push along.
     * Each cell is "NAME VALUE" plus a one-character mark slot ({@code *} = points into a stack).
     */
    private List<String> layout(Map<String, String> regs, int width) {
        int valueW = 4;
        for (String value : regs.values()) {
            valueW = Math.max(valueW, Sanitizer.clean(value).length());
        }
        int cell = 3 + 1 + valueW + 2;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, String> r : regs.entrySet()) {
            String name = Sanitizer.clean(r.getKey());
            String value = Sanitizer.clean(r.getValue());
            String text = Text.padLeft(name, 3) + " " + value + (ranges.contains(value) ? "*" : " ");
            int at = line.length() == 0 ? 0 : ((line.length() + 1 + cell - 1) / cell) * cell;
            if (line.length() > 0 && at + text.length() > width && line.length() + 1 + text.length() <= width) {
                at = line.length() + 1; // off the grid, but on this line rather than a line of its own
            }
            if (line.length() > 0 && at + text.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
                at = 0;
            }
            while (line.length() < at) {
                line.append(' ');
            }
            line.append(text);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Draws one laid-out line: names dim, values plain, stack pointers (marked *) coloured and underlined. */
    private static void drawLine(TextGraphics g, int y, String line, Theme t) {
        String[] words = line.split("(?<= )|(?= )");
        int x = 1;
        boolean name = true;
        for (String w : words) {
            if (w.isBlank()) {
                x += w.length();
                continue;
            }
            if (name) {
                Text.put(g, x, y, w, t.dim(), false, false);
            } else {
                boolean stack = w.endsWith("*");
                String value = stack ? w.substring(0, w.length() - 1) : w;
                Text.put(g, x, y, value, stack && t.color ? TextColor.ANSI.MAGENTA_BRIGHT : TextColor.ANSI.DEFAULT, false, false);
                if (stack) {
                    g.enableModifiers(SGR.UNDERLINE);
                    g.putString(x, y, value);
                    g.disableModifiers(SGR.UNDERLINE);
                    Text.put(g, x + value.length(), y, "*", t.accent(), false, true);
                }
            }
            x += w.length();
            name = !name;
        }
    }

    @Override
    public void handle(Action a, ViewState v, int page) {
        scroll(PaneId.REGISTERS, a, v, page);
    }

    /** Plain scrolling for panes without a selection of their own. */
    static void scroll(PaneId p, Action a, ViewState v, int page) {
        int top = v.top(p);
        switch (a) {
            case DOWN -> v.setTop(p, top + 1);
            case UP -> v.setTop(p, top - 1);
            case PAGE_DOWN -> v.setTop(p, top + Math.max(1, page - 1));
            case PAGE_UP -> v.setTop(p, top - Math.max(1, page - 1));
            case TOP -> v.setTop(p, 0);
            case BOTTOM -> v.setTop(p, Integer.MAX_VALUE / 2);
            case OPEN -> v.focus = PaneId.FRAMES;
            default -> {
            }
        }
    }
}
