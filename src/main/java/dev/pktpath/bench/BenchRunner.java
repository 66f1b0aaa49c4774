package dev.pktpath.bench;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.diff.Clusterer;
import dev.pktpath.diff.StackDiff;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import dev.pktpath.parse.ParseException;
import dev.pktpath.parse.ParseListener;
import dev.pktpath.parse.TextInput;
import dev.pktpath.render.ClusterRenderer;
import dev.pktpath.render.TextStyle;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end benchmarks of every target of issue 10: each figure is printed beside a baseline
 * measured in the same run (grep, a JVM hello-world, a HashMap grouping, a linear compare), with the
 * ratio and the target, as a Markdown table ready to paste into BENCHMARKS.md. Not run by
 * {@code mvn verify}. Subprocesses (cluster, print, start-up) run the jar this class was loaded from,
 * and the installed launcher in {@code target/dist} when it is there; their CPU time and peak RSS come
 * from {@code /usr/bin/time} when present, else from {@code /proc/PID} read while they run.
 */
public final class BenchRunner {
    private final PrintWriter out;
    private final Path workDir;
    private final long size;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchRunner(PrintWriter out, Path workDir, long size) {
        this.out = out;
        this.workDir = workDir;
        this.size = size;
    }

    /**
     * One line of the table.
     *
     * @param ratio  value over baseline, or NaN when there is no baseline in the same unit
     * @param target the target, as text
     */
    record Row(String measure, String value, String baseline, double ratio, String target) {
        String line() {
            String r = Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
            return "| " + measure + " | " + value + " | " + baseline + " | " + r + " | " + target + " |";
        }
    }

    private void row(String measure, double value, String unit, String baselineName, double baseline, String target) {
        rows.add(new Row(measure, fmt(value) + " " + unit, baselineName + ": " + fmt(baseline) + " " + unit,
                baseline > 0 ? value / baseline : Double.NaN, target));
        progress(rows.get(rows.size() - 1).line());
    }

    private void progress(String s) {
        System.err.println("bench: " + s);
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    public int run() throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path crash = workDir.resolve("bench-foreach-bt.txt");
        Path console = workDir.resolve("bench-console.log");
        generate(crash, false);
        generate(console, true);
        double crashGrep = grepMillis(crash);
        double consoleGrep = grepMillis(console);
        parseFigure(crash, crashGrep);
        parseFigure(console, consoleGrep);
        streamedParseFigure(crash, crashGrep);
        streamedParseFigure(console, consoleGrep);
        clusterCommand(crash, crashGrep);
        clusterInProcess(crash, crashGrep);
        clusterInProcess(console, consoleGrep);
        printCommand(crash);
        cluster100k();
        diffFigure();
        startup();
        explorerFirstScreen();
        explorerKeys();
        out.println();
        out.println(machine());
        out.println();
        out.println("| measure | value | baseline (same run) | ratio | issue's target |");
        out.println("|---|--:|--:|--:|---|");
        rows.forEach(r -> out.println(r.line()));
        out.println();
        notes.forEach(n -> out.println("- " + n));
        out.flush();
        return 0;
    }

    private static String machine() {
        String cpu = "?";
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    cpu = l.substring(l.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the model stays unknown
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "Machine: %d CPUs (%s), %d GB RAM, Java %s (%s), load average %.1f at the end of the run.",
                Runtime.getRuntime().availableProcessors(), cpu, totalMemoryGb(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), load);
    }

    private static long totalMemoryGb() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.round(os.getTotalMemorySize() / (double) (1L << 30)) : 0;
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
        if (!Files.exists(file) || Math.abs(Files.size(file) - size) > size / 20 + 65536) {
            progress("generating " + file + " (" + size / (1 << 20) + " MB)");
            generate(file, console, size, 42);
        }
    }

    private static double mb(Path p) throws IOException {
        return Files.size(p) / 1e6;
    }

    // ---- parse and analyse, in this JVM ------------------------------------------------------------

    private void parseFigure(Path p, double grepMs) throws IOException {
        double best = Double.MAX_VALUE;
        int traces = 0;
        long[] bestPhases = null;
        for (int i = 0; i < 3; i++) {
            // CPU of the whole process (the parser and the analyses run on every core; GC and JIT included)
            long t0 = System.nanoTime();
            long c0 = processCpu();
            String text = read(p);
            long c1 = processCpu();
            Dump d = new DumpParser().parse(p.toString(), text);
            text = null;
            long c2 = processCpu();
            Analyzer.builtIn().analyzeAll(d.traces());
            long c3 = processCpu() - c2;
            traces = d.traces().size();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            long[] phases = {c1 - c0, c2 - c1, c3};
            if (bestPhases == null || phases[0] + phases[1] + phases[2] < bestPhases[0] + bestPhases[1] + bestPhases[2]) {
                bestPhases = phases;
            }
        }
        double mb = mb(p);
        row(String.format(Locale.ROOT, "parse+analyse %s (%.0f MB, %,d traces), in-process wall, best of 3", p.getFileName(), mb, traces),
                best, "ms", "grep -c tcp_", grepMs, "cluster ≤ 8x grep");
        double cpuMs = (bestPhases[0] + bestPhases[1] + bestPhases[2]) / 1e6;
        cpuAndThroughput(mb, best, cpuMs, grepMs);
        notes.add(String.format(Locale.ROOT, "%s: process CPU ms of the best run: read %.0f, parse %.0f, analyse %.0f",
                p.getFileName(), bestPhases[0] / 1e6, bestPhases[1] / 1e6, bestPhases[2] / 1e6));
    }

    /**
     * Parse and analyse as the commands and the explorer read a file: streamed from the file in blocks
     * (no whole text in memory first, no second decoding of it), then analysed; best of 3 in this JVM.
     */
    private void streamedParseFigure(Path p, double grepMs) throws IOException {
        double best = Double.MAX_VALUE;
        double bestCpu = 0;
        int traces = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            long c0 = processCpu();
            List<Trace> all = new ArrayList<>();
            stream(p, all::add);
            Analyzer.builtIn().analyzeAll(all);
            double wall = (System.nanoTime() - t0) / 1e6;
            traces = all.size();
            if (wall < best) {
                best = wall;
                bestCpu = (processCpu() - c0) / 1e6;
            }
        }
        double mb = mb(p);
        row(String.format(Locale.ROOT, "parse+analyse %s streamed from the file (%,d traces), in-process wall, best of 3",
                p.getFileName(), traces), best, "ms", "grep -c tcp_", grepMs, "cluster ≤ 8x grep");
        cpuAndThroughput(mb, best, bestCpu, grepMs);
    }

    /** The rows under a parse+analyse figure: that run's CPU, and both as MB/s beside grep's. */
    private void cpuAndThroughput(double mb, double wallMs, double cpuMs, double grepMs) {
        row("  = CPU of the best run (process: all threads)", cpuMs, "ms", "grep -c tcp_ wall", grepMs, "");
        rows.add(new Row("  = throughput: wall; CPU",
                String.format(Locale.ROOT, "%.1f MB/s; %.1f MB/s", mb / (wallMs / 1000), mb / (cpuMs / 1000)),
                String.format(Locale.ROOT, "grep: %,.0f MB/s", mb / (grepMs / 1000)), (mb / (wallMs / 1000)) / (mb / (grepMs / 1000)),
                "≥ 200 MB/s"));
    }

    /** Every trace of {@code p} to {@code sink}, streamed from the file as the commands read it. */
    private static void stream(Path p, java.util.function.Consumer<Trace> sink) throws IOException {
        try (TextInput in = InputReader.open(p.toString(), InputStream.nullInputStream(), false)) {
            new DumpParser().stream(p.toString(), in, sink, ParseListener.NONE);
        } catch (ParseException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String read(Path p) throws IOException {
        try {
            return InputReader.read(p.toString(), InputStream.nullInputStream());
        } catch (ParseException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** CPU time of the whole process (all threads, GC and JIT included), in ns; 0 where unsupported. */
    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static double grepMillis(Path p) throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            // into a pipe that is read, not DISCARD: GNU grep sees its output is /dev/null and stops
            // at the first match (64 GB/s on paper), which made every grep ratio meaningless
            Process grep = new ProcessBuilder("grep", "-c", "tcp_", p.toString()).redirectErrorStream(true).start();
            grep.getInputStream().readAllBytes();
            grep.waitFor();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return best;
    }

    // ---- commands in a fresh JVM -------------------------------------------------------------------

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jar() throws IOException {
        try {
            return Path.of(BenchRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The installed launcher of the build ({@code target/dist/bin/pktpath-tui}) next to the jar, or null. */
    private static Path launcher() throws IOException {
        Path j = Path.of(jar());
        Path l = j.getParent() == null ? null : j.getParent().resolve("dist/bin/pktpath-tui");
        return l != null && Files.isExecutable(l) ? l : null;
    }

    /**
     * The command as a user runs it: through the installed launcher when the build has one (its
     * collector and JIT choices are part of what is measured), else {@code java -jar}.
     */
    private static List<String> command(String... args) throws IOException {
        Path launcher = launcher();
        List<String> cmd = new ArrayList<>(launcher != null ? List.of(launcher.toString()) : List.of(java(), "-jar", jar()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String how() throws IOException {
        return launcher() != null ? "launcher" : "java -jar";
    }

    /** {@code cluster FILE} in a fresh JVM: wall, CPU and peak RSS, beside grep on the same file. */
    private void clusterCommand(Path crash, double grepMs) throws IOException, InterruptedException {
        List<String> cmd = command("cluster", crash.toString());
        Child best = null;
        for (int i = 0; i < 3; i++) {
            Child c = Child.run(cmd, false);
            if (c.status != 0) {
                notes.add("cluster exited with status " + c.status);
            }
            best = best == null || c.wallMs < best.wallMs ? c : best;
        }
        double mb = mb(crash);
        row(String.format(Locale.ROOT, "`cluster` %.0f MB foreach bt, fresh JVM (%s), wall, best of 3", mb, how()), best.wallMs, "ms",
                "grep -c tcp_", grepMs, "≤ 8x");
        row("  = CPU (user+sys) of that run", best.cpuMs, "ms", "grep wall", grepMs, "");
        rows.add(new Row("  = peak RSS of that run", String.format(Locale.ROOT, "%,.0f MB", best.peakKb / 1024.0),
                String.format(Locale.ROOT, "file: %,.0f MB", mb), best.peakKb * 1024.0 / Files.size(crash), "< 2x file size"));
    }

    /**
     * What {@code cluster FILE} does (stream the file, cluster, write the text), three times in this
     * JVM: the third run's code is compiled, so beside the fresh-JVM figure this shows the work itself
     * apart from what a new JVM spends compiling it.
     */
    private void clusterInProcess(Path p, double grepMs) throws IOException {
        double bestWall = Double.MAX_VALUE;
        double bestCpu = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            long c0 = processCpu();
            Clusterer.Accumulator acc = new Clusterer().accumulator();
            stream(p, acc::add);
            String text = new ClusterRenderer().text(p.toString(), acc.finish(), TextStyle.PLAIN);
            double wall = (System.nanoTime() - t0) / 1e6;
            if (wall < bestWall && !text.isEmpty()) {
                bestWall = wall;
                bestCpu = (processCpu() - c0) / 1e6;
            }
        }
        row(String.format(Locale.ROOT, "`cluster` work in this JVM (stream, cluster, write) %s (%.0f MB), wall, best of 3",
                p.getFileName(), mb(p)), bestWall, "ms", "grep -c tcp_", grepMs, "≤ 8x");
        row("  = CPU of that run (process: all threads)", bestCpu, "ms", "grep -c tcp_ wall", grepMs, "");
    }

    /** {@code print FILE} in a fresh JVM: time to the first byte of output, to the end, and peak RSS. */
    private void printCommand(Path crash) throws IOException, InterruptedException {
        double hello = Child.run(List.of(java(), "-cp", jar(), Hello.class.getName()), true).firstByteMs;
        Child best = null;
        for (int i = 0; i < 3; i++) {
            Child c = Child.run(command("print", crash.toString()), true);
            best = best == null || c.firstByteMs < best.firstByteMs ? c : best;
        }
        row(String.format(Locale.ROOT, "`print` %.0f MB foreach bt (%s): first byte of output, best of 3", mb(crash), how()), best.firstByteMs,
                "ms", "JVM hello-world's first byte", hello, "starts before the whole file is parsed");
        row("  = `print` to the end", best.wallMs, "ms", "first byte", best.firstByteMs, "");
        rows.add(new Row("  = `print` peak RSS", String.format(Locale.ROOT, "%,.0f MB", best.peakKb / 1024.0),
                "target: 300 MB", best.peakKb / 1024.0 / 300, "< 300 MB whatever the input"));
    }

    // ---- in-process figures ------------------------------------------------------------------------

    /** Clustering alone on 100,000 generated traces, beside grouping them by identical name lists. */
    private void cluster100k() throws IOException {
        progress("generating and parsing 100,000 tasks");
        StringWriter w = new StringWriter();
        new DumpGenerator(42).writeCrashTasks(w, 100_000);
        List<Trace> traces = new DumpParser().parse("100k", w.toString()).traces();
        w = null;
        double best = Double.MAX_VALUE;
        double base = Double.MAX_VALUE;
        int clusters = 0;
        int groups = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            clusters = new Clusterer().cluster(traces).clusters().size();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            long t1 = System.nanoTime();
            Map<List<String>, Integer> g = new HashMap<>();
            for (Trace t : traces) {
                List<String> names = new ArrayList<>(t.frames().size());
                for (Frame f : t.frames()) {
                    names.add(f.function());
                }
                g.merge(names, 1, Integer::sum);
            }
            groups = g.size();
            base = Math.min(base, (System.nanoTime() - t1) / 1e6);
        }
        row(String.format(Locale.ROOT, "cluster %,d traces (%,d clusters of %,d distinct stacks), clustering alone, best of 3",
                traces.size(), clusters, groups), best, "ms", "HashMap grouping by stack", base, "< 2,000 ms");
    }

    /**
     * Diff of two 10,000-frame stacks, B being A with one frame in fifty replaced, deleted or
     * duplicated (as DiffPerformanceTest builds them), beside comparing them element by element.
     */
    private void diffFigure() {
        List<List<String>> pair = DumpGenerator.editedStackPair(10_000);
        List<String> a = pair.get(0);
        List<String> b = pair.get(1);
        double best = Double.MAX_VALUE;
        double base = Double.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            StackDiff.align(a, b);
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            long t1 = System.nanoTime();
            int same = 0;
            for (int k = 0, n = Math.min(a.size(), b.size()); k < n; k++) {
                same += a.get(k).equals(b.get(k)) ? 1 : 0;
            }
            base = Math.min(base, (System.nanoTime() - t1) / 1e6 + same * 0.0);
        }
        row("diff 10,000 vs 10,000 frames (Myers), best of 10", best, "ms", "element-by-element compare", base, "< 100 ms");
    }

    // ---- start-up ----------------------------------------------------------------------------------

    /**
     * {@code print --sample} in a fresh JVM (the jar; the launcher with its class-data archive) beside a
     * hello-world: the same java, default options, from the same jar. Timed by bash's {@code time}
     * ({@link Child#timed}), to the millisecond: {@code /usr/bin/time} truncates user and system time to
     * 10 ms each, which made a 44 ms hello-world read 30 ms.
     */
    private void startup() throws IOException, InterruptedException {
        List<String> hello = List.of(java(), "-cp", jar(), Hello.class.getName());
        List<String> jar = List.of(java(), "-jar", jar(), "print", "--sample");
        Path launcher = launcher();
        List<String> viaLauncher = launcher == null ? null : List.of(launcher.toString(), "print", "--sample");
        List<Double> helloCpu = new ArrayList<>();
        List<Double> jarCpu = new ArrayList<>();
        List<Double> launcherCpu = new ArrayList<>();
        List<Double> helloWall = new ArrayList<>();
        List<Double> launcherWall = new ArrayList<>();
        // interleaved, so that a busy machine slows every command alike; medians
        for (int i = 0; i < 15; i++) {
            Child h = Child.timed(hello);
            helloCpu.add(h.cpuMs);
            helloWall.add(h.wallMs);
            jarCpu.add(Child.timed(jar).cpuMs);
            if (viaLauncher != null) {
                Child l = Child.timed(viaLauncher);
                launcherCpu.add(l.cpuMs);
                launcherWall.add(l.wallMs);
            }
        }
        row("start-up: `java -jar` print --sample, CPU (user+sys), median of 15", median(jarCpu), "ms",
                "JVM hello-world", median(helloCpu), "≤ 3x");
        if (viaLauncher != null) {
            row("start-up: launcher (AppCDS) print --sample, CPU, median of 15", median(launcherCpu), "ms",
                    "JVM hello-world", median(helloCpu), "≤ 3x");
            row("start-up: launcher (AppCDS) print --sample, wall, median of 15", median(launcherWall), "ms",
                    "JVM hello-world", median(helloWall), "≤ 3x");
        } else {
            notes.add("no target/dist/bin/pktpath-tui next to the jar: the launcher's start-up was not measured");
        }
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length == 0 ? Double.NaN : a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /**
     * Launch to the explorer's first screen on the sample, in a detached tmux session of 100x30 (a
     * real terminal): the time until the pane shows the status line's {@code ? help}; the baseline is
     * the same for a JVM hello-world until its {@code hello} shows. Median of 5.
     */
    private void explorerFirstScreen() throws IOException, InterruptedException {
        if (!onPath("tmux")) {
            notes.add("tmux not found: the explorer's first screen on the sample was not measured");
            return;
        }
        Path launcher = launcher();
        List<String> explorer = launcher != null ? List.of(launcher.toString(), "--sample")
                : List.of(java(), "-jar", jar(), "--sample");
        List<Double> ex = new ArrayList<>();
        List<Double> he = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            he.add(Tmux.untilShown(List.of(java(), "-cp", jar(), Hello.class.getName()), "hello"));
            ex.add(Tmux.untilShown(explorer, "? help"));
        }
        long missed = ex.stream().filter(d -> d.isNaN()).count();
        ex.removeIf(d -> d.isNaN());
        if (missed > 0) {
            notes.add("explorer first screen: '? help' did not show within 30 s in " + missed + " of 5 runs");
        }
        row("explorer first screen on the sample (" + (launcher != null ? "launcher" : "java -jar") + ", tmux), median of "
                + ex.size(), median(ex), "ms", "JVM hello-world shown", median(he), "< 500 ms");
    }

    private static boolean onPath(String cmd) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, cmd))) {
                return true;
            }
        }
        return false;
    }

    /** Key press to finished redraw on a 1,000,000-frame trace (the tui's {@link ExplorerBench}). */
    private void explorerKeys() throws IOException {
        progress("explorer key timings on a 1,000,000-frame trace");
        double[] keys = new ExplorerBench(1_000_000).run();
        rows.add(new Row("explorer key→redraw p50, 1,000,000-frame trace", fmt(keys[0]) + " ms", "target: 16 ms", keys[0] / 16, "p99 < 16 ms"));
        rows.add(new Row("explorer key→redraw p99", fmt(keys[1]) + " ms", "target: 16 ms", keys[1] / 16, "p99 < 16 ms"));
        rows.add(new Row("explorer key→redraw max", fmt(keys[2]) + " ms", "target: 16 ms", keys[2] / 16, ""));
    }

    /** A finished child process: wall time, CPU (user+sys), peak RSS and the time to its first byte of output. */
    static final class Child {
        double wallMs;
        double cpuMs;
        long peakKb;
        double firstByteMs = Double.NaN;
        int status;

        private static final Path TIME = Path.of("/usr/bin/time");
        private static final Path BASH = Path.of("/bin/bash");

        /**
         * A short command's wall and CPU time to the millisecond, as bash's {@code time} reports them
         * (the command's own real, user and system time, not bash's); output discarded. Without bash,
         * {@link #run}.
         */
        static Child timed(List<String> command) throws IOException, InterruptedException {
            if (!Files.isExecutable(BASH)) {
                return run(command, false);
            }
            Path report = Files.createTempFile("pktpath-bench", ".time");
            try {
                List<String> cmd = new ArrayList<>(List.of(BASH.toString(), "-c",
                        "TIMEFORMAT='%3R %3U %3S'; { time \"$@\" >/dev/null 2>&1 </dev/null; } 2>\"$0\"", report.toString()));
                cmd.addAll(command);
                Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                Child c = new Child();
                c.status = p.waitFor();
                String[] f = Files.readString(report).strip().split("\\s+");
                c.wallMs = Double.parseDouble(f[0]) * 1000;
                c.cpuMs = (Double.parseDouble(f[1]) + Double.parseDouble(f[2])) * 1000;
                return c;
            } finally {
                Files.deleteIfExists(report);
            }
        }

        static Child run(List<String> command, boolean firstByte) throws IOException, InterruptedException {
            Child c = new Child();
            Path report = null;
            List<String> cmd = command;
            if (Files.isExecutable(TIME)) {
                report = Files.createTempFile("pktpath-bench", ".time");
                cmd = new ArrayList<>(List.of(TIME.toString(), "-f", "%U %S %M", "-o", report.toString()));
                cmd.addAll(command);
            }
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            Poller poller = report == null ? new Poller(p.pid()) : null;
            if (poller != null) {
                poller.start();
            }
            try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[1 << 16];
                int n = in.read(buf);
                if (n > 0) {
                    c.firstByteMs = (System.nanoTime() - t0) / 1e6;
                }
                while (n >= 0) {
                    n = in.read(buf);
                }
            }
            c.status = p.waitFor();
            c.wallMs = (System.nanoTime() - t0) / 1e6;
            if (poller != null) {
                poller.interrupt();
                poller.join();
                c.cpuMs = poller.cpuMs;
                c.peakKb = poller.peakKb;
            } else {
                String[] f = Files.readString(report).strip().split("\\s+");
                String[] last = Arrays.copyOfRange(f, Math.max(0, f.length - 3), f.length);
                c.cpuMs = (Double.parseDouble(last[0]) + Double.parseDouble(last[1])) * 1000;
                c.peakKb = Long.parseLong(last[2]);
                Files.deleteIfExists(report);
            }
            return c;
        }
    }

    /** Without /usr/bin/time: VmHWM and utime+stime read from /proc every few milliseconds while the child runs. */
    private static final class Poller extends Thread {
        private final long pid;
        volatile double cpuMs;
        volatile long peakKb;

        Poller(long pid) {
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            Path status = Path.of("/proc", Long.toString(pid), "status");
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            while (!isInterrupted()) {
                try {
                    for (String l : Files.readAllLines(status)) {
                        if (l.startsWith("VmHWM:")) {
                            peakKb = Math.max(peakKb, Long.parseLong(l.replaceAll("\\D", "")));
                        }
                    }
                    String s = Files.readString(stat);
                    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                    cpuMs = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0; // USER_HZ is 100 on Linux
                    Thread.sleep(5);
                } catch (IOException | RuntimeException e) {
                    return; // the process has gone
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Runs a command in a detached tmux session on a private server and times it until a text shows. */
    private static final class Tmux {
        private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

        static double untilShown(List<String> command, String marker) throws IOException, InterruptedException {
            // a new server socket per run: starting a server on the name of one just killed can fail
            // ("server exited unexpectedly"), which showed up as runs that never drew
            String server = "pktpath-bench-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
            StringBuilder shell = new StringBuilder();
            for (String a : command) {
                shell.append('\'').append(a.replace("'", "'\\''")).append("' ");
            }
            shell.append("; sleep 30");
            long t0 = System.nanoTime();
            quiet("tmux", "-L", server, "new-session", "-d", "-s", "b", "-x", "100", "-y", "30", shell.toString());
            double ms = Double.NaN;
            long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                Process p = new ProcessBuilder("tmux", "-L", server, "capture-pane", "-p", "-t", "b")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                if (screen.contains(marker)) {
                    ms = (System.nanoTime() - t0) / 1e6;
                    break;
                }
                Thread.sleep(10); // each look spawns a tmux client: not so often that they slow the program down
            }
            quiet("tmux", "-L", server, "kill-server");
            return ms;
        }

        private static void quiet(String... cmd) throws IOException, InterruptedException {
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }
}
