package dev.pktpath.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Task;
import dev.pktpath.render.Sanitizer;
import dev.pktpath.session.LoadedDump;

/** The tasks of a multi-task dump ({@code bt -a}, {@code foreach bt}): CPU, PID, command, frames, title. */
final class TracesPane implements Pane {
    @Override
    public PaneId id() {
        return PaneId.TRACES;
    }

    @Override
    public String title(ViewState v) {
        return "Traces (" + v.traceCount() + ")";
    }

    @Override
    public void draw(TextGraphics g, ViewState v, Theme t) {
        LoadedDump d = v.dump();
        if (d == null) {
            return;
        }
        int h = g.getSize().getRows();
        int w = g.getSize().getColumns();
        int n = d.traces().size();
        int sel = v.session.traceIndex();
        int top = v.top(PaneId.TRACES);
        if (sel < top) {
            top = sel;
        } else if (sel >= top + h) {
            top = sel - h + 1;
        }
        top = Math.max(0, Math.min(top, n - h));
        v.setTop(PaneId.TRACES, top);
        int idWidth = String.valueOf(n).length();
        for (int y = 0; y < h && top + y < n; y++) {
            int i = top + y;
            TraceAnalysis a = d.traces().get(i);
            boolean selected = i == sel;
            if (selected) {
                Text.blankRow(g, y, true);
            }
            Task task = a.trace().task();
            boolean marked = v.mark != null && v.mark.dump() == d && v.mark.traceIndex() == i;
            String line = Text.padLeft(String.valueOf(i + 1), idWidth)
                    + (marked ? " *CPU " : "  CPU ") + Text.fit(task.cpu() == null ? "-" : String.valueOf(task.cpu()), 3, t)
                    + " PID " + Text.fit(task.pid() == null ? "-" : String.valueOf(task.pid()), 7, t)
                    + " " + Text.fit(task.command() == null ? "" : Sanitizer.clean(task.command()), 16, t)
                    + " " + Text.padLeft(String.valueOf(a.trace().frames().size()), 5)
                    + (a.trace().frames().size() == 1 ? " frame   " : " frames  ");
            int x = Text.put(g, 0, y, selected ? ">" : " ", TextColor.ANSI.DEFAULT, selected, selected);
            x = Text.put(g, x, y, Text.cut(line, w - x, t), TextColor.ANSI.DEFAULT, selected, false);
            String title = a.naming().title() == null ? "" : Sanitizer.clean(a.naming().title());
            if (x < w) {
                Text.put(g, x, y, Text.cut(title, w - x, t), t.accent(), selected, false);
            }
        }
    }

    @Override
    public void handle(Action a, ViewState v, int page) {
        int sel = v.session.traceIndex();
        int n = v.traceCount();
        switch (a) {
            case DOWN -> v.selectTrace(Math.min(n - 1, sel + 1));
            case UP -> v.selectTrace(Math.max(0, sel - 1));
            case PAGE_DOWN -> v.selectTrace(Math.min(n - 1, sel + Math.max(1, page - 1)));
            case PAGE_UP -> v.selectTrace(Math.max(0, sel - Math.max(1, page - 1)));
            case TOP -> v.selectTrace(0);
            case BOTTOM -> v.selectTrace(n - 1);
            case OPEN -> v.focus = PaneId.FRAMES;
            default -> {
            }
        }
    }
}
