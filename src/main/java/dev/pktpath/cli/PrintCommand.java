package dev.pktpath.cli;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.FilterSyntaxException;
import dev.pktpath.analysis.FrameFilter;
import dev.pktpath.analysis.RulesException;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Analyzer analyzer;
        FrameFilter filter;
        Dump dump;
        List<Trace> chosen;
        try {
            input.requireInput("print", err);
            analyzer = common.analyzer();
            filter = FrameFilter.parse(String.join(" ", subsystems), analyzer.rules().subsystems());
            dump = input.load(common, err);
            chosen = input.chosen(dump, err);
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
        List<TraceAnalysis> analysed = analyzer.analyzeAll(chosen);
        if (filter.isEmpty()) {
            out.print(json ? new JsonRenderer().render(dump.source(), analysed) : new TextRenderer().render(analysed, null));
        } else {
            printFiltered(out, dump, analysed, filter);
        }
        out.flush();
        return 0;
    }

    /**
     * Text: hidden frames are counted in place by the renderer, and a last line sums up.
     * JSON: each trace's {@code frames} keeps only the shown frames, with their original
     * {@code index} and {@code level}, so exception and journey references still point at them.
     */
    private void printFiltered(PrintWriter out, Dump dump, List<TraceAnalysis> analysed, FrameFilter filter) {
        IntPredicate[] visible = new IntPredicate[analysed.size()];
        int shown = 0;
        int total = 0;
        List<TraceAnalysis> kept = new ArrayList<>();
        for (int i = 0; i < analysed.size(); i++) {
            TraceAnalysis a = analysed.get(i);
            visible[i] = filter.visibleFrames(a);
            List<Frame> frames = new ArrayList<>();
            for (Frame f : a.trace().frames()) {
                if (visible[i].test(f.index())) {
                    frames.add(f);
                }
            }
            shown += frames.size();
            total += a.trace().frames().size();
            Trace t = a.trace();
            kept.add(new TraceAnalysis(new Trace(t.id(), t.format(), t.arch(), t.task(), t.headline(), t.ip(), frames,
                    t.exceptions(), t.registers(), t.diagnostics(), t.firstLine(), t.lastLine()),
                    a.naming(), a.frameClasses(), a.journey()));
        }
        if (json) {
            out.print(new JsonRenderer().render(dump.source(), kept));
        } else {
            out.print(new TextRenderer().render(analysed, visible));
            String where = analysed.size() == 1 && shown < total ? "  (" + hiddenRanges(analysed.get(0), visible[0]) + ")" : "";
            out.printf("%nfilter '%s': %d of %d frame%s shown, %d hidden%s%n", Sanitizer.clean(filter.text()), shown, total,
                    total == 1 ? "" : "s", total - shown, where);
        }
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
