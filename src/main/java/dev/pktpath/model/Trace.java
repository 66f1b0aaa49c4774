package dev.pktpath.model;

import java.util.List;
import java.util.Map;

/**
 * One backtrace: a task's stack from crash, or one console report.
 *
 * @param id          1-based position in the dump
 * @param headline    the report's first line for console reports ({@code BUG: unable to handle ...}),
 *                    or crash's {@code PANIC:} string when printed; null otherwise
 * @param ip          the faulting location named by the report header ({@code RIP: 0010:f+0x1/0x2},
 *                    {@code pc : f+0x..}), null when none was printed
 * @param registers   registers of the report header (console), in print order; empty when none
 * @param firstLine   1-based input line where the trace starts
 * @param lastLine    1-based input line where the trace ends
 */
public record Trace(
        int id,
        TraceFormat format,
        Arch arch,
        Task task,
        String headline,
        Location ip,
        List<Frame> frames,
        List<ExceptionFrame> exceptions,
        Map<String, String> registers,
        List<Diagnostic> diagnostics,
        int firstLine,
        int lastLine) {

    public Trace {
        frames = List.copyOf(frames);
        exceptions = List.copyOf(exceptions);
        registers = RegisterMap.copyOf(registers);
        diagnostics = List.copyOf(diagnostics);
        task = task == null ? Task.UNKNOWN : task;
    }

    public Trace withId(int newId) {
        return new Trace(newId, format, arch, task, headline, ip, frames, exceptions, registers,
                diagnostics, firstLine, lastLine);
    }
}
