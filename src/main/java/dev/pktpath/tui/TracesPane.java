package dev.pktpath.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.diff.Cluster;
import dev.pktpath.diff.Clusterer;
import dev.pktpath.model.Task;
import dev.pktpath.render.Sanitizer;
import dev.pktpath.session.LoadedDump;

import java.util.List;

/** The tasks of a multi-task dump ({@code bt -a}, {@code foreach bt}): CPU, PID, command, frames, title. */
final class TracesPane implements Pane {
    @Override
    public PaneId id() {
        return PaneId.TRACES;
    }

    @Override
    public String title(ViewState v) {
        if (v.buckets && v.dump() != null) {
            return "Buckets (" + v.clustering().clusters().size() + " of " + v.bucketsReady().traceCount + " traces)";
        }
        return "Traces (" + v.traceCount() + ")";
    }

    @Override
    public void draw(TextGraphics g, ViewState v, Theme t) {
        LoadedDump d = v.dump();
        if (d == null) {
            return;
        }
        if (v.buckets) {
            drawBuckets(g, v, t, d);
            return;
        }
        int h = g.getSize().getRows();
        int w = g.getSize().getColumns();
        int n = d.traces().size();
        int sel = v.session.traceIndex();
        int top = v.follow(PaneId.TRACES, sel, h, n - h);
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

    /**
     * One row per bucket of similar stacks ({@link Clusterer}, as the {@code cluster} command): its
     * size, member traces and the representative's crash title. The selected trace's bucket is selected.
     */
    private static void drawBuckets(TextGraphics g, ViewState v, Theme t, LoadedDump d) {
        int h = g.getSize().getRows();
        int w = g.getSize().getColumns();
        Buckets bk = v.bucketsReady();
        List<Cluster> clusters = bk.clusters();
        int n = clusters.size();
        int sel = bk.bucketOf(v.session.traceIndex());
        int top = v.follow(PaneId.TRACES, sel, h, n - h);
        int idWidth = String.valueOf(n).length();
        for (int y = 0; y < h && top + y < n; y++) {
            int i = top + y;
            Cluster c = clusters.get(i);
            boolean selected = i == sel;
            if (selected) {
                Text.blankRow(g, y, true);
            }
            int first = bk.firstTrace(i);
            TraceAnalysis rep = d.traces().get(Math.max(0, first));
            String line = "B" + Text.padLeft(String.valueOf(i + 1), idWidth)
                    + Text.padLeft(String.valueOf(c.size()), 5) + (c.size() == 1 ? " task  " : " tasks ")
                    + Text.padLeft(String.valueOf(c.frames().size()), 4) + (c.frames().size() == 1 ? " frame   " : " frames  ")
                    + "traces " + bk.ids(i) + "  ";
            int x = Text.put(g, 0, y, selected ? ">" : " ", TextColor.ANSI.DEFAULT, selected, selected);
            x = Text.put(g, x, y, Text.cut(line, w - x, t), TextColor.ANSI.DEFAULT, selected, false);
            String title = rep.naming().title() == null ? "" : Sanitizer.clean(rep.naming().title());
            if (x < w) {
                Text.put(g, x, y, Text.cut(title, w - x, t), t.accent(), selected, false);
            }
        }
    }

    /** Trace ids as a short list: runs of consecutive ids as {@code 1-5}. */
    static String ids(List<Integer> ids) {
        return ids(ids, Integer.MAX_VALUE);
    }

    /** As {@link #ids(List)}, stopping once the text is {@code room} characters long. */
    static String ids(List<Integer> ids, int room) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ids.size() && b.length() < room; i++) {
            int start = ids.get(i);
            int j = i;
            while (j + 1 < ids.size() && ids.get(j + 1) == ids.get(j) + 1) {
                j++;
            }
            b.append(b.length() == 0 ? "" : ",").append(start);
            if (j > i) {
                b.append('-').append(ids.get(j));
            }
            i = j;
        }
        return b.toString();
    }

    private static void selectBucket(ViewState v, int bucket) {
        LoadedDump d = v.dump();
        Buckets bk = v.bucketsReady();
        List<Cluster> clusters = bk.clusters();
        if (d == null || clusters.isEmpty()) {
            return;
        }
        int b = Math.max(0, Math.min(clusters.size() - 1, bucket));
        int index = bk.firstTrace(b);
        if (index >= 0) {
            v.selectTrace(index);
            v.info("bucket " + (b + 1) + "/" + clusters.size() + ": " + clusters.get(b).size() + " traces, showing trace " + (index + 1));
        }
    }

    @Override
    public void handle(Action a, ViewState v, int page) {
        int sel = v.session.traceIndex();
        int n = v.traceCount();
        if (v.buckets && v.dump() != null) {
            int b = v.bucketsReady().bucketOf(sel);
            int count = v.clustering().clusters().size();
            switch (a) {
                case DOWN -> selectBucket(v, b + 1);
                case UP -> selectBucket(v, b - 1);
                case PAGE_DOWN -> selectBucket(v, b + Math.max(1, page - 1));
                case PAGE_UP -> selectBucket(v, b - Math.max(1, page - 1));
                case TOP -> selectBucket(v, 0);
                case BOTTOM -> selectBucket(v, count - 1);
                case OPEN -> v.focus = PaneId.FRAMES;
                default -> {
                }
            }
            return;
        }
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
