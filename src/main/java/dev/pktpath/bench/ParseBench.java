package dev.pktpath.bench;

import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import dev.pktpath.parse.ParseListener;
import dev.pktpath.parse.TextInput;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The parser alone, for profiling and for the parse helper's figures (not run by {@code mvn verify}):
 * {@code java -cp target/pktpath-tui.jar dev.pktpath.bench.ParseBench FILE [batch|stream] [rounds] [threads]}.
 * {@code batch} reads the whole file then parses it on this thread ({@link DumpParser#parse}), and
 * prints this thread's CPU time; {@code stream} runs {@link DumpParser#stream} on the file as the CLI
 * does, and prints wall time and the CPU time of the whole process (the pool's threads included).
 */
public final class ParseBench {
    private ParseBench() {
    }

    public static void main(String[] args) throws Exception {
        String file = args[0];
        String mode = args.length > 1 ? args[1] : "batch";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        DumpParser parser = new DumpParser(DumpParser.BLOCK, threads);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double mb = java.nio.file.Files.size(java.nio.file.Path.of(file)) / 1e6;
        for (int r = 0; r < rounds; r++) {
            long w0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            long p0 = processCpu();
            int traces;
            String what;
            if (mode.equals("batch")) {
                String text = InputReader.read(file, System.in);
                long c1 = mx.getCurrentThreadCpuTime();
                Dump d = parser.parse(file, text);
                long c2 = mx.getCurrentThreadCpuTime();
                traces = d.traces().size();
                what = String.format(Locale.ROOT, "read %.0f ms CPU, parse %.0f ms CPU (%.1f MB/s of CPU)",
                        (c1 - c0) / 1e6, (c2 - c1) / 1e6, mb / ((c2 - c1) / 1e9));
            } else {
                int[] n = {0};
                try (TextInput in = InputReader.open(file, System.in, false)) {
                    parser.stream(file, in, t -> n[0]++, ParseListener.NONE);
                }
                traces = n[0];
                what = "";
            }
            long wall = System.nanoTime() - w0;
            long cpu = processCpu() - p0;
            System.out.printf(Locale.ROOT, "%s (%d threads) %s: %d traces, wall %.0f ms (%.1f MB/s), process CPU %.0f ms (%.1f MB/s of CPU) %s%n",
                    mode, threads, file, traces, wall / 1e6, mb / (wall / 1e9), cpu / 1e6, mb / (cpu / 1e9), what);
        }
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
