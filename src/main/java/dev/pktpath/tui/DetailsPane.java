package dev.pktpath.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.analysis.TraceAnalysis;

import java.util.ArrayList;
import java.util.List;

/** Everything known about the selected frame, one fact per row; the raw input line wraps. */
final class DetailsPane implements Pane {
    @Override
    public PaneId id() {
        return PaneId.DETAILS;
    }

    @Override
    public String title(ViewState v) {
        TraceAnalysis a = v.analysis();
        int f = v.frame();
        if (a == null || f < 0) {
            return "Details";
        }
        return "Details: " + FrameText.level(a.trace().frames().get(f));
    }

    /** The rows of the details of the selected frame, wrapped to {@code width}. */
    static List<String> lines(ViewState v, int width) {
        TraceAnalysis a = v.analysis();
        int f = v.frame();
        List<String> out = new ArrayList<>();
        if (a == null || f < 0) {
            out.add("no frame selected");
            return out;
        }
        JourneyRows j = v.journey();
        int s = j.stepOf(f);
        String direction = null;
        if (s >= 0) {
            JourneyStep st = j.step(s);
            direction = st.direction() == null || st.direction().equals("none") ? null : st.direction();
        }
        for (String[] fact : FrameText.facts(a, f, direction)) {
            String head = String.format("%-10s", fact[0]);
            String text = head + fact[1];
            int w = Math.max(12, width);
            while (text.length() > w) {
                out.add(text.substring(0, w));
                text = " ".repeat(head.length()) + text.substring(w);
            }
            out.add(text);
        }
        return out;
    }

    @Override
    public void draw(TextGraphics g, ViewState v, Theme t) {
        int h = g.getSize().getRows();
        int w = g.getSize().getColumns();
        List<String> lines = lines(v, w - 2);
        int top = Math.max(0, Math.min(v.top(PaneId.DETAILS), lines.size() - h));
        v.setTop(PaneId.DETAILS, top);
        for (int y = 0; y < h && top + y < lines.size(); y++) {
            String line = lines.get(top + y);
            int split = Math.min(10, line.length());
            Text.put(g, 1, y, line.substring(0, split), t.dim(), false, false);
            Text.put(g, 1 + split, y, line.substring(split), TextColor.ANSI.DEFAULT, false, false);
        }
    }

    @Override
    public void handle(Action a, ViewState v, int page) {
        RegistersPane.scroll(PaneId.DETAILS, a, v, page);
    }
}
