package dev.pktpath.cli;

import dev.pktpath.bench.BenchRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Generate large dumps and run the end-to-end benchmarks (for developers).",
        footer = {"", "Examples:",
                "  pktpath-tui bench --generate 200M big.txt",
                "  pktpath-tui bench --generate 200M --console big.log",
                "  pktpath-tui bench --size 50M --dir /tmp/pktpath-bench"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--generate", paramLabel = "SIZE", description = "Write a generated dump of SIZE (e.g. 200M) to FILE and stop.")
    String generate;

    @Option(names = "--console", description = "With --generate: a console log of many oopses instead of a foreach bt.")
    boolean console;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "50M", description = "Size of the generated inputs to benchmark (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--dir", defaultValue = "target/bench", description = "Where generated inputs are kept (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Parameters(arity = "0..1", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (generate != null) {
            if (file == null) {
                spec.commandLine().getErr().println("pktpath-tui bench: --generate needs a FILE");
                return 2;
            }
            BenchRunner.generate(file, console, bytes(generate), seed);
            return 0;
        }
        return new BenchRunner(spec.commandLine().getOut(), dir, bytes(size)).run();
    }

    static long bytes(String s) {
        String t = s.trim().toUpperCase(java.util.Locale.ROOT);
        long mult = 1;
        if (t.endsWith("K")) {
            mult = 1L << 10;
        } else if (t.endsWith("M")) {
            mult = 1L << 20;
        } else if (t.endsWith("G")) {
            mult = 1L << 30;
        }
        String digits = mult == 1 ? t : t.substring(0, t.length() - 1);
        return Long.parseLong(digits) * mult;
    }
}
