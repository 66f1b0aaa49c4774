package dev.pktpath.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.pktpath.analysis.Analyzer;
import dev.pktpath.model.Arch;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.Session;
import dev.pktpath.tui.Explorer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Key press to finished redraw in the explorer, on Lanterna's virtual terminal (as the tui tests
 * drive it): one {@link Explorer#step()} per key, on a trace of many frames.
 */
final class ExplorerBench {
    private final DefaultVirtualTerminal terminal;
    private final Explorer explorer;

    ExplorerBench(int frames) throws IOException {
        terminal = new DefaultVirtualTerminal(new TerminalSize(120, 40));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        explorer = new Explorer(screen, session(frames), CommandRegistry.standard());
        // the first screen: one step with a key that moves nowhere (to the top), as the main loop would draw it
        terminal.addInput(new KeyStroke('g', false, false));
        explorer.step();
    }

    /** A made-up runaway-recursion trace of {@code n} frames (the shape of the tui tests' deep fixture). */
    private static Session session(int n) {
        List<Frame> frames = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String fn = i % 3 == 0 ? "tcp_recursive_step" : i % 3 == 1 ? "ip_loop_" + (i % 97) : "skb_walk";
            String sp = String.format("ffff8800%08x", 0x28000000 + i * 0x40);
            frames.add(new Frame(i, i, fn, null, null, String.format("ffffffff81%06x", i % 0xffffff), sp, null,
                    true, StackContext.TASK, null, false, i + 2, " #" + i + " [" + sp + "] " + fn + " at ffffffff81000000"));
        }
        Trace t = new Trace(1, TraceFormat.CRASH_BT, Arch.X86_64, new Task(1L, "ffff88012345c000", 0, "deep"),
                null, null, frames, List.of(), Map.of(), List.of(), 1, n + 1);
        Session s = new Session(Analyzer.builtIn());
        s.add(new Dump("deep.txt", List.of(t), List.of()));
        return s;
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU time of the screen loop's thread for the last key, beside the wall time (the machine is shared). */
    private long lastCpu;

    private long key(KeyStroke k) throws IOException {
        terminal.addInput(k);
        long c0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        explorer.step();
        long wall = System.nanoTime() - t0;
        lastCpu = CPU.getCurrentThreadCpuTime() - c0;
        return wall;
    }

    private long chars(String s) throws IOException {
        long total = 0;
        for (char c : s.toCharArray()) {
            total += key(new KeyStroke(c, false, false));
        }
        return total;
    }

    /** Latencies per kind of key, in nanoseconds, from the last {@link #run()}. */
    private final Map<String, List<Long>> byKind = new java.util.LinkedHashMap<>();

    private final Map<String, List<Long>> cpuByKind = new java.util.LinkedHashMap<>();

    private long record(String kind, long nanos) {
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(nanos);
        cpuByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(lastCpu);
        return nanos;
    }

    /**
     * Latencies in ms: [p50, p99, max] over a mix of scrolling (j/k), paging, jumping (G/g),
     * search-next (n) and filter changes (set a filter, clear it), after a warm-up.
     */
    double[] run() throws IOException {
        chars("/ip_loop_5$");
        key(new KeyStroke(KeyType.Enter));
        String mix = "jjjjkkkkGgnnjjJK";
        for (int i = 0; i < 300; i++) {
            step(mix, i);
        }
        byKind.clear();
        cpuByKind.clear();
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            nanos.add(step(mix, i));
            if (i % 100 == 50) {
                chars("f");
                chars("net-tcp");
                nanos.add(record("filter set", key(new KeyStroke(KeyType.Enter))));
                nanos.add(record("filter clear", chars("F")));
            }
        }
        // the worst case for n: a search that matches no frame (every n used to scan all the frames);
        // reported per kind, kept out of the mix so the mix stays comparable with earlier runs
        chars("/no_such_function$");
        record("search (none)", key(new KeyStroke(KeyType.Enter)));
        for (int i = 0; i < 20; i++) {
            record("search-next (none)", chars("n"));
        }
        return percentiles(nanos);
    }

    /** [p50, p99, max] in ms. */
    static double[] percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new double[]{sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6,
                sorted[sorted.length - 1] / 1e6};
    }

    /** One line per kind of key: count, p50, p99, max in ms. */
    List<String> perKind() {
        List<String> out = new ArrayList<>();
        byKind.forEach((k, v) -> {
            double[] p = percentiles(v);
            double[] c = percentiles(cpuByKind.get(k));
            out.add(String.format(java.util.Locale.ROOT, "  %-14s n=%4d  wall p50 %7.2f p99 %7.2f max %7.2f ms   cpu p50 %7.2f p99 %7.2f max %7.2f ms",
                    k, v.size(), p[0], p[1], p[2], c[0], c[1], c[2]));
        });
        return out;
    }

    /**
     * Opening a dump file as the explorer does (open, load in the background, draw once the first trace
     * is in), on the virtual terminal. Returns, in ms: [launch (JVM start) to first screen with a trace,
     * open to first screen, open to fully loaded, G to the last trace once loaded (key to redraw),
     * number of traces].
     */
    static double[] open(java.nio.file.Path file) throws IOException, InterruptedException {
        long launch = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        dev.pktpath.parse.TextInput in;
        try {
            in = dev.pktpath.parse.InputReader.open(file.toString(), java.io.InputStream.nullInputStream(), false);
        } catch (dev.pktpath.parse.ParseException e) {
            throw new IOException(e.getMessage(), e);
        }
        Session s = new Session(Analyzer.builtIn());
        dev.pktpath.session.LoadedDump d = s.addLoading(file.toString(), in);
        // as the CLI does: a moment for the first trace, then the screen opens whatever has arrived
        d.load().awaitFirstTrace(300);
        DefaultVirtualTerminal term = new DefaultVirtualTerminal(new TerminalSize(120, 40));
        TerminalScreen screen = new TerminalScreen(term);
        screen.startScreen();
        Explorer e = new Explorer(screen, s, CommandRegistry.standard());
        e.selectCrashingTraceAsItLoads();
        // the first screen that shows a trace: step (draws while loading) until one is in
        while (d.traces().isEmpty() && d.loading()) {
            e.step();
            Thread.sleep(1);
        }
        term.addInput(new KeyStroke(KeyType.Home));
        e.step();
        long firstScreen = System.nanoTime();
        long firstScreenWall = System.currentTimeMillis();
        // keep the screen loop going while the rest loads, as the user would see it
        while (d.loading()) {
            e.step();
            Thread.sleep(10);
        }
        long loaded = System.nanoTime();
        e.step();
        term.addInput(new KeyStroke(KeyType.ReverseTab));
        e.step();
        term.addInput(new KeyStroke('G', false, false));
        long g0 = System.nanoTime();
        e.step();
        long g = System.nanoTime() - g0;
        int n = d.traces().size();
        e.close();
        screen.stopScreen();
        return new double[]{firstScreenWall - launch, (firstScreen - t0) / 1e6, (loaded - t0) / 1e6, g / 1e6, n};
    }

    /**
     * Standalone: {@code java -cp pktpath-tui.jar dev.pktpath.bench.ExplorerBench [FRAMES]} for keys on a
     * deep trace, or {@code ... ExplorerBench --open FILE} for the first screen and G on a dump file.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 2 && args[0].equals("--open")) {
            double[] r = open(java.nio.file.Path.of(args[1]));
            System.out.printf(java.util.Locale.ROOT, "explorer on %s: launch->first screen %.0f ms, open->first screen %.0f ms,"
                    + " open->loaded %.0f ms, G to last trace (%d traces) %.2f ms%n", args[1], r[0], r[1], r[2], (int) r[4], r[3]);
            return;
        }
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        ExplorerBench b = new ExplorerBench(frames);
        double[] ms = b.run();
        System.out.printf(java.util.Locale.ROOT, "key->redraw on %d frames: p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                frames, ms[0], ms[1], ms[2]);
        b.perKind().forEach(System.out::println);
    }

    private long step(String mix, int i) throws IOException {
        if (i % 10 == 9) {
            return record("page", key(new KeyStroke(i % 20 == 9 ? KeyType.PageDown : KeyType.PageUp)));
        }
        char c = mix.charAt(i % mix.length());
        String kind = switch (c) {
            case 'j', 'k' -> "scroll";
            case 'g', 'G' -> "jump";
            case 'n' -> "search-next";
            default -> "trace " + c;
        };
        return record(kind, chars(String.valueOf(c)));
    }
}
