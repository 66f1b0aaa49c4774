package dev.pktpath.bench;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end benchmarks: each figure is printed beside a baseline measured in the same run
 * (for parsing, {@code grep -c tcp_} over the same file), with the ratio. Not run by {@code mvn verify}.
 */
public final class BenchRunner {
    private final PrintWriter out;
    private final Path workDir;
    private final long size;

    public BenchRunner(PrintWriter out, Path workDir, long size) {
        this.out = out;
        this.workDir = workDir;
        this.size = size;
    }

    /** One measured figure with its baseline. */
    record Figure(String name, double value, String unit, String baselineName, double baseline) {
        String line() {
            String ratio = baseline > 0 ? String.format(Locale.ROOT, "%.2fx", value / baseline) : "-";
            return String.format(Locale.ROOT, "%-40s %10.1f %-5s %-28s %10.1f %-5s %8s",
                    name, value, unit, baselineName, baseline, unit, ratio);
        }
    }

    public int run() throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path crash = workDir.resolve("bench-foreach-bt.txt");
        Path console = workDir.resolve("bench-console.log");
        generate(crash, false);
        generate(console, true);
        List<Figure> figures = new ArrayList<>();
        for (Path p : List.of(crash, console)) {
            double grepMs = grepMillis(p);
            figures.add(parseFigure(p, grepMs));
        }
        out.printf("%-40s %16s %-28s %16s %8s%n", "measure", "value", "baseline", "", "ratio");
        figures.forEach(f -> out.println(f.line()));
        out.flush();
        return 0;
    }

    public static void generate(Path file, boolean console, long bytes, long seed) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            DumpGenerator g = new DumpGenerator(seed);
            if (console) {
                g.writeConsoleLog(w, bytes);
            } else {
                g.writeCrashForeach(w, bytes);
            }
        }
    }

    private void generate(Path file, boolean console) throws IOException {
        if (!Files.exists(file) || Files.size(file) < size) {
            generate(file, console, size, 42);
        }
    }

    private static double grepMillis(Path p) throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            Process proc = new ProcessBuilder("grep", "-c", "tcp_", p.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            proc.waitFor();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return best;
    }

    private static Figure parseFigure(Path p, double grepMs) throws IOException {
        double best = Double.MAX_VALUE;
        int traces = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            String text;
            try {
                text = InputReader.read(p.toString(), System.in);
            } catch (dev.pktpath.parse.ParseException e) {
                throw new IOException(e.getMessage());
            }
            Dump d = new DumpParser().parse(p.toString(), text);
            Analyzer a = Analyzer.builtIn();
            for (Trace t : d.traces()) {
                a.analyze(t);
            }
            traces = d.traces().size();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        double mb = Files.size(p) / 1e6;
        return new Figure(String.format(Locale.ROOT, "parse+analyse %s (%.0f MB, %d traces) ms",
                p.getFileName(), mb, traces), best, "ms", "grep -c tcp_ ms", grepMs);
    }
}
