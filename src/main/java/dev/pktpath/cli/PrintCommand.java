package dev.pktpath.cli;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.FilterSyntaxException;
import dev.pktpath.analysis.FrameFilter;
import dev.pktpath.analysis.RulesException;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;
import dev.pktpath.render.JsonDocument;
import dev.pktpath.render.JsonRenderer;
import dev.pktpath.render.Sanitizer;
import dev.pktpath.render.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;

@Command(name = "print", mixinStandardHelpOptions = true,
        description = "Print the parsed traces as an aligned backtrace, or as JSON.",
        footer = {"", "Examples:",
                "  pktpath-tui print dump.txt                    every trace, aligned",
                "  pktpath-tui print --json --trace 2 dump.txt   trace 2 only, as JSON",
                "  pktpath-tui print --subsystem net dump.txt    networking frames only",
                "  pktpath-tui print --subsystem stage:l4 --subsystem '!fault' dump.txt",
                "                                                TCP/UDP frames, no fault handling",
                "  pktpath-tui print --sample                    the embedded sample",
                "  dmesg | pktpath-tui print -                   a console report on stdin"})
final class PrintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    DumpSelection input;

    @Option(names = "--json", description = "Print the pktpath-tui/1 JSON document.")
    boolean json;

    @Option(names = "--subsystem", paramLabel = "S",
            description = {"Show only the frames S selects (repeatable; the values form one query). Hidden frames"
                    + " are counted where they were, and levels stay.", FrameFilter.SYNTAX})
    List<String> subsystems = new ArrayList<>();

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command on the options as read (by picocli, or by {@link QuickArgs}); the exit status. */
    int run(PrintWriter out, PrintWriter err) {
        Analyzer analyzer;
        FrameFilter filter;
        try {
            input.requireInput("print", err);
            analyzer = common.analyzer();
            filter = FrameFilter.parse(String.join(" ", subsystems), analyzer.rules().subsystems());
        } catch (DumpSelection.Failure f) {
            return f.status;
        } catch (RulesException e) {
            err.println("pktpath-tui: " + e.getMessage());
            return 2;
        } catch (FilterSyntaxException e) {
            err.println("pktpath-tui print: --subsystem: " + e.getMessage());
            err.println(e.pointer().indent(2).stripTrailing());
            return 2;
        }
        try {
            if (json) {
                printJson(out, err, analyzer, filter);
            } else {
                printText(out, err, analyzer, filter);
            }
        } catch (DumpSelection.Failure f) {
            return f.status;
        }
        out.flush();
        return 0;
    }

    /**
     * The document is begun with the first trace, so a dump without one leaves stdout empty. With a
     * filter, each trace's {@code frames} keeps only the shown frames, with their original {@code index}
     * and {@code level}, so exception and journey references still point at them.
     */
    private void printJson(PrintWriter out, PrintWriter err, Analyzer analyzer, FrameFilter filter)
            throws DumpSelection.Failure {
        JsonRenderer renderer = new JsonRenderer();
        JsonDocument doc = new JsonDocument(out, input.source());
        TracePrinter<String> printer = new TracePrinter<>(analyzer, input.trace, TracePrinter.Count.NONE,
                (a, count) -> renderer.trace(filter.isEmpty() ? a : shownOnly(a, filter.visibleFrames(a))),
                (piece, count) -> doc.add(piece), out);
        input.print(common, printer, err);
        doc.end();
    }

    /** Hidden frames are counted in place by the renderer, and with a filter a last line sums up. */
    private void printText(PrintWriter out, PrintWriter err, Analyzer analyzer, FrameFilter filter)
            throws DumpSelection.Failure {
        TextRenderer renderer = new TextRenderer();
        TextRenderer.Stream stream = new TextRenderer.Stream(out);
        TracePrinter.Count count = input.trace != null ? TracePrinter.Count.ONE : TracePrinter.Count.TOTAL;
        if (filter.isEmpty()) {
            input.print(common, new TracePrinter<String>(analyzer, input.trace, count,
                    (a, n) -> renderer.trace(a, n, null), (piece, n) -> stream.add(piece), out), err);
            return;
        }
        FilterSummary sum = new FilterSummary();
        input.print(common, new TracePrinter<Filtered>(analyzer, input.trace, count, (a, n) -> {
            IntPredicate visible = filter.visibleFrames(a);
            int shown = 0;
            for (Frame f : a.trace().frames()) {
                if (visible.test(f.index())) {
                    shown++;
                }
            }
            return new Filtered(renderer.trace(a, n, visible), a, visible, shown);
        }, (piece, n) -> {
            stream.add(piece.text());
            sum.add(piece);
        }, out), err);
        String where = sum.printed == 1 && sum.shown < sum.total ? "  (" + hiddenRanges(sum.only.a(), sum.only.visible()) + ")" : "";
        out.printf("%nfilter '%s': %d of %d frame%s shown, %d hidden%s%n", Sanitizer.clean(filter.text()), sum.shown, sum.total,
                sum.total == 1 ? "" : "s", sum.total - sum.shown, where);
    }

    /** One trace printed through a filter: its text, and what the last line sums up. */
    private record Filtered(String text, TraceAnalysis a, IntPredicate visible, int shown) {
    }

    /** Frames shown and in all over the traces printed; the trace itself while it is the only one. */
    private static final class FilterSummary {
        int printed;
        long shown;
        long total;
        Filtered only;

        void add(Filtered f) {
            printed++;
            shown += f.shown();
            total += f.a().trace().frames().size();
            only = printed == 1 ? f : null;
        }
    }

    /** The analysis with the hidden frames left out of the trace (indexes, levels and the rest unchanged). */
    private static TraceAnalysis shownOnly(TraceAnalysis a, IntPredicate visible) {
        List<Frame> frames = new ArrayList<>();
        for (Frame f : a.trace().frames()) {
            if (visible.test(f.index())) {
                frames.add(f);
            }
        }
        Trace t = a.trace();
        return new TraceAnalysis(new Trace(t.id(), t.format(), t.arch(), t.task(), t.headline(), t.ip(), frames,
                t.exceptions(), t.registers(), t.diagnostics(), t.firstLine(), t.lastLine()),
                a.naming(), a.frameClasses(), a.journey());
    }

    /** The hidden frames as ranges of crash levels ({@code #0-#8 #17-#23}), or of indexes for console frames ({@code @3-@5}). */
    static String hiddenRanges(TraceAnalysis a, IntPredicate visible) {
        List<String> ranges = new ArrayList<>();
        List<Frame> frames = a.trace().frames();
        int i = 0;
        while (i < frames.size()) {
            if (visible.test(i)) {
                i++;
                continue;
            }
            int start = i;
            while (i + 1 < frames.size() && !visible.test(i + 1)) {
                i++;
            }
            ranges.add(ref(frames.get(start)) + (start == i ? "" : "-" + ref(frames.get(i))));
            i++;
        }
        if (ranges.size() > 6) {
            int more = ranges.size() - 6;
            ranges = new ArrayList<>(ranges.subList(0, 6));
            ranges.add("and " + more + " more");
        }
        return String.join(" ", ranges);
    }

    private static String ref(Frame f) {
        return f.level() != null ? "#" + f.level() : "@" + f.index();
    }
}
