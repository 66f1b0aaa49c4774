package dev.pktpath.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Location;
import dev.pktpath.render.Sanitizer;

import java.util.List;

/**
 * The packet's journey: one row per stage, oldest call first (rx up, turnaround, tx down, crash).
 * The stage of the selected frame is highlighted; choosing a stage selects its frames.
 */
final class JourneyPane implements Pane {
    @Override
    public PaneId id() {
        return PaneId.JOURNEY;
    }

    @Override
    public String title(ViewState v) {
        JourneyRows j = v.journey();
        return j == null || j.isEmpty() ? "Journey" : "Journey (" + j.stepCount() + " stages)";
    }

    @Override
    public void draw(TextGraphics g, ViewState v, Theme t) {
        TraceAnalysis a = v.analysis();
        JourneyRows j = v.journey();
        int h = g.getSize().getRows();
        int w = g.getSize().getColumns();
        if (a == null || j == null) {
            return;
        }
        if (j.isEmpty()) {
            Text.put(g, 1, 0, Text.cut("no packet journey in this trace", w - 1, t), t.dim(), false, false);
            Text.put(g, 1, 1, Text.cut("(it touches no networking stage)", w - 1, t), t.dim(), false, false);
            return;
        }
        int selStep = j.stepOf(v.frame());
        int selRow = selStep < 0 ? -1 : j.rowOfStep(selStep);
        int top = v.follow(PaneId.JOURNEY, selRow, h, j.rows.size() - h);
        boolean levels = w >= 36;
        for (int y = 0; y < h && top + y < j.rows.size(); y++) {
            JourneyRows.Row row = j.rows.get(top + y);
            if (row.isTurnaround()) {
                Text.put(g, 4, y, Text.cut("~~ turnaround: " + turnaround(a, j, t), w - 4, t), t.accent(), false, false);
                continue;
            }
            JourneyStep st = j.step(row.step());
            boolean selected = row.step() == selStep;
            boolean crash = "crash".equals(st.stage());
            if (selected) {
                Text.blankRow(g, y, true);
            }
            String dir = crash ? "XX" : "rx".equals(st.direction()) || "tx".equals(st.direction()) ? st.direction() : "  ";
            int x = Text.put(g, 0, y, selected ? ">" : " ", TextColor.ANSI.DEFAULT, selected, selected);
            x = Text.put(g, x, y, dir + " ", crash ? t.error() : TextColor.ANSI.DEFAULT, selected, crash);
            x = Text.put(g, x, y, Text.fit(Sanitizer.clean(st.stage()), 10, t) + " ", t.stageColor(st.stage()), selected, crash);
            String range = levels ? levelRange(a, st) : "";
            int room = w - x - (range.isEmpty() ? 0 : range.length() + 1);
            String chain = crash ? crashSite(a, j) : chain(a, st, t);
            Text.put(g, x, y, Text.fit(chain, Math.max(0, room), t), TextColor.ANSI.DEFAULT, selected, crash);
            if (!range.isEmpty() && room > 6) {
                Text.put(g, w - range.length(), y, range, t.dim(), selected, false);
            }
        }
    }

    private static String chain(TraceAnalysis a, JourneyStep st, Theme t) {
        StringBuilder b = new StringBuilder();
        List<Frame> frames = a.trace().frames();
        for (int f : st.frames()) {
            if (f < 0 || f >= frames.size()) {
                continue;
            }
            if (b.length() > 500) {
                // wider than any terminal: a stage of a runaway recursion can hold a million frames
                break;
            }
            if (b.length() > 0) {
                b.append(' ').append(t.arrow()).append(' ');
            }
            b.append(Sanitizer.clean(frames.get(f).function()));
        }
        return b.toString();
    }

    private static String crashSite(TraceAnalysis a, JourneyRows j) {
        Location site = a.naming().crashSite();
        if (site != null && site.function() != null) {
            return Sanitizer.clean(site.function()) + (site.offset() != null ? "+" + site.offset() : "");
        }
        Integer cf = j.journey.crashFrame();
        return cf == null || cf >= a.trace().frames().size() ? "" : FrameText.functionWithOffset(a.trace().frames().get(cf));
    }

    private static String turnaround(TraceAnalysis a, JourneyRows j, Theme t) {
        List<Frame> frames = a.trace().frames();
        Integer from = j.journey.turnaroundFrom();
        Integer to = j.journey.turnaroundTo();
        if (from == null || to == null || from >= frames.size() || to >= frames.size()) {
            return "rx turns into tx";
        }
        return Sanitizer.clean(frames.get(from).function()) + " " + (t.ascii ? "->" : "→") + " "
                + Sanitizer.clean(frames.get(to).function());
    }

    private static String levelRange(TraceAnalysis a, JourneyStep st) {
        List<Frame> frames = a.trace().frames();
        if (st.frames().isEmpty()) {
            return "";
        }
        int first = st.frames().get(0);
        int last = st.frames().get(st.frames().size() - 1);
        if (first >= frames.size() || last >= frames.size()) {
            return "";
        }
        String f = FrameText.level(frames.get(first));
        String l = FrameText.level(frames.get(last));
        return first == last ? f : f + "-" + l;
    }

    @Override
    public void handle(Action a, ViewState v, int page) {
        JourneyRows j = v.journey();
        if (j == null || j.isEmpty()) {
            return;
        }
        int cur = j.stepOf(v.frame());
        int n = j.stepCount();
        int next = switch (a) {
            case DOWN -> cur < 0 ? 0 : Math.min(n - 1, cur + 1);
            case UP -> cur < 0 ? n - 1 : Math.max(0, cur - 1);
            case PAGE_DOWN, BOTTOM -> n - 1;
            case PAGE_UP, TOP -> 0;
            case OPEN -> cur;
            default -> -2;
        };
        if (next == -2) {
            return;
        }
        if (a == Action.OPEN) {
            v.focus = PaneId.FRAMES;
            return;
        }
        chooseStep(v, next);
    }

    /** Selects the frames of step {@code s}: the cursor goes to its oldest call. */
    static void chooseStep(ViewState v, int s) {
        JourneyRows j = v.journey();
        if (j == null || s < 0 || s >= j.stepCount()) {
            return;
        }
        int f = j.frameFor(s);
        if (f >= 0) {
            v.selectFrame(f);
            JourneyStep st = j.step(s);
            if (st.frames().isEmpty()) {
                v.info("stage " + Sanitizer.clean(st.stage()) + ": the crash site, in " + FrameText.level(v.analysis().trace().frames().get(f))
                        + " " + FrameText.functionWithOffset(v.analysis().trace().frames().get(f)));
                return;
            }
            v.info("stage " + Sanitizer.clean(st.stage()) + (st.direction() == null || st.direction().equals("none") ? "" : " (" + st.direction() + ")")
                    + ": " + st.frames().size() + (st.frames().size() == 1 ? " frame" : " frames"));
        }
    }
}
