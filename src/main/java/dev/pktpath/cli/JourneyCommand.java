package dev.pktpath.cli;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.RulesException;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.render.JourneyJson;
import dev.pktpath.render.JsonDocument;
import dev.pktpath.render.JourneyRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "journey", mixinStandardHelpOptions = true,
        description = {"Print the rx-to-tx packet journey of each trace: one row per stage the packet went through,"
                + " oldest call first, with the functions of the stage in call order and the frames they cover.",
                "The turnaround (where a received packet makes the kernel transmit) is marked ~~, the crash site XX."
                        + " Frames are #level for crash output and @index for console reports."},
        footer = {"", "Stages, in rx-to-tx order: driver-rx gro core-rx l2 netfilter l3-rx l4-rx socket",
                "  l4-tx l3-tx neigh core-tx qdisc driver-tx, then crash and fault.",
                "'pktpath-tui subsystems' lists the rules that give each function its stage.",
                "", "Examples:",
                "  pktpath-tui journey --sample",
                "  pktpath-tui journey --json --trace 2 dump.txt"})
final class JourneyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    DumpSelection input;

    @Option(names = "--json", description = "Print the journeys as a pktpath-tui/1 JSON document.")
    boolean json;

    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "Width of the timeline (default: $COLUMNS when set, else 80; at least 40).")
    Integer width;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Analyzer analyzer;
        try {
            input.requireInput("journey", err);
            analyzer = common.analyzer();
        } catch (DumpSelection.Failure f) {
            return f.status;
        } catch (RulesException e) {
            err.println("pktpath-tui: " + e.getMessage());
            return 2;
        }
        try {
            if (json) {
                JourneyJson renderer = new JourneyJson();
                JsonDocument doc = new JsonDocument(out, input.source());
                input.print(common, new TracePrinter<String>(analyzer, input.trace, TracePrinter.Count.NONE,
                        (a, count) -> renderer.trace(a), (piece, count) -> doc.add(piece), out), err);
                doc.end();
            } else {
                printText(out, err, analyzer);
            }
        } catch (DumpSelection.Failure f) {
            return f.status;
        }
        out.flush();
        return 0;
    }

    /**
     * Each header names how many traces the dump has ({@code trace 4/8}), so the printer holds traces
     * back to learn it; with several traces, those without a journey go to a last line.
     */
    private void printText(PrintWriter out, PrintWriter err, Analyzer analyzer) throws DumpSelection.Failure {
        JourneyRenderer renderer = new JourneyRenderer(columns(), common.ascii);
        JourneyRenderer.Stream[] stream = {null};
        input.print(common, new TracePrinter<Timeline>(analyzer, input.trace, TracePrinter.Count.TOTAL, (a, count) -> {
            // several traces when the dump has more than one, or more than could be held back to count them
            boolean several = input.trace == null && count != 1;
            return new Timeline(a.trace().id(), several, JourneyRenderer.drawn(a, several) ? renderer.trace(a, count) : null);
        }, (t, count) -> {
            if (stream[0] == null) {
                stream[0] = renderer.new Stream(out, t.several());
            }
            stream[0].add(t.id(), t.text());
        }, out), err);
        if (stream[0] != null) {
            stream[0].end();
        }
    }

    /** One trace's timeline, or null when it only goes to the last line (no journey among several). */
    private record Timeline(int id, boolean several, String text) {
    }

    private int columns() {
        if (width != null) {
            return width;
        }
        String env = System.getenv("COLUMNS");
        if (env != null) {
            try {
                return Integer.parseInt(env.strip());
            } catch (NumberFormatException e) {
                // not a number: keep the default
            }
        }
        return 80;
    }
}
