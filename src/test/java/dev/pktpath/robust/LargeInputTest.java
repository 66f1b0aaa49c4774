package dev.pktpath.robust;

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
 * the middle of a real report) through parsing, analysis and every rendering, and a million frames,
 * in both formats, through parsing, analysis, print's text and JSON, diff and cluster. The bounds are generous (the build machine is shared); the linearity itself is
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
        // a 10 MB function name goes through the subsystem globs ({bnx2,tg3}_*poll*, find_*_bit, ...)
        lines.put("oops frame with a 10 MB function name", " " + fill("a_poll_find_", "") + "+0x1a/0x30 [bnx2]");
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

    /**
     * A million frames in each format, in a child JVM capped at 2 GiB of heap (the test JVM's default
     * heap is a quarter of the machine, which other builds share).
     */
    @Test
    void aMillionFramesInEitherFormatFitInTwoGigabytes() {
        for (String format : List.of("crash-bt", "oops")) {
            List<String> cmd = new java.util.ArrayList<>(List.of(
                    java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx2g", "-cp", System.getProperty("java.class.path"), MillionFrames.class.getName(), format));
            Cli.Result r = Cli.run(cmd, null, Map.of(), 300);
            System.out.println("a million " + format + " frames: " + r.out().strip());
            assertThat(r.timedOut()).as(format).isFalse();
            assertThat(r.err()).as(format).isEmpty();
            assertThat(r.status()).as(format).isZero();
            assertThat(r.out()).as(format).containsPattern("frames=(9\\d{5}|1000000) ");
        }
    }

    @Test
    void aMillionShortLinesOfNoise() {
        String text = String.join("\n", List.of("#1 [", "a+a+", ">>>>", "\u001b[31m", "PID:", "[ 1.0] BUG:", "")).repeat(150_000);
        Pipeline.Output o = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Pipeline.run("noise", text));
        Invariants.holdFor(o);
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1_000_000);
    }
}
