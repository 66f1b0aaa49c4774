package dev.pktpath.bench;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * How much heap a parsed and analysed dump keeps: parses FILE, analyses every trace, collects the
 * garbage and prints the live heap, the frame count and the bytes kept per frame (the issue's
 * "compact frames" target), first for the dump alone, then with the analyses. With {@code --histo}
 * it also prints the top of the JVM's class histogram, to see which objects the bytes are in.
 *
 * <p>With {@code --stream} it reads the file through {@link DumpParser#stream}, keeping only the
 * traces, as a streaming command does (no whole text in memory). Run under {@code /usr/bin/time -v}
 * to see the peak RSS each JVM option gives.
 *
 * <p>Run: {@code java -cp target/pktpath-tui.jar dev.pktpath.bench.ModelMemory FILE [--histo|--stream]}.
 */
public final class ModelMemory {
    private ModelMemory() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ModelMemory FILE [--histo]");
            System.exit(2);
        }
        String file = args[0];
        boolean histo = args.length > 1 && args[1].equals("--histo");
        boolean stream = args.length > 1 && args[1].equals("--stream");
        long base = stream ? 0 : liveHeap();
        long cpu0 = cpuNanos();
        Dump dump = stream ? streamed(file) : new DumpParser().parse(file, InputReader.read(file, System.in));
        long cpuParse = cpuNanos() - cpu0;
        long frames = 0;
        for (Trace t : dump.traces()) {
            frames += t.frames().size();
        }
        long dumpBytes = stream ? 0 : liveHeap() - base;
        cpu0 = cpuNanos();
        List<TraceAnalysis> analyses = Analyzer.builtIn().analyzeAll(dump.traces());
        long cpuAnalyse = cpuNanos() - cpu0;
        long allBytes = stream ? 0 : liveHeap() - base;
        System.out.printf("traces %d, frames %d%n", dump.traces().size(), frames);
        if (!stream) {
            System.out.printf("dump kept      %,d bytes = %.1f bytes/frame%n", dumpBytes, (double) dumpBytes / frames);
            System.out.printf("with analyses  %,d bytes = %.1f bytes/frame%n", allBytes, (double) allBytes / frames);
        }
        System.out.printf("cpu parse %.2f s, analyse %.2f s (process CPU, all threads)%n",
                cpuParse / 1e9, cpuAnalyse / 1e9);
        if (stream) {
            // no forced collections before this point: the JVM's own sizing decides the peak RSS
            System.out.printf("live at the end %,d bytes%n", liveHeap());
        }
        if (histo) {
            histogram();
        }
        // keep both alive until measured
        if (analyses.size() != dump.traces().size()) {
            throw new IllegalStateException();
        }
    }

    /** The traces as {@link DumpParser#stream} hands them over, reading the file as it goes. */
    private static Dump streamed(String file) throws Exception {
        List<Trace> traces = new java.util.ArrayList<>();
        List<dev.pktpath.model.Diagnostic> outside;
        try (dev.pktpath.parse.TextInput in = InputReader.open(file, System.in, false)) {
            outside = new DumpParser().stream(file, in, traces::add, dev.pktpath.parse.ParseListener.NONE);
        }
        return new Dump(file, traces, outside);
    }

    private static long liveHeap() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // a few rounds: the first collection may leave objects that finalize or soft references hold
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void histogram() throws IOException, InterruptedException {
        long pid = ProcessHandle.current().pid();
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        p.waitFor();
        lines.stream().limit(30).forEach(System.out::println);
    }
}
