package dev.pktpath.parse;

import dev.pktpath.bench.DumpGenerator;
import dev.pktpath.model.Dump;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console log cut into blocks parses as the same log read in one piece by one parser (the general
 * path: {@code new DumpParser(huge, 1)}, no cut, no hand-over). Blocks are parsed afresh from a report
 * header and kept when {@link OopsParser#handsOverTo} finds that the state before the cut could not
 * have changed them, with syzkaller's caller ids ({@code [ T1234]}) too; these tests hold that
 * judgement to the one-piece parse, on the corpus in many orders and on generated logs, and check that
 * the hand-over does happen where it should (so the fast path is the one under test).
 */
class ConsoleBlocksTest {
    private static final Path CORPUS = Path.of("../shared/corpus");
    private static final int ONE_PIECE = Integer.MAX_VALUE / 4;
    private static List<String> reports;
    private static String generated;

    @BeforeAll
    static void inputs() throws IOException, ParseException {
        reports = new ArrayList<>();
        for (String dir : List.of("syzkaller", "satyr")) {
            try (Stream<Path> s = Files.list(CORPUS.resolve(dir))) {
                for (Path p : s.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().matches(".*\\.(src|md|tsv)$")).sorted().toList()) {
                    reports.add(InputReader.read(p.toString(), null, true));
                }
            }
        }
        StringWriter w = new StringWriter();
        new DumpGenerator(11).writeConsoleLog(w, 2_000_000);
        generated = w.toString();
    }

    private static Dump whole(String text) {
        return new DumpParser(ONE_PIECE, 1).parse("log", text);
    }

    @Property(tries = 30)
    void corpusReportsInAnyOrderParseInBlocksAsInOnePiece(@ForAll long seed,
                                                         @ForAll @IntRange(min = 300, max = 60_000) int blockSize,
                                                         @ForAll @IntRange(min = 1, max = 2) int threads) {
        List<String> order = new ArrayList<>(reports);
        Collections.shuffle(order, new Random(seed));
        String log = String.join("\n", order.subList(0, 1 + (int) Math.floorMod(seed, (long) order.size())));
        assertSame(new DumpParser(blockSize, threads).parse("log", log), whole(log));
    }

    @Property(tries = 8)
    void generatedLogsParseInBlocksAsInOnePiece(@ForAll @IntRange(min = 2_000, max = 300_000) int blockSize) {
        assertSame(new DumpParser(blockSize, 2).parse("log", generated), whole(generated));
    }

    @Test
    void theDefaultBlocksGiveTheOnePieceParseOfAGeneratedLog() {
        Dump one = whole(generated);
        assertThat(one.traces()).hasSizeGreaterThan(500);
        assertSame(new DumpParser().parse("log", generated), one);
        assertSame(new DumpParser(64 * 1024, 2).parse("log", generated), one);
    }

    /**
     * Printers that interleave across every possible cut: a report of {@code T12} still open when a
     * header without caller id starts the next block, a CONTINUE header of an ended report's printer a
     * few lines after its end, another task's lines that a recent report takes ({@code NMI backtrace}),
     * or would take but for its printer's ended report, or that an earlier report still open takes.
     * Written for this test after printk's formats.
     */
    @Test
    void interleavedPrintersParseTheSameWhereverTheLogIsCut() {
        String log = String.join("\n",
                "[   10.000000][ T12] BUG: unable to handle page fault for address: ffffffffffffffd8",
                "[   10.000001][ T12] CPU: 0 PID: 12 Comm: a Not tainted 6.1.0 #1",
                "[   10.000002][ T12] Call Trace:",
                "[   10.000003][ T12]  tcp_ack+0x10/0x20",
                "[   10.000004] WARNING: CPU: 1 PID: 7 at net/core/dev.c:1 dev_xmit+0x1/0x2",
                "[   10.000005] Call Trace:",
                "[   10.000006]  dev_xmit+0x1/0x2",
                "[   10.000007][ T12]  tcp_rcv+0x30/0x40",
                "[   10.000008][ T12] ---[ end trace 0000000000000001 ]---",
                "[   10.000009] ---[ end trace 0000000000000002 ]---",
                "[   10.000010] general protection fault: 0000 [#1] SMP",
                "[   10.000011] ---[ end trace 0000000000000003 ]---",
                "[   10.000012][ T12] Kernel panic - not syncing: Fatal exception",
                "[   10.000013] general protection fault: 0000 [#2] SMP",
                "[   10.000014][ T12] Kernel panic - not syncing: Fatal exception",
                "[   10.000012] Call Trace:",
                "[   10.000013]  ip_rcv+0x1/0x2",
                "[   10.000014] ---[ end trace 0000000000000004 ]---",
                "[   10.000015] INFO: task b:9 blocked for more than 120 seconds.",
                "[   10.000016] Sending NMI from CPU 0 to CPUs 1:",
                "[   10.000017][   C1] NMI backtrace for cpu 1",
                "[   10.000018][   C1] Call Trace:",
                "[   10.000019][   C1]  cpu_idle+0x1/0x2",
                "[   10.000020] BUG: kernel NULL pointer dereference, address: 0000000000000010",
                "[   10.000021][   C1]  do_idle+0x3/0x4",
                "[   10.000022][ T44] WARNING: CPU: 2 PID: 44 at mm/slab.c:2 kfree+0x1/0x2",
                "[   10.000023] list_del corruption, ffff888000000000->next is LIST_POISON1",
                "[   10.000024] kernel BUG at lib/list_debug.c:56!",
                "[   10.000025][ T44] Call Trace:",
                "[   10.000026][ T44]  kfree+0x1/0x2",
                "[   10.000027] Call Trace:",
                "[   10.000028]  list_del+0x1/0x2",
                "[   10.000029] BUG: KASAN: use-after-free in x+0x1/0x2",
                "[   10.000030][ T44]  kmem_cache_free+0x5/0x6",
                "[   10.000031][ T44] ---[ end trace 0000000000000005 ]---",
                "[   10.000032] ---[ end trace 0000000000000006 ]---",
                "[   10.000033] chatter",
                "[   10.000034] chatter",
                "[   10.000035] chatter",
                "[   10.000036] chatter",
                "[   10.000037] chatter",
                "[   10.000038] INFO: task c:5 blocked for more than 120 seconds.",
                "[   10.000039][ T44] chatter of T44 that a recent report would take, had T44's report not ended",
                "[   10.000040] ---[ end trace 0000000000000007 ]---",
                "[   10.000041] BUG: z",
                "[   10.000042] Call Trace:",
                "[   10.000043]  a+0x1/0x2",
                "[   10.000044] BUG: y",
                "[   10.000045] ---[ end trace 0000000000000008 ]---",
                "[   10.000046][ T99]  b+0x1/0x2",
                "[   10.000047][ T99] ---[ end trace 0000000000000009 ]---",
                "");
        // an ended report's printer, whose later lines no recent report may take
        String stale = String.join("\n",
                "[   20.000000][ T12] BUG: a",
                "[   20.000001][ T12] ---[ end trace 0000000000000001 ]---",
                "[   20.000002] WARNING: q",
                "[   20.000002] ---[ end trace 0000000000000003 ]---",
                "[   20.000002] chatter",
                "[   20.000003] chatter",
                "[   20.000004] chatter",
                "[   20.000005] chatter",
                "[   20.000006] chatter",
                "[   20.000007] chatter",
                "[   20.000008] INFO: task c:5 blocked for more than 120 seconds.",
                "[   20.000009][ T12] chatter of T12",
                "[   20.000010] ---[ end trace 0000000000000002 ]---",
                "");
        for (String text : List.of(log, stale)) {
            Dump one = whole(text);
            assertThat(one.traces()).hasSizeGreaterThan(1);
            for (int blockSize = 1; blockSize < text.length(); blockSize += 5) {
                for (int threads = 1; threads <= 2; threads++) {
                    assertSame(new DumpParser(blockSize, threads).parse("log", text), one);
                }
            }
        }
    }

    @Test
    void aBlockAfterEndedReportsOfOtherPrintersIsHandedOver() {
        OopsParser before = parser(1,
                "[    1.000000][ T5] BUG: a",
                "[    1.000001][ T5] Call Trace:",
                "[    1.000002][ T5]  f+0x1/0x2",
                "[    1.000003][ T5] ---[ end trace 1 ]---",
                "[    1.000004] chatter");
        OopsParser next = parser(6,
                "[    2.000000] BUG: b", "[    2.000001]  g+0x1/0x2", "[    2.000002] ---[ end trace 2 ]---",
                "[    2.000003] BUG: c", "[    2.000004] ---[ end trace 3 ]---",
                "[    2.000005][ T7] WARNING: d", "[    2.000006][ T7] ---[ end trace 4 ]---",
                "[    2.000007] BUG: e", "[    2.000008] ---[ end trace 5 ]---",
                "[    2.000009][ T5] chatter of T5, long after its report ended");
        assertThat(before.handsOverTo(next, 6)).isTrue();
    }

    @Test
    void aBlockIsNotHandedOverWhileAnotherPrintersReportIsOpenOrJustEnded() {
        OopsParser open = parser(1, "[    1.000000][ T5] BUG: a", "[    1.000001][ T5] Call Trace:");
        OopsParser next = parser(3, "[    2.000000] BUG: b", "[    2.000001] ---[ end trace 2 ]---",
                "[    2.000002] BUG: c", "[    2.000003] BUG: d", "[    2.000004] BUG: e");
        assertThat(open.handsOverTo(next, 3)).isFalse();

        OopsParser justEnded = parser(1, "[    1.000000][ T5] BUG: a", "[    1.000001][ T5] ---[ end trace 1 ]---");
        OopsParser panicFollows = parser(3, "[    2.000000] BUG: b", "[    2.000001] ---[ end trace 2 ]---",
                "[    2.000002][ T5] Kernel panic - not syncing: x",
                "[    2.000003] BUG: c", "[    2.000004] BUG: d", "[    2.000005] BUG: e");
        assertThat(justEnded.handsOverTo(panicFollows, 3)).isFalse();
    }

    private static OopsParser parser(int firstLine, String... lines) {
        OopsParser p = new OopsParser();
        for (int i = 0; i < lines.length; i++) {
            p.accept(new SourceLine(firstLine + i, lines[i]));
        }
        p.drainFinal();
        return p;
    }

    private static void assertSame(Dump actual, Dump expected) {
        assertThat(actual.traces()).hasSameSizeAs(expected.traces());
        for (int i = 0; i < expected.traces().size(); i++) {
            assertThat(actual.traces().get(i)).as("trace %d", i + 1).isEqualTo(expected.traces().get(i));
        }
        assertThat(actual.diagnostics()).isEqualTo(expected.diagnostics());
    }
}
