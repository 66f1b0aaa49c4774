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
        double crashGrep = 0;
        for (Path p : List.of(crash, console)) {
            double grepMs = grepMillis(p);
            crashGrep = p == crash ? grepMs : crashGrep;
            figures.add(parseFigure(p, grepMs));
        }
        figures.add(clusterFigure(crash, crashGrep));
        figures.add(diffFigure());
        figures.add(startupFigure());
        double[] keys = new ExplorerBench(1_000_000).run();
        figures.add(new Figure("explorer key->redraw p50, 1M frames ms", keys[0], "ms", "target (issue) p99 ms", 16));
        figures.add(new Figure("explorer key->redraw p99, 1M frames ms", keys[1], "ms", "target (issue) p99 ms", 16));
        figures.add(new Figure("explorer key->redraw max, 1M frames ms", keys[2], "ms", "target (issue) p99 ms", 16));
        out.printf("%-40s %16s %-28s %16s %8s%n", "measure", "value", "baseline", "", "ratio");
        figures.forEach(f -> out.println(f.line()));
        PHASES.forEach(out::println);
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
        long[] bestPhases = null;
        long analyseWall = Long.MAX_VALUE;
        long analyseCpu = Long.MAX_VALUE;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            String text;
            try {
                text = InputReader.read(p.toString(), System.in);
            } catch (dev.pktpath.parse.ParseException e) {
                throw new IOException(e.getMessage());
            }
            long c1 = mx.getCurrentThreadCpuTime();
            Dump d = new DumpParser().parse(p.toString(), text);
            long c2 = mx.getCurrentThreadCpuTime();
            long p2 = processCpu();
            long w2 = System.nanoTime();
            Analyzer.builtIn().analyzeAll(d.traces());
            long c3 = mx.getCurrentThreadCpuTime();
            analyseWall = Math.min(analyseWall, System.nanoTime() - w2);
            analyseCpu = Math.min(analyseCpu, processCpu() - p2);
            traces = d.traces().size();
            double wall = (System.nanoTime() - t0) / 1e6;
            if (wall < best) {
                best = wall;
            }
            long[] phases = {c1 - c0, c2 - c1, c3 - c2};
            if (bestPhases == null || phases[0] + phases[1] + phases[2] < bestPhases[0] + bestPhases[1] + bestPhases[2]) {
                bestPhases = phases;
            }
        }
        double mb = Files.size(p) / 1e6;
        PHASES.add(String.format(Locale.ROOT, "  %s: CPU ms (main thread, best of 3; analyse here is on all threads): read %.0f, parse %.0f, analyse %.0f",
                p.getFileName(), bestPhases[0] / 1e6, bestPhases[1] / 1e6, bestPhases[2] / 1e6)
                + String.format(Locale.ROOT, "; analyseAll (all threads): CPU %.0f ms, wall %.0f ms",
                analyseCpu / 1e6, analyseWall / 1e6));
        return new Figure(String.format(Locale.ROOT, "parse+analyse %s (%.0f MB, %d traces) ms",
                p.getFileName(), mb, traces), best, "ms", "grep -c tcp_ ms", grepMs);
    }

    private static final List<String> PHASES = new ArrayList<>();

    /** CPU time of the whole process (all threads, GC and JIT included), in ns; 0 where unsupported. */
    private static long processCpu() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** {@code cluster} on the generated foreach bt: parsing excluded, the clustering alone, best of 3. */
    private static Figure clusterFigure(Path p, double grepMs) throws IOException {
        String text;
        try {
            text = InputReader.read(p.toString(), System.in);
        } catch (dev.pktpath.parse.ParseException e) {
            throw new IOException(e.getMessage());
        }
        List<Trace> traces = new DumpParser().parse(p.toString(), text).traces();
        text = null;
        double best = Double.MAX_VALUE;
        int clusters = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            clusters = new dev.pktpath.diff.Clusterer().cluster(traces).clusters().size();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return new Figure(String.format(Locale.ROOT, "cluster %d traces (%d clusters) ms", traces.size(), clusters),
                best, "ms", "grep -c tcp_ ms (same file)", grepMs);
    }

    /**
     * Diff of two 10,000-frame stacks, B being A with one frame in fifty replaced, deleted or
     * duplicated (as DiffPerformanceTest builds them). Baseline: the target of 100 ms.
     */
    private static Figure diffFigure() {
        java.util.Random r = new java.util.Random(1);
        List<String> a = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            a.add("fn_" + r.nextInt(300));
        }
        List<String> b = new ArrayList<>();
        for (String f : a) {
            int roll = r.nextInt(50);
            if (roll == 0) {
                b.add("other_" + r.nextInt(300));
            } else if (roll == 2) {
                b.add(f);
                b.add(f);
            } else if (roll != 1) {
                b.add(f);
            }
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            dev.pktpath.diff.StackDiff.align(a, b);
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return new Figure("diff 10,000 vs 10,000 frames ms", best, "ms", "target (issue) ms", 100);
    }

    /** {@code print --sample} in a fresh JVM against a JVM that prints one line (best of 5 wall times each). */
    private static Figure startupFigure() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar;
        try {
            jar = Path.of(BenchRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e.getMessage());
        }
        double hello = bestOf(5, List.of(java, "-cp", jar, Hello.class.getName()));
        double sample = bestOf(5, List.of(java, "-jar", jar, "print", "--sample"));
        return new Figure("start-up: print --sample ms", sample, "ms", "JVM hello-world ms", hello);
    }

    private static double bestOf(int n, List<String> command) throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Process proc = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            proc.waitFor();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return best;
    }
}
