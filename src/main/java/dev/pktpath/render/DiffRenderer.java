package dev.pktpath.render;

import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.diff.DiffRow;
import dev.pktpath.diff.DiffSide;
import dev.pktpath.diff.EditKind;
import dev.pktpath.diff.EditOp;
import dev.pktpath.diff.JourneyComparison;
import dev.pktpath.diff.RegisterDiff;
import dev.pktpath.diff.TraceDiff;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code pktpath-tui diff}: a unified-style, side-by-side text diff of two traces, and its JSON.
 *
 * <pre>
 * --- a.txt  BUG: unable to handle kernel paging request in skb_clone  (34 frames)
 * +++ b.txt  BUG: unable to handle kernel paging request in skb_clone  (34 frames)
 * similarity 0.96   journeys part at l4-tx
 *   #17  tcp_transmit_skb                  #17  tcp_transmit_skb
 * - #18  tcp_retransmit_skb              + #18  tcp_write_xmit
 * </pre>
 * A frame only A has (or that B replaced) is marked {@code -} on the left; one only B has,
 * {@code +} on the right; equal rows carry no mark. Runs of equal frames further than the context
 * from any difference fold into one {@code ...} line. Colour, when asked for, only repeats the marks.
 * Narrower than {@value #NARROW} columns, the sides are stacked instead: A's frames of a change
 * ({@code -}) above B's ({@code +}), as diff -u prints them, with A's and B's levels in two columns.
 */
public final class DiffRenderer {
    /** Frames of context shown around each difference, as diff -u's default. */
    public static final int DEFAULT_CONTEXT = 3;
    /** Below this width the two sides no longer fit next to each other and are stacked, diff -u style. */
    public static final int NARROW = 64;

    public String text(TraceDiff d, TextStyle st, int context) {
        StringBuilder out = new StringBuilder();
        int w = st.width();
        out.append(st.red(st.fit("--- " + describe(d.a(), w - 4), w))).append('\n');
        out.append(st.green(st.fit("+++ " + describe(d.b(), w - 4), w))).append('\n');
        out.append(st.fit("similarity " + TextStyle.score(d.similarity()) + "   " + journeyText(d.journeys()), w))
                .append('\n');
        Trace a = d.a().analysis().trace();
        Trace b = d.b().analysis().trace();
        if (d.same()) {
            int n = d.alignment().sizeA();
            String left = d.options().reliableOnly() ? leftOut(a, b) : "";
            out.append(n == 0 ? "no frames on either side" + left + "\n"
                    : "same stack: " + n + (n == 1 ? " frame" : " frames") + (d.options().offsets() ? ", offsets included" : "")
                    + left + "\n");
        } else {
            frames(out, d, a, b, st, Math.max(0, context));
        }
        registers(out, d.registers(), st);
        return out.toString();
    }

    /** {@code  (3 | 5 unreliable frames left out)}, or nothing when there were none. */
    private static String leftOut(Trace a, Trace b) {
        int ua = unreliable(a);
        int ub = unreliable(b);
        return ua + ub == 0 ? "" : " (" + ua + " | " + ub + " unreliable frames left out)";
    }

    private static int unreliable(Trace t) {
        int n = 0;
        for (Frame f : t.frames()) {
            if (!f.reliable()) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@code a.txt#2  title  (N frames)}: the label, what crashed (or whose task it is), the size.
     * A long path is shortened to its file name when the whole would not fit.
     */
    static String describe(DiffSide s, int width) {
        TraceAnalysis an = s.analysis();
        Trace t = an.trace();
        String what = an.naming().title();
        if (what == null) {
            what = task(t.task());
        }
        int n = t.frames().size();
        String size = "(" + n + (n == 1 ? " frame)" : " frames)");
        what = Sanitizer.clean(what);
        String label = Sanitizer.clean(s.label());
        String full = label + "  " + (what.isEmpty() ? size : what + "  " + size);
        if (full.length() <= width) {
            return full;
        }
        int slash = label.lastIndexOf('/');
        label = slash >= 0 && slash < label.length() - 1 ? label.substring(slash + 1) : label;
        full = label + "  " + (what.isEmpty() ? size : what + "  " + size);
        // Still too long: drop the size, which the frame levels show anyway.
        return full.length() <= width || what.isEmpty() ? full : label + "  " + what;
    }

    private static String task(Task task) {
        StringBuilder b = new StringBuilder();
        if (task.pid() != null) {
            b.append("PID ").append(task.pid());
        }
        if (task.command() != null) {
            b.append(b.length() > 0 ? " " : "").append('"').append(task.command()).append('"');
        }
        if (task.cpu() != null) {
            b.append(b.length() > 0 ? " " : "").append("CPU ").append(task.cpu());
        }
        return b.toString();
    }

    /** One phrase on where the packet journeys part, for the summary line. */
    public static String journeyText(JourneyComparison j) {
        if (j.bothEmpty()) {
            return "no packet journey";
        }
        if (j.a().isEmpty() || j.b().isEmpty()) {
            return "packet journey only in " + (j.a().isEmpty() ? "b" : "a");
        }
        if (j.same()) {
            int n = j.a().steps().size();
            return "journeys agree (" + n + (n == 1 ? " stage)" : " stages)");
        }
        if (j.stageA() != null && j.stageA().equals(j.stageB())) {
            return "journeys part at " + j.stageA();
        }
        return "journeys part " + (j.after() == null ? "at the start" : "after " + j.after()) + ": "
                + (j.stageA() == null ? "(end)" : j.stageA()) + " / " + (j.stageB() == null ? "(end)" : j.stageB());
    }

    private void frames(StringBuilder out, TraceDiff d, Trace a, Trace b, TextStyle st, int context) {
        boolean narrow = st.width() < NARROW;
        List<DiffRow> rows = narrow ? unifiedRows(d.alignment().ops()) : d.alignment().rows();
        boolean[] show = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).changed()) {
                for (int k = Math.max(0, i - context); k <= Math.min(rows.size() - 1, i + context); k++) {
                    show[k] = true;
                }
            }
        }
        int i = 0;
        while (i < rows.size()) {
            if (!show[i]) {
                int j = i;
                while (j < rows.size() && !show[j]) {
                    j++;
                }
                if (j - i >= 2) {
                    out.append("  ... ").append(j - i).append(" equal frames ...\n");
                    i = j;
                    continue;
                }
            }
            String line = narrow ? unifiedLine(rows.get(i), a, b, d.options().offsets(), st)
                    : sideBySideLine(rows.get(i), a, b, d.options().offsets(), st);
            out.append(line.stripTrailing()).append('\n');
            i++;
        }
    }

    /** Rows for the narrow layout: a change run's frames of A first, each alone, then B's. */
    private static List<DiffRow> unifiedRows(List<EditOp> ops) {
        List<DiffRow> rows = new ArrayList<>();
        for (EditOp op : ops) {
            if (op.kind() == EditKind.EQUAL) {
                for (int k = 0; k < op.a().size(); k++) {
                    rows.add(new DiffRow(op.a().get(k), op.b().get(k), EditKind.EQUAL));
                }
            } else {
                op.a().forEach(x -> rows.add(new DiffRow(x, null, op.kind())));
                op.b().forEach(y -> rows.add(new DiffRow(null, y, op.kind())));
            }
        }
        return rows;
    }

    /** {@code - #18  tcp_retransmit_skb          + #18  tcp_write_xmit}: A on the left, B on the right. */
    private static String sideBySideLine(DiffRow r, Trace a, Trace b, boolean offsets, TextStyle st) {
        int side = (st.width() - 5) / 2;
        int levelW = Math.max(levelWidth(a), levelWidth(b));
        int nameW = side - (levelW == 0 ? 0 : levelW + 2);
        String left = r.a() == null ? "" : cell(a.frames().get(r.a()), levelW, nameW, offsets, st);
        String right = r.b() == null ? "" : cell(b.frames().get(r.b()), levelW, nameW, offsets, st);
        boolean minus = r.kind() != EditKind.EQUAL && r.a() != null;
        boolean plus = r.kind() != EditKind.EQUAL && r.b() != null;
        String l = (minus ? "- " : "  ") + left;
        String rt = (plus ? "+ " : "  ") + right;
        String lineL = minus ? st.red(l) : l;
        String lineR = plus ? st.green(rt) : rt;
        return lineL + " ".repeat(Math.max(1, side + 3 - l.length())) + lineR;
    }

    /**
     * The narrow layout, as diff -u with two number columns: {@code   #19  #1  lkdtm_do_action} for
     * an equal frame (its level in A, then in B), {@code - #18      tcp_retransmit_skb} for A's,
     * {@code +      #18  tcp_write_xmit} for B's.
     */
    private static String unifiedLine(DiffRow r, Trace a, Trace b, boolean offsets, TextStyle st) {
        int wa = Math.max(2, levelWidth(a));
        int wb = Math.max(2, levelWidth(b));
        String la = r.a() == null ? "" : level(a.frames().get(r.a()));
        String lb = r.b() == null || (r.a() != null && r.kind() != EditKind.EQUAL) ? "" : level(b.frames().get(r.b()));
        Frame f = r.a() != null ? a.frames().get(r.a()) : b.frames().get(r.b());
        String mark = r.kind() == EditKind.EQUAL ? " " : r.a() != null ? "-" : "+";
        String head = mark + " " + " ".repeat(wa - la.length()) + la + " " + " ".repeat(wb - lb.length()) + lb + "  ";
        String line = head + st.fit(name(f, offsets), st.width() - head.length());
        return mark.equals("-") ? st.red(line) : mark.equals("+") ? st.green(line) : line;
    }

    private static String level(Frame f) {
        return f.level() == null ? "" : "#" + f.level();
    }

    private static int levelWidth(Trace t) {
        int w = 0;
        for (Frame f : t.frames()) {
            if (f.level() != null) {
                w = Math.max(w, 1 + String.valueOf(f.level()).length());
            }
        }
        return w;
    }

    private static String cell(Frame f, int levelW, int nameW, boolean offsets, TextStyle st) {
        String name = name(f, offsets);
        if (levelW == 0) {
            return st.fit(name, nameW);
        }
        String level = level(f);
        return " ".repeat(levelW - level.length()) + level + "  " + st.fit(name, nameW);
    }

    /** The function as shown: {@code ? } before unreliable frames; offset or return address with --offsets. */
    private static String name(Frame f, boolean offsets) {
        String name = offsets ? TextRenderer.functionWithOffset(f) : Sanitizer.clean(f.function());
        if (offsets && f.offset() == null && f.address() != null) {
            name = name + " " + f.address();
        }
        return f.reliable() ? name : "? " + name;
    }

    private static void registers(StringBuilder out, RegisterDiff r, TextStyle st) {
        if (r.isEmpty()) {
            return;
        }
        if (r.blockA() == null || r.blockB() == null) {
            String only = r.blockA() == null ? "b" : "a";
            String block = r.blockA() == null ? r.blockB() : r.blockA();
            out.append(st.fit("registers: only " + only + " has them (" + Sanitizer.clean(block) + ")", st.width())).append('\n');
            return;
        }
        String blocks = r.blockA().equals(r.blockB()) ? Sanitizer.clean(r.blockA())
                : "a: " + Sanitizer.clean(r.blockA()) + "; b: " + Sanitizer.clean(r.blockB());
        int changed = r.changedCount();
        String count = changed == 0 ? "all " + r.rows().size() + " the same"
                : changed + " of " + r.rows().size() + " differ";
        out.append(st.fit("registers: " + count + " (" + blocks + ")", st.width())).append('\n');
        int nameW = 0;
        for (RegisterDiff.Change c : r.rows()) {
            if (c.changed()) {
                nameW = Math.max(nameW, Sanitizer.clean(c.name()).length());
            }
        }
        for (RegisterDiff.Change c : r.rows()) {
            if (c.changed()) {
                String va = c.a() == null ? "(none)" : Sanitizer.clean(c.a());
                String vb = c.b() == null ? "(none)" : Sanitizer.clean(c.b());
                out.append("  ").append(TextStyle.pad(Sanitizer.clean(c.name()), nameW)).append("  ")
                        .append(st.red(va)).append(' ').append(st.arrow()).append(' ').append(st.green(vb)).append('\n');
            }
        }
    }

    /** The {@code diff --json} document; see the README for the fields beyond the contract's. */
    public String json(TraceDiff d) {
        StringBuilder sb = new StringBuilder(2048);
        Json j = new Json(sb);
        j.beginObject().field("schema", JsonRenderer.SCHEMA);
        side(j.name("a"), d.a(), d.registers().blockA());
        side(j.name("b"), d.b(), d.registers().blockB());
        j.field("similarity", jsonScore(d.similarity(), d.same()));
        j.field("same", d.same());
        j.field("offsets", d.options().offsets());
        j.field("reliableOnly", d.options().reliableOnly());
        ops(j.name("ops"), d.alignment().ops());
        j.name("registers").beginArray();
        for (RegisterDiff.Change c : d.registers().rows()) {
            j.beginObject().field("name", c.name()).field("a", c.a()).field("b", c.b())
                    .field("changed", c.changed()).endObject();
        }
        j.endArray();
        JourneyComparison jc = d.journeys();
        j.name("journeys").beginObject()
                .field("same", jc.same())
                .field("partStep", jc.same() ? null : jc.partStep())
                .field("after", jc.after())
                .field("stageA", jc.stageA())
                .field("stageB", jc.stageB())
                .endObject();
        j.endObject();
        return sb.append('\n').toString();
    }

    /** Four decimals, and never 1 for what is not the same (nor 0 for what shares a frame). */
    static double jsonScore(double s, boolean same) {
        double r = Math.round(s * 10000) / 10000.0;
        if (r >= 1.0 && !same) {
            return 0.9999;
        }
        if (r <= 0.0 && s > 0.0) {
            return 0.0001;
        }
        return r;
    }

    /** {@code [{"op":"equal","a":[0,1],"b":[0,1]}, ...]}, shared with {@code cluster --json}. */
    static void ops(Json j, List<EditOp> ops) {
        j.beginArray();
        for (EditOp op : ops) {
            j.beginObject().field("op", op.kind().id());
            j.name("a").beginArray();
            op.a().forEach(j::value);
            j.endArray();
            j.name("b").beginArray();
            op.b().forEach(j::value);
            j.endArray();
            j.endObject();
        }
        j.endArray();
    }

    private static void side(Json j, DiffSide s, String registerBlock) {
        Trace t = s.analysis().trace();
        j.beginObject().field("source", s.source()).field("trace", t.id()).field("label", s.label())
                .field("title", s.analysis().naming().title());
        j.name("task").beginObject()
                .field("pid", t.task().pid()).field("task", t.task().task())
                .field("cpu", t.task().cpu()).field("command", t.task().command())
                .endObject();
        j.name("functions").beginArray();
        for (Frame f : t.frames()) {
            j.value(f.function());
        }
        j.endArray();
        j.field("registerBlock", registerBlock);
        j.endObject();
    }
}
