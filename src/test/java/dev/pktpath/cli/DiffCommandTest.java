package dev.pktpath.cli;

import dev.pktpath.testing.InProcessCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.pktpath.testing.InProcessCli.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code pktpath-tui diff} through the real command line: exit statuses as diff(1). */
class DiffCommandTest {
    private static final String CORPUS = "../shared/corpus/crash-bt/";
    private static final String IDLE_002 = CORPUS + "002-help-bt-a-n-idle-x86_64.txt";
    private static final String IDLE_062 = CORPUS + "062-commit-bt-a-n-idle-x86_64.txt";
    private static final String LKDTM_043 = CORPUS + "043-commit-riscv64-overflow-stack.txt";
    private static final String LKDTM_048 = CORPUS + "048-commit-riscv64-lkdtm.txt";

    static final String SEED = "../shared/samples/seed-packet-path.txt";

    @Test
    void sameStackExitsZero() {
        Result r = run("diff", IDLE_002 + "#3", IDLE_062 + "#6");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("same stack: 10 frames");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void differentStacksExitOne() {
        Result r = run("diff", LKDTM_043, LKDTM_048);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith("--- ").contains("\n+++ ").contains("- #18  lkdtm_EXHAUST_STACK");
    }

    @Test
    void theMockUpsSeedDiffEndToEnd(@TempDir Path dir) throws Exception {
        // The seed against the seed with #18/#19 pushing pending data instead of retransmitting, and
        // RAX changed: the "pktpath-tui diff a.txt b.txt" mock-up, through the real parser and analyses.
        String seed = Files.readString(Path.of("../shared/samples/seed-packet-path.txt"));
        String variant = seed.replace("tcp_retransmit_skb at ffffffff814763ba", "tcp_write_xmit at ffffffff81477a10")
                .replace("tcp_xmit_retransmit_queue at ffffffff81478596", "__tcp_push_pending_frames at ffffffff81478b22")
                .replace("RAX: 000000000000f4cc", "RAX: 000000000000a2d1");
        Path a = Files.writeString(dir.resolve("a.txt"), seed);
        Path b = Files.writeString(dir.resolve("b.txt"), variant);
        Result r = run("diff", a.toString(), b.toString());
        assertThat(r.status()).isEqualTo(1);
        String expected;
        try (var in = DiffCommandTest.class.getResourceAsStream("/dev/pktpath/diff/seed-variant.diff.txt")) {
            expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // Same golden as the diff package's test, where naming and journey are fixed by hand; here
        // they come from the analyses (the labels are the temporary paths, cut to their file names).
        if (!java.nio.charset.Charset.defaultCharset().newEncoder().canEncode('\u2192')) {
            expected = expected.replace("\u2192", "->"); // a LANG=C run: the command falls back to ASCII
        }
        assertThat(r.out()).isEqualTo(expected);
    }

    @Test
    void readsTheUserRulesAndABrokenRulesFileIsTrouble(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.rules"), "tcp_ack\n");
        Result r = run("diff", "--rules", broken.toString(), SEED, SEED);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("broken.rules").doesNotContain("Exception");
    }

    @Test
    void fileAloneMeansItsFirstTrace() {
        // Trace 1 of both captures is an idle CPU with no frames: the same (empty) stack.
        Result r = run("diff", IDLE_002, IDLE_062);
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("#1  PID 0 \"swapper/11\"").contains("#1  PID 0 \"swapper/8\"");
        assertThat(run("diff", IDLE_062, IDLE_062 + "#6").status()).isEqualTo(1);
    }

    @Test
    void twoTracesOfOneFile() {
        Result r = run("diff", "--json", IDLE_062 + "#5", IDLE_062 + "#6");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith("{\"schema\":\"pktpath-tui/1\",\"a\":{\"source\":\"" + IDLE_062 + "\",\"trace\":5,")
                .contains("\"ops\":[{\"op\":\"insert\",\"a\":[],\"b\":[0,1,2,3,4,5,6,7,8,9]}]")
                .contains("\"same\":false");
    }

    @Test
    void jsonOfTheSameStackSaysSo() {
        Result r = run("diff", "--json", IDLE_002 + "#3", IDLE_062 + "#6");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("\"similarity\":1.0,\"same\":true")
                .contains("{\"op\":\"equal\",\"a\":[0,1,2,3,4,5,6,7,8,9],\"b\":[0,1,2,3,4,5,6,7,8,9]}");
    }

    @Test
    void offsetsOptionComparesReturnAddressesToo() {
        String before = CORPUS + "041-commit-truncated-before-x86_64.txt";
        String other = CORPUS + "060-commit-nfs-callback-before-x86_64.txt";
        assertThat(run("diff", "--json", before, other).out()).contains("{\"op\":\"equal\",\"a\":[0,1],\"b\":[0,1]}");
        assertThat(run("diff", "--json", "--offsets", before, other).out())
                .contains("\"offsets\":true").contains("{\"op\":\"replace\",\"a\":[0,1,2],\"b\":[0,1]}");
    }

    @Test
    void reliableOptionLeavesOutQuestionMarkFrames() {
        // Two syzkaller runs of one bug: the trace with the report is the one with frames.
        String a = "../shared/corpus/syzkaller/131";
        String b = "../shared/corpus/syzkaller/134";
        String ta = a + "#" + longestTrace(a);
        String tb = b + "#" + longestTrace(b);
        assertThat(run("diff", ta, tb).status()).isEqualTo(1);
        Result r = run("diff", "--reliable", "--json", ta, tb);
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("\"same\":true,\"offsets\":false,\"reliableOnly\":true");
    }

    private static int longestTrace(String file) {
        try {
            var dump = Inputs.load(file, System.in);
            var best = dump.traces().get(0);
            for (var t : dump.traces()) {
                if (t.frames().size() > best.frames().size()) {
                    best = t;
                }
            }
            return best.id();
        } catch (dev.pktpath.parse.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void asciiOptionAndWidth() {
        Result r = run("diff", "--ascii", "--width", "60", CORPUS + "054-commit-foreach-nmi-softirq-x86_64.txt",
                CORPUS + "069-commit-exc-invalid-op-after-x86_64.txt");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out().chars()).allMatch(c -> c < 0x7f);
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        assertThat(r.out()).contains(" -> ").doesNotContain("\u001b");
    }

    @Test
    void colourOnlyWhenAsked() {
        assertThat(run("diff", LKDTM_043, LKDTM_048).out()).doesNotContain("\u001b");
        assertThat(run("diff", "--color=always", LKDTM_043, LKDTM_048).out()).contains("\u001b[31m- ");
        assertThat(run("diff", "--color=never", LKDTM_043, LKDTM_048).out()).doesNotContain("\u001b");
    }

    @Test
    void unreadableInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Result missing = run("diff", "/nonexistent/a.txt", LKDTM_048);
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("pktpath-tui: /nonexistent/a.txt: no such file" + System.lineSeparator());
        assertThat(missing.out()).isEmpty();

        Path bin = Files.write(dir.resolve("bin"), new byte[]{0x7f, 'E', 'L', 'F', 0, 1, 2, 3});
        Result binary = run("diff", LKDTM_043, bin.toString());
        assertThat(binary.status()).isEqualTo(2);
        assertThat(binary.err().lines()).hasSize(1);
        assertThat(binary.err()).contains("binary data").doesNotContain("Exception");

        Path text = Files.writeString(dir.resolve("notes.txt"), "nothing to see here\n");
        Result none = run("diff", text.toString(), LKDTM_043);
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("no backtrace found");
    }

    @Test
    void noSuchTraceIsExitTwo() {
        Result r = run("diff", IDLE_062 + "#7", IDLE_062 + "#1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("pktpath-tui: " + IDLE_062 + ": no trace 7 (it has 6 traces)");
        assertThat(run("diff", IDLE_062 + "#0", IDLE_062).status()).isEqualTo(2);
        assertThat(run("diff", IDLE_062 + "#99999999999999999999", IDLE_062).status()).isEqualTo(2);
    }

    @Test
    void aFileWhoseNameEndsInHashNumberIsReadAsIs(@TempDir Path dir) throws Exception {
        Path odd = dir.resolve("dump.txt#2");
        Files.copy(Path.of(LKDTM_048), odd);
        Result r = run("diff", odd.toString(), LKDTM_048);
        assertThat(r.status()).isZero();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("diff", LKDTM_043).status()).isEqualTo(2);
        assertThat(run("diff", "--no-such-option", LKDTM_043, LKDTM_048).status()).isEqualTo(2);
    }

    @Test
    void neverWritesToItsInputs() throws Exception {
        byte[] before = Files.readAllBytes(Path.of(LKDTM_043));
        long modified = Files.getLastModifiedTime(Path.of(LKDTM_043)).toMillis();
        run("diff", LKDTM_043, LKDTM_048);
        assertThat(Files.readAllBytes(Path.of(LKDTM_043))).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(Path.of(LKDTM_043)).toMillis()).isEqualTo(modified);
    }
}
