package dev.pktpath.render;

import dev.pktpath.analysis.FrameClass;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The readable, aligned backtrace of {@code print}: what a user reads instead of crash's raw output.
 *
 * <pre>
 * trace 1/1  PID 0  "swapper"  CPU 3  TASK ffffffff81a8d020  x86_64  crash-bt  34 frames
 * BUG: unable to handle kernel paging request in skb_clone
 *   #8    page_fault                  ffffffff814e96f5  fault
 *         [exception RIP: skb_clone+208]
 *              RIP: ffffffff81415f40    RSP: ffff8800282034c0 RFLAGS: 00010246
 *   #32   bnx2_poll_work       [bnx2] ffffffffa02ecd5f  net-driver  driver-rx
 * </pre>
 *
 * Columns: level ({@code ?} after it for unreliable frames), function+offset, module, address, subsystem
 * and journey stage. A {@code --- irq stack ---} line opens each run of frames that ran on another stack
 * than the task's (crash prints its marker after such a run; here it heads it). {@code bt -l} source lines
 * and {@code bt -f} stack data follow their frame, indented; exception blocks follow the frame printed
 * above them, registers in aligned columns as crash prints them; notes on lines the parser did not take
 * as frames end the trace.
 */
public final class TextRenderer {
    private static final int MAX_FUNCTION_WIDTH = 48;
    private static final String DETAIL_INDENT = "          ";
    /**
     * The count to give {@link #header} when the number of traces is not known yet (a dump printed as it
     * is read): the header then reads {@code trace 1001} instead of {@code trace 1001/190000}.
     */
    public static final int COUNT_UNKNOWN = -1;

    /** The trace header line: task, CPU, arch and format. */
    public static String header(TraceAnalysis a, int count) {
        Trace t = a.trace();
        StringBuilder b = new StringBuilder();
        b.append("trace ").append(t.id());
        if (count != COUNT_UNKNOWN) {
            b.append('/').append(count);
        }
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
            b.append("  TASK ").append(Sanitizer.clean(task.task()));
        }
        b.append("  ").append(t.arch().id()).append("  ").append(t.format().id())
                .append("  ").append(t.frames().size()).append(t.frames().size() == 1 ? " frame" : " frames");
        return b.toString();
    }

    /** {@code function+offset/size}, as the user would type it in crash. */
    public static String functionWithOffset(Frame f) {
        StringBuilder b = new StringBuilder(Sanitizer.clean(f.function()));
        if (f.offset() != null) {
            b.append('+');
            if (f.level() != null && f.size() == null) {
                b.append(f.offset().longValue());
            } else {
                b.append("0x").append(Long.toHexString(f.offset()));
            }
            if (f.size() != null) {
                b.append("/0x").append(Long.toHexString(f.size()));
            }
        }
        return b.toString();
    }

    /** Every trace, a blank line between them; {@code visibleFrames} (may be null) per trace as {@link #renderTrace}. */
    public String render(List<TraceAnalysis> traces, IntPredicate[] visibleFrames) {
        StringBuilder out = new StringBuilder();
        Stream s = new Stream(out);
        for (int i = 0; i < traces.size(); i++) {
            s.add(trace(traces.get(i), traces.size(), visibleFrames == null ? null : visibleFrames[i]));
        }
        return out.toString();
    }

    /** One trace's text, as {@link #renderTrace} writes it. */
    public String trace(TraceAnalysis a, int count, IntPredicate visible) {
        return SCRATCH.text(out -> renderTrace(out, a, count, visible));
    }

    private static final Scratch SCRATCH = new Scratch(8192);

    /**
     * Writes traces one at a time as {@link #render} lays them out (a blank line between two), so that a
     * dump can be printed as it is read: the texts come from {@link #trace}, possibly made on other threads.
     */
    public static final class Stream {
        private final Appendable out;
        private boolean first = true;

        public Stream(Appendable out) {
            this.out = out;
        }

        public void add(String traceText) {
            try {
                if (!first) {
                    out.append('\n');
                }
                first = false;
                out.append(traceText);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    public void renderTrace(StringBuilder out, TraceAnalysis a, int count, IntPredicate visible) {
        Trace t = a.trace();
        out.append(header(a, count)).append('\n');
        String title = a.naming().title();
        if (title != null) {
            out.append(Sanitizer.clean(title)).append('\n');
        }
        List<Frame> frames = t.frames();
        // each frame's function+offset and address, made once for the widths and the lines
        String[] functions = new String[frames.size()];
        String[] addresses = new String[frames.size()];
        String[] modules = new String[frames.size()];
        Columns cols = Columns.of(frames, functions, addresses, modules);
        for (ExceptionFrame e : t.exceptions()) {
            if (e.afterFrame() < 0) {
                exception(out, e);
            }
        }
        StackContext ctx = StackContext.TASK;
        int hidden = 0;
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            if (visible != null && !visible.test(f.index())) {
                hidden++;
                continue;
            }
            if (hidden > 0) {
                hiddenLine(out, hidden);
                hidden = 0;
            }
            if (f.context() != ctx) {
                out.append("        --- ").append(f.context().id()).append(" stack ---\n");
                ctx = f.context();
            }
            frameLine(out, f, functions[i], modules[i], addresses[i], a.classOf(f.index()), cols);
            if (f.source() != null) {
                out.append(DETAIL_INDENT).append("at ").append(Sanitizer.clean(f.source())).append('\n');
            }
            for (String data : f.stackData()) {
                out.append(DETAIL_INDENT).append(Sanitizer.clean(data)).append('\n');
            }
            if (!t.exceptions().isEmpty()) {
                for (ExceptionFrame e : t.exceptions()) {
                    if (e.afterFrame() == f.index()) {
                        exception(out, e);
                    }
                }
            }
        }
        if (hidden > 0) {
            hiddenLine(out, hidden);
        }
        notes(out, t.diagnostics());
    }

    private static void hiddenLine(StringBuilder out, int hidden) {
        out.append(String.format("        ... %d frame%s hidden by the filter%n", hidden, hidden == 1 ? "" : "s"));
    }

    /** Column widths for one trace, so every frame line of it lines up. */
    private record Columns(int function, int module, int address) {
        /** Also fills {@code functions}, {@code addresses} and {@code modules} with each frame's text for them (sanitised). */
        static Columns of(List<Frame> frames, String[] functions, String[] addresses, String[] modules) {
            int fn = 8;
            int mod = 0;
            int addr = 0;
            for (int i = 0; i < frames.size(); i++) {
                Frame f = frames.get(i);
                String text = functionWithOffset(f);
                functions[i] = text;
                fn = Math.max(fn, Math.min(MAX_FUNCTION_WIDTH, text.length()));
                if (f.module() != null) {
                    modules[i] = Sanitizer.clean(f.module());
                    mod = Math.max(mod, modules[i].length() + 2);
                }
                String address = f.address();
                if (address != null) {
                    addr = Math.max(addr, address.length());
                    addresses[i] = Sanitizer.clean(address);
                } else {
                    addresses[i] = "";
                }
            }
            return new Columns(fn, mod, addr);
        }
    }

    /**
     * One frame's line, ended by a newline, written straight into {@code out}. Padded by hand, not with
     * {@code String.format}: parsing the format string for every frame was a third of {@code print}'s
     * CPU time on a big dump (JFR), and the padding is the same ({@code %5s} right-aligns, {@code %-Ns}
     * left-aligns, neither cuts a longer value); the line's trailing whitespace is taken off in place
     * (a string per line, then a stripped copy of it, were a third of what was left).
     */
    private static void frameLine(StringBuilder out, Frame f, String function, String module, String address, FrameClass c,
                                  Columns cols) {
        int start = out.length();
        out.append("  ");
        Integer level = f.level();
        if (level == null) {
            out.append("     ");
        } else {
            int digits = level >= 0 && level < 10 ? 1 : level >= 10 && level < 100 ? 2 : level >= 100 && level < 1000 ? 3 : 0;
            if (digits > 0) {
                for (int i = digits + 1; i < 5; i++) {
                    out.append(' ');
                }
                out.append('#').append(level.intValue());
            } else {
                padLeft(out, "#" + level, 5);
            }
        }
        out.append(f.reliable() ? ' ' : '?').append(' ');
        padRight(out, function, cols.function());
        if (cols.module() > 0) {
            out.append(' ');
            if (module != null) {
                out.append('[').append(module).append(']');
                spaces(out, cols.module() - module.length() - 2);
            } else {
                spaces(out, cols.module());
            }
        }
        if (cols.address() > 0) {
            out.append("  ");
            padRight(out, address, cols.address());
        }
        String sub = c.subsystem() == null || c.subsystem().equals("unknown") ? "" : c.subsystem();
        String stage = c.stage() == null ? "" : c.stage();
        if (!sub.isEmpty() || !stage.isEmpty()) {
            out.append("  ");
            padRight(out, sub, 10);
            out.append(' ').append(stage);
        }
        stripTrailing(out, start);
        out.append('\n');
    }

    private static void spaces(StringBuilder b, int n) {
        for (int i = 0; i < n; i++) {
            b.append(' ');
        }
    }

    /** {@link String#stripTrailing} of what {@code b} holds from {@code start} on, in place. */
    private static void stripTrailing(StringBuilder b, int start) {
        int end = b.length();
        // whitespace is in the BMP, and a surrogate is not whitespace: a char test is the code point test
        while (end > start && Character.isWhitespace(b.charAt(end - 1))) {
            end--;
        }
        b.setLength(end);
    }

    /** {@code %Ns}: {@code s} right-aligned in {@code width} columns, never cut. */
    private static void padLeft(StringBuilder b, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            b.append(' ');
        }
        b.append(s);
    }

    /** {@code %-Ns}: {@code s} left-aligned in {@code width} columns, never cut. */
    private static void padRight(StringBuilder b, String s, int width) {
        b.append(s);
        for (int i = s.length(); i < width; i++) {
            b.append(' ');
        }
    }

    private static void exception(StringBuilder out, ExceptionFrame e) {
        out.append(DETAIL_INDENT).append('[').append(Sanitizer.clean(e.kind()));
        if (e.function() != null) {
            out.append(": ").append(Sanitizer.clean(e.function()));
            if (e.offset() != null) {
                out.append('+').append(e.offset());
            }
        }
        out.append("]\n");
        registerLines(out, e.registers(), DETAIL_INDENT + "   ");
    }

    /**
     * Registers in print order, in aligned columns as crash prints them: names right-aligned, values
     * left-aligned, three to a line for 64-bit values and four for shorter ones. A name longer than the
     * block's usual names ({@code ORIG_RAX}, {@code SYSCALL_RESULT}) takes the room it needs.
     */
    public static void registerLines(StringBuilder out, Map<String, String> regs, String indent) {
        if (regs.isEmpty()) {
            return;
        }
        int nameWidth = 0;
        int valueWidth = 0;
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> r : regs.entrySet()) {
            String name = Sanitizer.clean(r.getKey());
            names.add(name);
            if (name.length() <= 5) {
                nameWidth = Math.max(nameWidth, name.length());
            }
            valueWidth = Math.max(valueWidth, Sanitizer.clean(r.getValue()).length());
        }
        if (nameWidth == 0) {
            // only long names (an s390x PSW alone): align on the longest
            nameWidth = names.stream().mapToInt(String::length).max().orElse(1);
        }
        valueWidth = Math.max(1, Math.min(valueWidth, 18));
        int perLine = valueWidth > 8 ? 3 : 4;
        StringBuilder line = new StringBuilder(indent);
        int n = 0;
        int i = 0;
        for (Map.Entry<String, String> r : regs.entrySet()) {
            String name = names.get(i++);
            // "%Ns: %-Ms  " padded by hand, as the frame lines are
            padLeft(line, name, nameWidth);
            line.append(": ");
            padRight(line, Sanitizer.clean(r.getValue()), valueWidth);
            line.append("  ");
            if (++n % perLine == 0) {
                out.append(stripTrailing(line.toString())).append('\n');
                line = new StringBuilder(indent);
            }
        }
        if (n % perLine != 0) {
            out.append(stripTrailing(line.toString())).append('\n');
        }
    }

    /** Lines of the trace that were not frames or registers: crash's own messages, elisions, gaps, unknown text. */
    private static void notes(StringBuilder out, List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            return;
        }
        out.append("  notes:\n");
        for (Diagnostic d : diagnostics) {
            out.append(String.format("    line %-5d %s", d.line(), Sanitizer.clean(d.message())));
            if (d.text() != null && !d.text().isBlank()) {
                String text = Sanitizer.clean(d.text().strip());
                out.append(": ").append(text.length() > 72 ? text.substring(0, 69) + "..." : text);
            }
            out.append('\n');
        }
    }

    private static String stripTrailing(String s) {
        return s.stripTrailing();
    }
}
