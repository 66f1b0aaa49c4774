package dev.pktpath.diff;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.Journey;
import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.analysis.Naming;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Location;
import dev.pktpath.model.Trace;
import dev.pktpath.render.DiffRenderer;
import dev.pktpath.render.TextStyle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Diffs of real pairs: the seed against an edited copy, and pairs of traces from the crash-bt corpus. */
class DiffGoldenTest {
    private static final String KIND = "BUG: unable to handle kernel paging request";

    /**
     * The seed analysed as the journey and naming analyses describe it in the mock-ups (fixed here
     * so that this test pins the diff, not those analyses).
     */
    static DiffSide seedSide(String label, String text) {
        Trace t = Fixtures.parse(label, text).traces().get(0);
        TraceAnalysis base = Analyzer.builtIn().analyze(t);
        Naming naming = new Naming(KIND, KIND + " in skb_clone", "skb_clone", new Location("skb_clone", 208L, null));
        Journey journey = new Journey(List.of(
                step("driver-rx", "rx", 33, 32), step("gro", "rx", 31, 30), step("core-rx", "rx", 29, 28),
                step("l3-rx", "rx", 27, 24), step("l4-rx", "rx", 23, 20), step("l4-tx", "tx", 19, 17),
                step("l3-tx", "tx", 16, 13), step("neigh", "tx", 12, 12), step("core-tx", "tx", 11, 11),
                step("qdisc", "tx", 10, 10), step("driver-tx", "tx", 9, 9), step("fault", "none", 8, 0)),
                20, 19, 9);
        return new DiffSide(label, label, new TraceAnalysis(t, naming, base.frameClasses(), journey));
    }

    private static JourneyStep step(String stage, String direction, int from, int to) {
        List<Integer> frames = new ArrayList<>();
        for (int i = from; i >= to; i--) {
            frames.add(i);
        }
        return new JourneyStep(stage, direction, frames);
    }

    static TraceDiff seedVersusVariant() {
        return TraceDiff.compare(seedSide("a.txt", Fixtures.seedText()), seedSide("b.txt", Fixtures.seedVariantText()),
                DiffOptions.NAMES);
    }

    @Test
    void seedAgainstPushInsteadOfRetransmitMatchesTheGoldenText() throws IOException {
        String text = new DiffRenderer().text(seedVersusVariant(), TextStyle.PLAIN, DiffRenderer.DEFAULT_CONTEXT);
        assertThat(text).isEqualTo(resource("seed-variant.diff.txt"));
    }

    @Test
    void seedAgainstVariantReplacesExactlyFramesEighteenAndNineteen() {
        TraceDiff d = seedVersusVariant();
        assertThat(d.same()).isFalse();
        assertThat(d.alignment().ops()).containsExactly(
                new EditOp(EditKind.EQUAL, range(0, 17), range(0, 17)),
                new EditOp(EditKind.REPLACE, List.of(18, 19), List.of(18, 19)),
                new EditOp(EditKind.EQUAL, range(20, 33), range(20, 33)));
        // 1 - (unmatched weight) / (all weight), with w(i) = 8 / (8 + i), the same on both sides
        double all = 0;
        for (int i = 0; i < 34; i++) {
            all += 8.0 / (8 + i);
        }
        double lost = 8.0 / 26 + 8.0 / 27;
        assertThat(d.similarity()).isCloseTo(1 - lost / all, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d.journeys().partStep()).isEqualTo(5);
        assertThat(d.journeys().stageA()).isEqualTo("l4-tx");
        assertThat(d.journeys().after()).isEqualTo("l4-rx");
        assertThat(d.registers().rows()).hasSize(21);
        assertThat(d.registers().rows()).filteredOn(RegisterDiff.Change::changed)
                .containsExactly(new RegisterDiff.Change("RAX", "000000000000f4cc", "000000000000a2d1"));
    }

    @Test
    void seedAgainstVariantJson() {
        String json = new DiffRenderer().json(seedVersusVariant());
        assertThat(json).startsWith("{\"schema\":\"pktpath-tui/1\",\"a\":{\"source\":\"a.txt\",\"trace\":1,\"label\":\"a.txt\","
                + "\"title\":\"BUG: unable to handle kernel paging request in skb_clone\"");
        assertThat(json).contains("\"similarity\":0.9559,\"same\":false,\"offsets\":false,\"reliableOnly\":false,\"ops\":["
                + "{\"op\":\"equal\",\"a\":[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17],\"b\":[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]},"
                + "{\"op\":\"replace\",\"a\":[18,19],\"b\":[18,19]},"
                + "{\"op\":\"equal\",\"a\":[20,21,22,23,24,25,26,27,28,29,30,31,32,33],\"b\":[20,21,22,23,24,25,26,27,28,29,30,31,32,33]}]");
        assertThat(json).contains("{\"name\":\"RAX\",\"a\":\"000000000000f4cc\",\"b\":\"000000000000a2d1\",\"changed\":true}")
                .contains("{\"name\":\"RIP\",\"a\":\"ffffffff81415f40\",\"b\":\"ffffffff81415f40\",\"changed\":false}");
        assertThat(json).contains("\"journeys\":{\"same\":false,\"partStep\":5,\"after\":\"l4-rx\",\"stageA\":\"l4-tx\",\"stageB\":\"l4-tx\"}");
        assertThat(json).endsWith("}\n");
    }

    @Test
    void twoRiscvLkdtmCrashesShareTheirSyscallPath() {
        // 043: stack overflow via lkdtm_EXHAUST_STACK (16 frames, #0-#5 then #16-#25 as printed);
        // 048: lkdtm_EXCEPTION (8 frames). Both were written to the lkdtm debugfs file by sh.
        TraceDiff d = TraceDiff.compare(Fixtures.side(Fixtures.corpus("043-commit-riscv64-overflow-stack.txt"), 1),
                Fixtures.side(Fixtures.corpus("048-commit-riscv64-lkdtm.txt"), 1), DiffOptions.NAMES);
        assertThat(d.alignment().ops()).containsExactly(
                new EditOp(EditKind.REPLACE, range(0, 8), List.of(0)),
                new EditOp(EditKind.EQUAL, range(9, 15), range(1, 7)));
        assertThat(d.same()).isFalse();
        String text = new DiffRenderer().text(d, TextStyle.PLAIN, 1);
        assertThat(text).contains(
                "-  #0  riscv_crash_save_regs            +  #0  lkdtm_EXCEPTION\n"
                        + "-  #1  panic\n");
        assertThat(text).contains(
                "- #18  lkdtm_EXHAUST_STACK\n"
                        + "  #19  lkdtm_do_action                     #1  lkdtm_do_action\n"
                        + "  ... 6 equal frames ...\n");
    }

    @Test
    void narrowWidthStacksTheSidesLikeDiffMinusU() {
        TraceDiff d = TraceDiff.compare(Fixtures.side(Fixtures.corpus("043-commit-riscv64-overflow-stack.txt"), 1),
                Fixtures.side(Fixtures.corpus("048-commit-riscv64-lkdtm.txt"), 1), DiffOptions.NAMES);
        String text = new DiffRenderer().text(d, new TextStyle(false, true, 50), 1);
        assertThat(text).contains("""
                - #17     recursive_loop
                - #18     lkdtm_EXHAUST_STACK
                +     #0  lkdtm_EXCEPTION
                  #19 #1  lkdtm_do_action
                  ... 6 equal frames ...
                """);
        // The header is cut to the width with the ASCII cut mark.
        assertThat(text).startsWith("--- 043-commit-riscv64-overflow-stack.txt  ");
        assertThat(text.lines().findFirst().orElseThrow()).hasSize(50).endsWith("..");
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(50));
    }

    @Test
    void changeStartsAreWhereTheNextDifferenceKeyJumps() {
        assertThat(seedVersusVariant().alignment().changeStarts()).containsExactly(18);
        TraceDiff d = TraceDiff.compare(Fixtures.side(Fixtures.corpus("041-commit-truncated-before-x86_64.txt"), 1),
                Fixtures.side(Fixtures.corpus("060-commit-nfs-callback-before-x86_64.txt"), 1), DiffOptions.NAMES);
        assertThat(d.alignment().changeStarts()).containsExactly(2);
        assertThat(d.alignment().rows().get(2)).isEqualTo(new DiffRow(2, null, EditKind.DELETE));
    }

    @Test
    void twoRunsOfOneSyzkallerBugDifferOnlyInUnreliableFrames() {
        // syzkaller 131 and 134: the same ipcomp_init_state bug on two runs. Their 15 reliable frames
        // (dump_stack .. entry_SYSCALL_64_fastpath) are the same; the '?' frames between them are
        // stale stack contents and differ.
        DiffSide a = Fixtures.longest(Fixtures.syzkaller("131"));
        DiffSide b = Fixtures.longest(Fixtures.syzkaller("134"));
        TraceDiff all = TraceDiff.compare(a, b, DiffOptions.NAMES);
        assertThat(all.same()).isFalse();
        for (EditOp op : all.alignment().ops()) {
            if (op.kind() != EditKind.EQUAL) {
                op.a().forEach(i -> assertThat(a.analysis().trace().frames().get(i).reliable()).isFalse());
                op.b().forEach(i -> assertThat(b.analysis().trace().frames().get(i).reliable()).isFalse());
            }
        }
        TraceDiff reliable = TraceDiff.compare(a, b, DiffOptions.RELIABLE);
        assertThat(reliable.same()).isTrue();
        assertThat(reliable.similarity()).isEqualTo(1.0);
        assertThat(reliable.alignment().sizeA()).isEqualTo(15);
        // Op indexes are still frame indexes of the traces: the first reliable frames are #0..#3,
        // then ipcomp4_init_state after one '?' frame.
        List<Integer> aFrames = reliable.alignment().ops().get(0).a();
        assertThat(aFrames).hasSize(15).startsWith(0, 1, 2, 3);
        assertThat(a.analysis().trace().frames().get(aFrames.get(4)).function()).isEqualTo("ipcomp4_init_state");
        assertThat(new DiffRenderer().text(reliable, TextStyle.PLAIN, 3))
                .contains("same stack: 15 frames (22 | 19 unreliable frames left out)\n");
    }

    @Test
    void theSameBashTaskInTwoBtMinusACapturesIsTheSameStack() {
        // 002 (crash's help text) and 062 (a commit message) show the same bash task that wrote to
        // /proc/sysrq-trigger, with the same registers, differently indented.
        TraceDiff d = TraceDiff.compare(Fixtures.side(Fixtures.corpus("002-help-bt-a-n-idle-x86_64.txt"), 3),
                Fixtures.side(Fixtures.corpus("062-commit-bt-a-n-idle-x86_64.txt"), 6), DiffOptions.NAMES);
        assertThat(d.same()).isTrue();
        assertThat(d.similarity()).isEqualTo(1.0);
        assertThat(d.registers().changedCount()).isZero();
        assertThat(d.registers().blockA()).isEqualTo("user-mode registers");
        String text = new DiffRenderer().text(d, TextStyle.PLAIN, 3);
        // The headers name each side and what crashed, as the naming analysis says (not pinned here).
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("--- 002-help-bt-a-n-idle-x86_64.txt#3  ");
        assertThat(lines.get(1)).startsWith("+++ 062-commit-bt-a-n-idle-x86_64.txt#6  ");
        assertThat(String.join("\n", lines.subList(2, lines.size())) + "\n").isEqualTo("""
                similarity 1.00   no packet journey
                same stack: 10 frames
                registers: all 21 the same (user-mode registers)
                """);
        // Return addresses are the same too.
        assertThat(TraceDiff.compare(d.a(), d.b(), DiffOptions.WITH_OFFSETS).same()).isTrue();
    }

    @Test
    void anIdleCpuAgainstTheCrashingCpuOfOneBtMinusA() {
        Dump dump = Fixtures.corpus("062-commit-bt-a-n-idle-x86_64.txt");
        TraceDiff d = TraceDiff.compare(Fixtures.side(dump, 5), Fixtures.side(dump, 6), DiffOptions.NAMES);
        assertThat(d.alignment().ops()).containsExactly(new EditOp(EditKind.INSERT, List.of(), range(0, 9)));
        assertThat(d.similarity()).isZero();
        assertThat(d.a().label()).endsWith("062-commit-bt-a-n-idle-x86_64.txt#5");
        String text = new DiffRenderer().text(d, TextStyle.PLAIN, 3);
        // The right column starts at (80 - 5) / 2 + 3 = 40; levels are two wide (#0..#9).
        assertThat(text).contains("\n" + " ".repeat(40) + "+ #0  machine_kexec\n");
        assertThat(text).contains("registers: only b has them (user-mode registers)");
    }

    @Test
    void twoSchedulingTasksDifferByTheirTimeout() {
        // 041: schedule_timeout under schedule; 060: cut after schedule (pre-fix captures).
        TraceDiff d = TraceDiff.compare(Fixtures.side(Fixtures.corpus("041-commit-truncated-before-x86_64.txt"), 1),
                Fixtures.side(Fixtures.corpus("060-commit-nfs-callback-before-x86_64.txt"), 1), DiffOptions.NAMES);
        assertThat(d.alignment().ops()).containsExactly(
                new EditOp(EditKind.EQUAL, List.of(0, 1), List.of(0, 1)),
                new EditOp(EditKind.DELETE, List.of(2), List.of()));
        // Same names, different return addresses: --offsets tells them apart.
        assertThat(TraceDiff.compare(d.a(), d.b(), DiffOptions.WITH_OFFSETS).alignment().ops())
                .containsExactly(new EditOp(EditKind.REPLACE, List.of(0, 1, 2), List.of(0, 1)));
    }

    @Test
    void twoArm64TracesShareNothing() {
        TraceDiff d = TraceDiff.compare(Fixtures.side(Fixtures.corpus("029-commit-arm64-pac-broken.txt"), 1),
                Fixtures.side(Fixtures.corpus("064-commit-arm64-overflow-stack.txt"), 1), DiffOptions.NAMES);
        assertThat(d.alignment().ops()).hasSize(1);
        assertThat(d.alignment().ops().get(0).kind()).isEqualTo(EditKind.REPLACE);
        assertThat(d.similarity()).isZero();
        // Registers both printed (X0..X29, PSTATE) line up by name; PC and LR are 029's only as parsed.
        assertThat(d.registers().rows()).extracting(RegisterDiff.Change::name).contains("X29", "X0", "PSTATE");
        assertThat(d.registers().rows()).filteredOn(c -> c.name().equals("X1"))
                .containsExactly(new RegisterDiff.Change("X1", "0000000000000080", "0000000000000000"));
    }

    @Test
    void everyLineFitsEightyColumnsAndAsciiModeIsAscii() {
        TraceDiff d = TraceDiff.compare(Fixtures.side(Fixtures.corpus("054-commit-foreach-nmi-softirq-x86_64.txt"), 1),
                Fixtures.side(Fixtures.corpus("069-commit-exc-invalid-op-after-x86_64.txt"), 1), DiffOptions.NAMES);
        String unicode = new DiffRenderer().text(d, TextStyle.PLAIN, 3);
        String ascii = new DiffRenderer().text(d, new TextStyle(false, true, 80), 3);
        for (String text : List.of(unicode, ascii, new DiffRenderer().text(seedVersusVariant(), TextStyle.PLAIN, 100))) {
            assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
            assertThat(text).doesNotContain("\u001b");
        }
        assertThat(ascii.chars()).allMatch(c -> c < 0x7f);
        assertThat(ascii).contains("ffffffffc005c1ec -> ffffffffc042b018");
        assertThat(unicode).contains("ffffffffc005c1ec \u2192 ffffffffc042b018");
    }

    @Test
    void colourOnlyRepeatsTheMarks() {
        String coloured = new DiffRenderer().text(seedVersusVariant(), new TextStyle(true, false, 80), 3);
        assertThat(coloured).contains("\u001b[31m- #18  tcp_retransmit_skb\u001b[0m")
                .contains("\u001b[32m+ #18  tcp_write_xmit\u001b[0m");
        String stripped = coloured.replaceAll("\u001b\\[[0-9;]*m", "");
        assertThat(stripped).isEqualTo(new DiffRenderer().text(seedVersusVariant(), TextStyle.PLAIN, 3));
    }

    @Test
    void controlCharactersFromTheDumpNeverReachTheTerminal() {
        String evil = Fixtures.seedText().replace("tcp_ack at", "tcp_\u001b]0;pwned\u0007ack at");
        TraceDiff d = TraceDiff.compare(seedSide("a.txt", Fixtures.seedText()), seedSide("b.txt", evil), DiffOptions.NAMES);
        String text = new DiffRenderer().text(d, TextStyle.PLAIN, 3);
        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(new DiffRenderer().json(d)).doesNotContain("\u001b").doesNotContain("\u0007");
    }

    static List<Integer> range(int from, int toInclusive) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i <= toInclusive; i++) {
            r.add(i);
        }
        return r;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DiffGoldenTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
