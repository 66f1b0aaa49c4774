package dev.pktpath.cli;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.RulesException;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Trace;
import dev.pktpath.render.JourneyJson;
import dev.pktpath.render.JourneyRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
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
        Dump dump;
        List<Trace> chosen;
        try {
            input.requireInput("journey", err);
            analyzer = common.analyzer();
            dump = input.load(common, err);
            chosen = input.chosen(dump, err);
        } catch (DumpSelection.Failure f) {
            return f.status;
        } catch (RulesException e) {
            err.println("pktpath-tui: " + e.getMessage());
            return 2;
        }
        List<TraceAnalysis> analysed = analyzer.analyzeAll(chosen);
        if (json) {
            out.print(new JourneyJson().render(dump.source(), analysed));
        } else {
            out.print(new JourneyRenderer(columns(), common.ascii).render(analysed, dump.traces().size()));
        }
        out.flush();
        return 0;
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
