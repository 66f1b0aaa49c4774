package dev.pktpath.tui;

import com.googlecode.lanterna.TextColor;
import dev.pktpath.analysis.FrameClass;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.pktpath.render.Sanitizer;

/**
 * The frames of the current trace, innermost first as crash prints them: level, function+offset,
 * module, subsystem and stage, with stack changes and exception frames inline. Draws only the
 * rows that fit, so a trace of 100,000 frames costs the same per key as one of 30.
 */
final class FramesPane implements Pane {
    private static final int SUBSYSTEM_WIDTH = 10;
    private static final int STAGE_WIDTH = 9;

    @Override
    public PaneId id() {
        return PaneId.FRAMES;
    }

    @Override
    public String title(ViewState v) {
        FrameRows r = v.rows();
        if (r == null) {
            return "Frames";
        }
        String t = "Frames (" + v.frameCount() + ")";
        return r.hiddenCount > 0 ? t + " - " + r.hiddenCount + " hidden by the filter" : t;
    }

    @Override
    public void draw(TextGraphics g, ViewState v, Theme t) {
        int h = g.getSize().getRows();
        int w = g.getSize().getColumns();
        TraceAnalysis a = v.analysis();
        FrameRows rows = v.rows();
        if (a == null && v.dump() != null && v.dump().loading()) {
            Text.put(g, 1, 0, Text.cut("loading " + Explorer.fileName(v.dump().dump().source()) + " ...", w - 1, t), t.dim(), false, false);
            return;
        }
        if (a != null && rows == null) {
            Text.put(g, 1, 0, Text.cut("preparing " + a.trace().frames().size() + " frames ...", w - 1, t), t.dim(), false, false);
            return;
        }
        if (a == null || rows == null) {
            Text.put(g, 1, 0, "no dump loaded (try :open FILE)", t.dim(), false, false);
            return;
        }
        if (a.trace().frames().isEmpty()) {
            Text.put(g, 1, 0, Text.cut("this trace has no frames (crash printed only its header)", w - 1, t), t.dim(), false, false);
        } else if (rows.visible.length == 0) {
            Text.put(g, 1, 0, Text.cut("all " + a.trace().frames().size() + " frames hidden by the filter '"
                    + Sanitizer.clean(v.session.filter()) + "' (F clears it)", w - 1, t), t.dim(), false, false);
        }
        if (rows.size() == 0) {
            return;
        }
        int sel = v.frame();
        int selRow = rows.rowOf(sel);
        int offset = rows.visible.length == 0 || a.trace().frames().isEmpty() ? 1 : 0;
        int top = v.follow(PaneId.FRAMES, selRow, h, rows.size() - (h - offset));

        JourneyRows journey = v.journey();
        int selStep = journey.stepOf(sel);
        Columns c = new Columns(w, rows, a.trace().frames().size(), t);
        for (int y = offset; y < h; y++) {
            int row = top + y - offset;
            if (row >= rows.size()) {
                break;
            }
            switch (rows.kind(row)) {
                case FrameRows.FRAME -> frameRow(g, y, a, rows.ref(row), sel, selStep, journey, c, t);
                case FrameRows.EXCEPTION -> exceptionRow(g, y, a.trace().exceptions().get(rows.ref(row)), a, c, t);
                case FrameRows.CONTEXT -> Text.put(g, c.indent, y, Text.cut("--- " + StackContext.values()[rows.ref(row)].id()
                        + " stack ---", w - c.indent, t), t.dim(), false, false);
                default -> Text.put(g, c.indent, y, Text.cut("... " + rows.ref(row) + (rows.ref(row) == 1 ? " frame" : " frames")
                        + " hidden by the filter", w - c.indent, t), t.dim(), false, false);
            }
        }
    }

    /** Column widths for this pane width; optional columns drop out right to left when it is narrow. */
    private static final class Columns {
        final int level;
        final int fn;
        final int module;
        final boolean subsystem;
        final boolean stage;
        final int indent;

        Columns(int w, FrameRows rows, int frames, Theme t) {
            level = Math.max(3, String.valueOf(Math.max(0, frames - 1)).length() + 1);
            indent = 2 + level + 2;
            int room = w - indent;
            int fnWant = rows.functionWidth + 1;
            int fnMin = Math.min(fnWant, 22);
            // Function first; then subsystem and stage (the journey's story); the module only when all fit.
            subsystem = fnMin + SUBSYSTEM_WIDTH + 1 <= room;
            stage = subsystem && fnMin + SUBSYSTEM_WIDTH + 1 + STAGE_WIDTH <= room;
            int used = (subsystem ? SUBSYSTEM_WIDTH + 1 : 0) + (stage ? STAGE_WIDTH : 0);
            int mod = rows.moduleWidth > 0 ? rows.moduleWidth + 1 : 0;
            module = fnWant + used + mod <= room ? mod : 0;
            fn = Math.max(8, Math.min(fnWant, room - used - module));
        }
    }

    private static void frameRow(TextGraphics g, int y, TraceAnalysis a, int index, int sel, int selStep,
                                 JourneyRows journey, Columns c, Theme t) {
        Frame f = a.trace().frames().get(index);
        FrameClass fc = a.classOf(index);
        boolean selected = index == sel;
        boolean inStage = selStep >= 0 && journey.stepOf(index) == selStep;
        boolean crash = journey.journey.crashFrame() != null && journey.journey.crashFrame() == index;
        if (selected) {
            Text.blankRow(g, y, true);
        }
        TextColor none = TextColor.ANSI.DEFAULT;
        int x = Text.put(g, 0, y, selected ? ">" : " ", none, selected, selected);
        x = Text.put(g, x, y, inStage ? String.valueOf(t.stageBar()) : " ", t.stageColor(fc.stage()), selected, false);
        x = Text.put(g, x, y, Text.padLeft(FrameText.level(f), c.level), none, selected, selected);
        x = Text.put(g, x, y, f.reliable() ? "  " : " ?", none, selected, false);
        // The frame that holds the crash site stands out (bold, red when colour is on).
        x = Text.put(g, x, y, Text.fit(FrameText.functionWithOffset(f), c.fn - 1, t) + " ", crash ? t.error() : none, selected, crash);
        if (c.module > 0) {
            x = Text.put(g, x, y, Text.fit(f.module() == null ? "" : "[" + Sanitizer.clean(f.module()) + "]", c.module, t),
                    t.dim(), selected, false);
        }
        if (c.subsystem) {
            String sub = FrameText.subsystem(fc);
            x = Text.put(g, x, y, Text.fit(sub, SUBSYSTEM_WIDTH, t) + " ", t.subsystemColor(fc.subsystem()), selected, false);
        }
        if (c.stage) {
            String stage = fc.stage() == null ? "" : Sanitizer.clean(fc.stage());
            Text.put(g, x, y, Text.fit(stage, STAGE_WIDTH, t), t.stageColor(fc.stage()), selected, false);
        }
    }

    private static void exceptionRow(TextGraphics g, int y, ExceptionFrame e, TraceAnalysis a, Columns c, Theme t) {
        String bar = t.ascii ? "==" : "══";
        String text = bar + " " + FrameText.exception(e) + " " + bar;
        int w = g.getSize().getColumns();
        Text.put(g, c.indent, y, Text.cut(text, w - c.indent, t), t.error(), false, true);
    }

    @Override
    public void handle(Action a, ViewState v, int page) {
        switch (a) {
            case DOWN -> v.moveFrame(1);
            case UP -> v.moveFrame(-1);
            case PAGE_DOWN -> v.moveFrame(Math.max(1, page - 1));
            case PAGE_UP -> v.moveFrame(-Math.max(1, page - 1));
            case TOP -> v.firstFrame();
            case BOTTOM -> v.lastFrame();
            case OPEN -> {
                if (v.frame() >= 0) {
                    v.overlay = ViewState.Overlay.DETAILS;
                    v.overlayTop = 0;
                }
            }
            default -> {
            }
        }
    }
}
