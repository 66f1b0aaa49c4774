package dev.pktpath.robust;

import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Sizes no real report has, in bounded time: a 10 MB line of each pathological shape (alone, and in
 * the middle of a real report) and a million frames, in both formats, through parsing, analysis and
 * every rendering. The bounds are generous (the build machine is shared); the linearity itself is
 * pinned by {@link RegexBacktrackingTest}, which counts reads instead of timing.
 */
class LargeInputTest {
    static final int TEN_MB = 10 * 1024 * 1024;
    /** Per input; a quadratic pattern on 10 MB would need hours, a linear pipeline needs seconds. */
    static final Duration BOUND = Duration.ofSeconds(30);

    static String fill(String seed, String prefix) {
        return prefix + seed.repeat((TEN_MB - prefix.length()) / seed.length() + 1);
    }

    @Test
    void tenMegabyteLinesFinishInBoundedTime() throws IOException {
        String seedReport = Files.readString(Cli.SEED);
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("spaces", fill(" ", "") + "x");
        lines.put("a+ repeated", fill("a+", ""));
        lines.put("#1 [ repeated", fill("#1 [", ""));
        lines.put("frame with a 10 MB name", fill("a", "#1 [ffff8800282034c0] ") + " at ffffffff81415f40");
        lines.put("frame line with a 10 MB blank gap", fill(" ", "#1 [ffff8800282034c0] x") + "y");
        lines.put("oops frame with a 10 MB tail", fill("a", " skb_clone+0x1a/0x30 "));
        lines.put("mail quotes", fill(">", ""));
        lines.put("register pairs", fill("R8: ffff ", ""));
        lines.put("escape introducers", fill("\u001b[", ""));
        lines.put("OSC without end", fill("x", "\u001b]52;c;"));
        lines.put("console prefixes", fill("[ 1.000000] ", ""));
        lines.put("hex words", fill("ffffffffffffffff ", "GPR00: "));
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : lines.entrySet()) {
            for (boolean embedded : new boolean[]{false, true}) {
                String text = embedded ? seedReport + "\n" + e.getValue() + "\n" + seedReport : e.getValue();
                long t0 = System.nanoTime();
                Pipeline.Output o = assertTimeoutPreemptively(BOUND, () -> Pipeline.run("big", text), e.getKey());
                millis.put(e.getKey() + (embedded ? " (in a report)" : ""), (System.nanoTime() - t0) / 1_000_000);
                Invariants.holdFor(o);
                if (embedded) {
                    assertThat(o.dump().traces()).as(e.getKey()).isNotEmpty();
                }
            }
        }
        System.out.println("10 MB lines, ms: " + millis);
    }

    @Test
    void aMillionFramesInCrashBtFormat() {
        String[] names = {"tcp_v4_rcv", "ip_local_deliver", "__netif_receive_skb", "net_rx_action", "skb_clone",
                "dev_hard_start_xmit", "schedule", "kmem_cache_alloc", "recursive_call.isra.3", "bnx2_poll_work"};
        StringBuilder b = new StringBuilder(64 * 1_000_000);
        b.append("PID: 0      TASK: ffffffff81a8d020  CPU: 3   COMMAND: \"swapper\"\n");
        for (int i = 0; i < 1_000_000; i++) {
            b.append(" #").append(i).append(" [ffff8800").append(String.format("%08x", i * 16)).append("] ")
                    .append(names[i % names.length]).append(" at ffffffff81421d2e\n");
        }
        String text = b.toString();
        long t0 = System.nanoTime();
        Dump d = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> new DumpParser().parse("million", text));
        long parsed = System.nanoTime();
        assertThat(d.traces()).hasSize(1);
        assertThat(d.traces().get(0).frames()).hasSize(1_000_000);
        Pipeline.Output o = assertTimeoutPreemptively(Duration.ofSeconds(180), () -> Pipeline.run(d, false));
        long done = System.nanoTime();
        assertThat(o.jsons().get(0)).contains("\"index\":999999");
        System.out.printf("a million crash-bt frames: parse %.1f s, analyses and renderings %.1f s%n",
                (parsed - t0) / 1e9, (done - parsed) / 1e9);
    }

    @Test
    void aMillionFramesInAConsoleReport() {
        String[] names = {"tcp_v4_rcv", "ip_local_deliver", "__netif_receive_skb", "net_rx_action", "skb_clone"};
        StringBuilder b = new StringBuilder(40 * 1_000_000);
        b.append("BUG: unable to handle kernel NULL pointer dereference at 0000000000000010\n");
        b.append("CPU: 1 PID: 42 Comm: syz-executor Not tainted 4.15.0+ #221\n");
        b.append("Call Trace:\n");
        for (int i = 0; i < 1_000_000; i++) {
            b.append(' ').append(names[i % names.length]).append("+0x1a/0x30\n");
        }
        String text = b.toString();
        Dump d = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> new DumpParser().parse("million-oops", text));
        assertThat(d.traces()).isNotEmpty();
        assertThat(d.traces().stream().mapToInt(t -> t.frames().size()).sum()).isGreaterThan(900_000);
        Pipeline.Output o = assertTimeoutPreemptively(Duration.ofSeconds(180), () -> Pipeline.run(d, false));
        assertThat(o.all()).isNotEmpty();
    }

    @Test
    void aMillionShortLinesOfNoise() {
        String text = String.join("\n", List.of("#1 [", "a+a+", ">>>>", "\u001b[31m", "PID:", "[ 1.0] BUG:", "")).repeat(150_000);
        Pipeline.Output o = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Pipeline.run("noise", text));
        Invariants.holdFor(o);
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1_000_000);
    }
}
