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

    private long key(KeyStroke k) throws IOException {
        terminal.addInput(k);
        long t0 = System.nanoTime();
        explorer.step();
        return System.nanoTime() - t0;
    }

    private long chars(String s) throws IOException {
        long total = 0;
        for (char c : s.toCharArray()) {
            total += key(new KeyStroke(c, false, false));
        }
        return total;
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
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            nanos.add(step(mix, i));
            if (i % 100 == 50) {
                chars("f");
                chars("net-tcp");
                nanos.add(key(new KeyStroke(KeyType.Enter)));
                nanos.add(chars("F"));
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new double[]{sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6,
                sorted[sorted.length - 1] / 1e6};
    }

    private long step(String mix, int i) throws IOException {
        if (i % 10 == 9) {
            return key(new KeyStroke(i % 20 == 9 ? KeyType.PageDown : KeyType.PageUp));
        }
        return chars(String.valueOf(mix.charAt(i % mix.length())));
    }
}
