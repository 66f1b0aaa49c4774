package dev.pktpath.tui;

import dev.pktpath.analysis.FrameClass;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.render.Sanitizer;
import dev.pktpath.render.TextRenderer;

import java.util.ArrayList;
import java.util.List;

/** The words the panes show for frames and exception frames; every string from the dump is sanitised here. */
final class FrameText {
    private FrameText() {
    }

    static String functionWithOffset(Frame f) {
        return TextRenderer.functionWithOffset(f);
    }

    static String level(Frame f) {
        return f.level() != null ? "#" + f.level() : String.valueOf(f.index());
    }

    static String exception(ExceptionFrame e) {
        StringBuilder b = new StringBuilder(Sanitizer.clean(e.kind()));
        if (e.function() != null) {
            b.append(": ").append(Sanitizer.clean(e.function()));
            if (e.offset() != null) {
                b.append('+').append(e.offset());
            }
        }
        return b.toString();
    }

    static String subsystem(FrameClass c) {
        return c.subsystem() == null || c.subsystem().equals("unknown") ? "" : Sanitizer.clean(c.subsystem());
    }

    /** Every fact about a frame as label/value pairs, for the details pane and overlay. */
    static List<String[]> facts(TraceAnalysis a, int index, String direction) {
        Frame f = a.trace().frames().get(index);
        FrameClass c = a.classOf(index);
        List<String[]> out = new ArrayList<>();
        add(out, "function", functionWithOffset(f));
        add(out, "level", f.level() != null ? "#" + f.level() : null);
        add(out, "index", String.valueOf(f.index()));
        add(out, "address", f.address());
        add(out, "stack", f.stackAddress());
        add(out, "module", f.module());
        add(out, "source", f.source());
        add(out, "reliable", f.reliable() ? "yes" : "no (crash printed it with ?)");
        add(out, "context", f.context().id());
        add(out, "subsystem", c.subsystem());
        add(out, "stage", c.stage() == null ? null : c.stage() + (direction == null ? "" : " (" + direction + ")"));
        add(out, "inlined", f.inlined() ? "yes" : null);
        for (ExceptionFrame e : a.trace().exceptions()) {
            if (e.afterFrame() == index) {
                add(out, "eframe", exception(e) + " (printed after this frame)");
            }
        }
        add(out, "input", "line " + f.line());
        add(out, "raw", f.raw() == null ? null : f.raw().strip());
        return out;
    }

    private static void add(List<String[]> out, String label, String value) {
        if (value != null) {
            out.add(new String[]{label, Sanitizer.clean(value)});
        }
    }
}
