package dev.pktpath.parse;

import dev.pktpath.model.Arch;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Location;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import static dev.pktpath.parse.CrashBtGrammar.*;

/**
 * Reads crash's {@code bt} output. A state machine over lines:
 * <ul>
 *   <li>OUTSIDE: no task yet. A task header or a frame line opens a trace.</li>
 *   <li>IN_TRACE: frames, stack markers, source and stack-data lines attach to the open trace;
 *       an exception header or register line opens a register block.</li>
 *   <li>IN_REGISTERS: register lines add to the block; anything else closes it and is read in IN_TRACE.</li>
 * </ul>
 * A new task header closes the open trace. Lines not understood are kept as diagnostics.
 */
public final class CrashBtParser {

    public List<Trace> parse(List<SourceLine> lines, List<Diagnostic> outside) {
        List<Trace> traces = new ArrayList<>();
        TraceBuilder open = null;
        String panic = null;
        for (SourceLine sl : lines) {
            String text = sl.text().strip();
            if (text.isEmpty()) {
                if (open != null) {
                    open.closeRegisters();
                }
                continue;
            }
            Matcher m;
            if ((m = PANIC.matcher(text)).matches()) {
                panic = m.group(1);
                note(open, outside, sl, "crash header line");
                continue;
            }
            if ((m = TASK_HEADER.matcher(text)).matches()) {
                if (open != null) {
                    traces.add(open.build(traces.size() + 1));
                }
                open = new TraceBuilder(sl.number(), panic);
                Integer cpu = m.group(3).equals("-") ? null : Integer.valueOf(m.group(3));
                open.task = new Task(Long.valueOf(m.group(1)), m.group(2).toLowerCase(Locale.ROOT), cpu, m.group(4));
                continue;
            }
            if ((m = FRAME.matcher(text)).matches()) {
                if (open == null) {
                    open = new TraceBuilder(sl.number(), panic);
                }
                open.addFrame(m, sl, text);
                continue;
            }
            if (open == null) {
                outside.add(new Diagnostic(sl.number(), "outside any backtrace", text));
                continue;
            }
            open.lastLine = sl.number();
            if ((m = EXCEPTION_HEADER.matcher(text)).matches()) {
                open.openRegisters("exception " + m.group(1), m.group(2), parseNumber(m.group(3)), sl.number());
            } else if (REGISTER_LINE.matcher(text).matches()) {
                if (open.registers == null) {
                    open.openRegisters("registers", null, null, sl.number());
                }
                Matcher r = REGISTER.matcher(text);
                while (r.find()) {
                    open.registers.put(r.group(1), r.group(2).toLowerCase(Locale.ROOT));
                }
            } else if ((m = STACK_MARKER.matcher(text)).matches()) {
                open.closeRegisters();
                open.context = contextOf(m.group(1));
            } else if ((m = SOURCE_LINE.matcher(text)).matches() && open.frames.size() > 0) {
                open.attachSource(m.group(1) + ":" + m.group(2));
            } else if (PROMPT.matcher(text).matches()) {
                open.closeRegisters();
                open.diagnostics.add(new Diagnostic(sl.number(), "crash prompt", text));
            } else {
                open.closeRegisters();
                open.diagnostics.add(new Diagnostic(sl.number(), "unrecognised line kept as text", text));
            }
        }
        if (open != null) {
            traces.add(open.build(traces.size() + 1));
        }
        return traces;
    }

    private static void note(TraceBuilder open, List<Diagnostic> outside, SourceLine sl, String what) {
        (open == null ? outside : open.diagnostics).add(new Diagnostic(sl.number(), what, sl.text().strip()));
    }

    static StackContext contextOf(String marker) {
        String m = marker.toLowerCase(Locale.ROOT);
        if (m.contains("nmi")) {
            return StackContext.NMI;
        }
        if (m.contains("soft")) {
            return StackContext.SOFTIRQ;
        }
        if (m.contains("irq")) {
            return StackContext.IRQ;
        }
        if (m.contains("exception") || m.contains("fault") || m.contains("debug") || m.contains("mce")) {
            return StackContext.EXCEPTION;
        }
        if (m.contains("task") || m.contains("process")) {
            return StackContext.TASK;
        }
        return StackContext.UNKNOWN;
    }

    static Long parseNumber(String s) {
        if (s == null) {
            return null;
        }
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Mutable accumulator for the trace being read; becomes an immutable {@link Trace}. */
    private static final class TraceBuilder {
        final int firstLine;
        final String panic;
        int lastLine;
        Task task = Task.UNKNOWN;
        StackContext context = StackContext.TASK;
        final List<Frame> frames = new ArrayList<>();
        final List<ExceptionFrame> exceptions = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, String> registers;
        String regKind;
        String regFunction;
        Long regOffset;
        int regLine;

        TraceBuilder(int firstLine, String panic) {
            this.firstLine = firstLine;
            this.lastLine = firstLine;
            this.panic = panic;
        }

        void addFrame(Matcher m, SourceLine sl, String text) {
            closeRegisters();
            lastLine = sl.number();
            String rest = m.group(7);
            String module = null;
            Matcher mod = MODULE.matcher(rest);
            if (mod.find()) {
                module = mod.group(1);
            }
            boolean reliable = !rest.contains("(unreliable)");
            frames.add(new Frame(frames.size(), Integer.valueOf(m.group(1)), m.group(3).strip(),
                    parseNumber(m.group(4)), parseNumber(m.group(5)), m.group(6).toLowerCase(Locale.ROOT),
                    m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT), module, reliable, context,
                    null, false, sl.number(), text));
        }

        void attachSource(String source) {
            Frame f = frames.remove(frames.size() - 1);
            frames.add(new Frame(f.index(), f.level(), f.function(), f.offset(), f.size(), f.address(),
                    f.stackAddress(), f.module(), f.reliable(), f.context(), source, f.inlined(), f.line(), f.raw()));
        }

        void openRegisters(String kind, String function, Long offset, int line) {
            closeRegisters();
            registers = new LinkedHashMap<>();
            regKind = kind;
            regFunction = function;
            regOffset = offset;
            regLine = line;
        }

        void closeRegisters() {
            if (registers != null) {
                exceptions.add(new ExceptionFrame(frames.size() - 1, regKind, regFunction, regOffset, registers, regLine));
                registers = null;
            }
        }

        Trace build(int id) {
            closeRegisters();
            Map<String, String> first = exceptions.isEmpty() ? Map.of() : exceptions.get(0).registers();
            Location ip = null;
            return new Trace(id, TraceFormat.CRASH_BT, guessArch(), task, panic, ip, frames, exceptions,
                    first, diagnostics, firstLine, lastLine);
        }

        private Arch guessArch() {
            for (ExceptionFrame e : exceptions) {
                Map<String, String> r = e.registers();
                if (r.containsKey("RIP") || r.containsKey("R15")) {
                    return Arch.X86_64;
                }
                if (r.containsKey("EIP") || r.containsKey("EAX")) {
                    return Arch.X86;
                }
                if (r.containsKey("PSTATE") || r.containsKey("X29")) {
                    return Arch.ARM64;
                }
            }
            for (Frame f : frames) {
                String a = f.address();
                if (a != null && a.length() == 16) {
                    return a.startsWith("c0000") ? Arch.PPC64 : Arch.X86_64;
                }
                if (a != null && a.length() == 8) {
                    return Arch.X86;
                }
            }
            return Arch.UNKNOWN;
        }
    }
}
