package dev.pktpath.cli;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.ParseException;
import dev.pktpath.render.JsonRenderer;
import dev.pktpath.render.TextRenderer;
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

@Command(name = "print", mixinStandardHelpOptions = true,
        description = "Print the parsed traces as an aligned backtrace, or as JSON.",
        footer = {"", "Examples:",
                "  pktpath-tui print dump.txt                   every trace, aligned",
                "  pktpath-tui print --json --trace 2 dump.txt  trace 2 only, as JSON",
                "  pktpath-tui print --sample                   the embedded sample",
                "  dmesg | pktpath-tui print -                  a console report on stdin"})
final class PrintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print the pktpath-tui/1 JSON document.")
    boolean json;

    @Option(names = "--trace", paramLabel = "N", description = "Only trace N (1-based).")
    Integer trace;

    @Option(names = "--sample", description = "Use the embedded sample instead of FILE.")
    boolean sample;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The dump to read; - for stdin.")
    String file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!sample && file == null) {
            err.println("pktpath-tui print: a FILE (or - for stdin, or --sample) is required");
            return 2;
        }
        Dump dump;
        try {
            dump = sample ? Inputs.sample() : Inputs.load(file, System.in);
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
        Analyzer analyzer = Analyzer.builtIn();
        List<TraceAnalysis> analysed = new ArrayList<>();
        for (Trace t : chosen) {
            analysed.add(analyzer.analyze(t));
        }
        if (json) {
            out.print(new JsonRenderer().render(dump.source(), analysed));
        } else {
            out.print(new TextRenderer().render(analysed, null));
        }
        out.flush();
        return 0;
    }
}
