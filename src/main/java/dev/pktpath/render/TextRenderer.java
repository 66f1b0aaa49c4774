package dev.pktpath.render;

import dev.pktpath.analysis.FrameClass;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** The readable, aligned backtrace of {@code print}: what a user reads instead of crash's raw output. */
public final class TextRenderer {

    /** The trace header line: task, CPU, arch and format. */
    public static String header(TraceAnalysis a, int count) {
        Trace t = a.trace();
        StringBuilder b = new StringBuilder();
        b.append("trace ").append(t.id()).append('/').append(count);
        Task task = t.task();
        if (task.pid() != null) {
            b.append("  PID ").append(task.pid());
        }
        if (task.command() != null) {
            b.append("  \"").append(Sanitizer.clean(task.command())).append('"');
        }
        if (task.cpu() != null) {
            b.append("  CPU ").append(task.cpu());
        }
        if (task.task() != null) {
            b.append("  TASK ").append(task.task());
        }
        b.append("  ").append(t.arch().id()).append("  ").append(t.format().id())
                .append("  ").append(t.frames().size()).append(t.frames().size() == 1 ? " frame" : " frames");
        return b.toString();
    }

    /** {@code function+offset/size}, as the user would type it in crash. */
    public static String functionWithOffset(Frame f) {
        StringBuilder b = new StringBuilder(Sanitizer.clean(f.function()));
        if (f.offset() != null) {
            b.append('+').append(f.level() != null && f.size() == null ? String.valueOf(f.offset()) : "0x" + Long.toHexString(f.offset()));
            if (f.size() != null) {
                b.append("/0x").append(Long.toHexString(f.size()));
            }
        }
        return b.toString();
    }

    public String render(List<TraceAnalysis> traces, IntPredicate[] visibleFrames) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < traces.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            renderTrace(out, traces.get(i), traces.size(), visibleFrames == null ? null : visibleFrames[i]);
        }
        return out.toString();
    }

    public void renderTrace(StringBuilder out, TraceAnalysis a, int count, IntPredicate visible) {
        Trace t = a.trace();
        out.append(header(a, count)).append('\n');
        String title = a.naming().title();
        if (title != null) {
            out.append(Sanitizer.clean(title)).append('\n');
        }
        List<String[]> rows = new ArrayList<>();
        int fnWidth = 8;
        for (Frame f : t.frames()) {
            fnWidth = Math.max(fnWidth, Math.min(48, functionWithOffset(f).length()));
        }
        StackContext ctx = null;
        int hidden = 0;
        for (Frame f : t.frames()) {
            if (visible != null && !visible.test(f.index())) {
                hidden++;
                continue;
            }
            if (hidden > 0) {
                out.append(String.format("        ... %d frame%s hidden by the filter%n", hidden, hidden == 1 ? "" : "s"));
                hidden = 0;
            }
            if (ctx != null && f.context() != ctx) {
                out.append("        --- ").append(f.context().id()).append(" stack ---\n");
            }
            ctx = f.context();
            out.append(frameLine(f, a.classOf(f.index()), fnWidth)).append('\n');
            for (ExceptionFrame e : t.exceptions()) {
                if (e.afterFrame() == f.index()) {
                    exception(out, e);
                }
            }
        }
        if (hidden > 0) {
            out.append(String.format("        ... %d frame%s hidden by the filter%n", hidden, hidden == 1 ? "" : "s"));
        }
        for (ExceptionFrame e : t.exceptions()) {
            if (e.afterFrame() < 0) {
                exception(out, e);
            }
        }
    }

    private static String frameLine(Frame f, FrameClass c, int fnWidth) {
        String level = f.level() != null ? "#" + f.level() : "";
        String mark = f.reliable() ? " " : "?";
        String module = f.module() != null ? "[" + Sanitizer.clean(f.module()) + "]" : "";
        String sub = c.subsystem() == null || c.subsystem().equals("unknown") ? "" : c.subsystem();
        String stage = c.stage() == null ? "" : c.stage();
        String line = String.format("  %5s %s %-" + fnWidth + "s %-10s %-16s %-10s %s",
                level, mark, functionWithOffset(f), module, f.address() == null ? "" : f.address(), sub, stage);
        if (f.source() != null) {
            line = line.stripTrailing() + "  " + Sanitizer.clean(f.source());
        }
        return line.stripTrailing();
    }

    private static void exception(StringBuilder out, ExceptionFrame e) {
        out.append("          == ").append(Sanitizer.clean(e.kind()));
        if (e.function() != null) {
            out.append(": ").append(Sanitizer.clean(e.function()));
            if (e.offset() != null) {
                out.append('+').append(e.offset());
            }
        }
        out.append(" ==\n");
        registerLines(out, e.registers(), "             ");
    }

    /** Registers three to a line, names right-aligned as crash prints them. */
    public static void registerLines(StringBuilder out, Map<String, String> regs, String indent) {
        int n = 0;
        StringBuilder line = new StringBuilder(indent);
        for (Map.Entry<String, String> r : regs.entrySet()) {
            line.append(String.format("%8s: %-16s  ", Sanitizer.clean(r.getKey()), Sanitizer.clean(r.getValue())));
            if (++n % 3 == 0) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
            }
        }
        if (n % 3 != 0) {
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
