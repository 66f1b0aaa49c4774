package dev.pktpath.cli;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.RulesException;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.ParseException;
import dev.pktpath.render.JourneyJson;
import dev.pktpath.render.JourneyRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
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

    @Option(names = "--json", description = "Print the journeys as a pktpath-tui/1 JSON document.")
    boolean json;

    @Option(names = "--trace", paramLabel = "N", description = "Only trace N (1-based).")
    Integer trace;

    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "Width of the timeline (default: $COLUMNS when set, else 80; at least 40).")
    Integer width;

    @Option(names = "--sample", description = "Use the embedded sample instead of FILE.")
    boolean sample;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The dump to read; - for stdin.")
    String file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!sample && file == null) {
            err.println("pktpath-tui journey: a FILE (or - for stdin, or --sample) is required");
            return 2;
        }
        Analyzer analyzer;
        try {
            analyzer = common.analyzer();
        } catch (RulesException e) {
            err.println("pktpath-tui: " + e.getMessage());
            return 2;
        }
        Dump dump;
        try {
            dump = sample ? Inputs.sample() : Inputs.load(file, System.in, common.text);
        } catch (ParseException e) {
            err.println("pktpath-tui: " + e.getMessage());
            return 1;
        }
        List<Trace> chosen = dump.traces();
        if (trace != null) {
            if (trace < 1 || trace > chosen.size()) {
                err.println("pktpath-tui: " + dump.source() + ": no trace " + trace + " (it has " + chosen.size() + ")");
                return 1;
            }
            chosen = List.of(chosen.get(trace - 1));
        }
        List<TraceAnalysis> analysed = new ArrayList<>();
        for (Trace t : chosen) {
            analysed.add(analyzer.analyze(t));
        }
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
