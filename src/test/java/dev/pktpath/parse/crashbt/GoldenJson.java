package dev.pktpath.parse.crashbt;

import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.Dump;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;

import java.util.List;
import java.util.Map;

/**
 * The golden form of a parse: parse facts only (no subsystem, journey or naming, which belong to the
 * analyses), one frame, exception or diagnostic per line so that a diff points at the line that moved.
 * Diagnostics carry their line number and message but not the input text (the input is read in place).
 */
final class GoldenJson {
    private GoldenJson() {
    }

    static String of(Dump dump) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"source\": ").append(str(dump.source())).append(",\n");
        b.append("  \"traces\": [");
        List<Trace> traces = dump.traces();
        for (int i = 0; i < traces.size(); i++) {
            b.append(i == 0 ? "\n" : ",\n");
            trace(b, traces.get(i));
        }
        b.append(traces.isEmpty() ? "],\n" : "\n  ],\n");
        b.append("  \"diagnostics\": ");
        diagnostics(b, dump.diagnostics(), "  ");
        b.append("\n}\n");
        return b.toString();
    }

    private static void trace(StringBuilder b, Trace t) {
        String in = "    ";
        b.append(in).append("{\n");
        b.append(in).append("  \"id\": ").append(t.id())
                .append(", \"format\": ").append(str(t.format().id()))
                .append(", \"arch\": ").append(str(t.arch().id()))
                .append(", \"headline\": ").append(str(t.headline())).append(",\n");
        b.append(in).append("  \"task\": {\"pid\": ").append(t.task().pid())
                .append(", \"task\": ").append(str(t.task().task()))
                .append(", \"cpu\": ").append(t.task().cpu())
                .append(", \"command\": ").append(str(t.task().command())).append("},\n");
        b.append(in).append("  \"frames\": [");
        List<Frame> frames = t.frames();
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            b.append(i == 0 ? "\n" : ",\n").append(in).append("    {")
                    .append("\"index\": ").append(f.index())
                    .append(", \"level\": ").append(f.level())
                    .append(", \"function\": ").append(str(f.function()))
                    .append(", \"offset\": ").append(f.offset())
                    .append(", \"size\": ").append(f.size())
                    .append(", \"address\": ").append(str(f.address()))
                    .append(", \"stackAddress\": ").append(str(f.stackAddress()))
                    .append(", \"module\": ").append(str(f.module()))
                    .append(", \"reliable\": ").append(f.reliable())
                    .append(", \"context\": ").append(str(f.context().id()))
                    .append(", \"source\": ").append(str(f.source()))
                    .append(", \"stackDataLines\": ").append(f.stackData().size())
                    .append('}');
        }
        b.append(frames.isEmpty() ? "],\n" : "\n" + in + "  ],\n");
        b.append(in).append("  \"exceptions\": [");
        List<ExceptionFrame> ex = t.exceptions();
        for (int i = 0; i < ex.size(); i++) {
            ExceptionFrame e = ex.get(i);
            b.append(i == 0 ? "\n" : ",\n").append(in).append("    {")
                    .append("\"afterFrame\": ").append(e.afterFrame())
                    .append(", \"kind\": ").append(str(e.kind()))
                    .append(", \"function\": ").append(str(e.function()))
                    .append(", \"offset\": ").append(e.offset())
                    .append(", \"line\": ").append(e.line())
                    .append(",\n").append(in).append("     \"registers\": ");
            registers(b, e.registers());
            b.append('}');
        }
        b.append(ex.isEmpty() ? "],\n" : "\n" + in + "  ],\n");
        b.append(in).append("  \"lines\": [").append(t.firstLine()).append(", ").append(t.lastLine()).append("],\n");
        b.append(in).append("  \"diagnostics\": ");
        diagnostics(b, t.diagnostics(), in + "  ");
        b.append('\n').append(in).append('}');
    }

    private static void registers(StringBuilder b, Map<String, String> regs) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, String> r : regs.entrySet()) {
            b.append(first ? "" : ", ").append(str(r.getKey())).append(": ").append(str(r.getValue()));
            first = false;
        }
        b.append('}');
    }

    private static void diagnostics(StringBuilder b, List<Diagnostic> ds, String in) {
        b.append('[');
        for (int i = 0; i < ds.size(); i++) {
            Diagnostic d = ds.get(i);
            b.append(i == 0 ? "\n" : ",\n").append(in).append("  {\"line\": ").append(d.line())
                    .append(", \"message\": ").append(str(d.message())).append('}');
        }
        b.append(ds.isEmpty() ? "]" : "\n" + in + "]");
    }

    private static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
