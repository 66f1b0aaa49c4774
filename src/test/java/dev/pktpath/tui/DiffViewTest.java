package dev.pktpath.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The side-by-side diff view through the virtual terminal. The pair used most is a corpus x86_64
 * invalid-opcode crash (d1) against the seed sample (d2): their stacks share machine_kexec,
 * crash_kexec and oops_end, A alone has __crash_kexec (a delete) and from #4 on they differ (a
 * replace run of 8 frames of A against 31 of B), so there are two differences with an equal run between.
 */
class DiffViewTest {
    private static final String SEED = "../shared/samples/seed-packet-path.txt";

    private static VirtualScreen pair(int w, int h) throws IOException {
        VirtualScreen v = new VirtualScreen(Fixtures.corpus("069-commit-exc-invalid-op-after-x86_64.txt", false, true), w, h);
        v.line(":open " + SEED);
        return v.line(":diff d1 d2");
    }

    /** The first row of content under the A:/B: header row. */
    private static String firstContentRow(VirtualScreen v) {
        return v.row(3);
    }

    @Test
    void diffOpensTheSideBySideViewAt120x40() throws IOException {
        VirtualScreen v = pair(120, 40);
        assertThat(v.row(1)).contains("Diff d1#1 vs d2#1: similarity").contains("2 differences");
        assertThat(v.row(2)).contains("A: d1#1 (069-commit-exc-invalid-op-after-x86_64.txt)").contains("B: d2#1 (seed-packet-path.txt)");
        // equal rows face each other unmarked, on the same screen row
        assertThat(v.rowWith("machine_kexec")).startsWith("|   #0 machine_kexec").contains("| #0 machine_kexec");
        assertThat(v.rowWith("oops_end")).contains("#3 oops_end").contains("#2 oops_end").doesNotContain("~");
        // A's extra frame: delete marker, nothing facing it
        assertThat(v.rowWith("__crash_kexec")).startsWith("| - #1 __crash_kexec").doesNotContain("| #");
        // the replace run pairs frames in order and marks them ~
        assertThat(v.rowWith("do_trap")).startsWith("| ~ #4 do_trap").contains("#3 no_context");
        assertThat(v.rowWith("bnx2_poll_work")).startsWith("| ~  ").contains("#32 bnx2_poll_work");
        assertThat(v.status()).contains("2 differences (n/N to jump)");
        assertThat(v.text()).doesNotContain("[Frames (34)]");
    }

    @Test
    void nAndNJumpBetweenDifferences() throws IOException {
        VirtualScreen v = pair(120, 40);
        v.type("n");
        assertThat(v.status()).contains("difference 1/2");
        assertThat(v.rowWith("__crash_kexec")).startsWith("|>- #1 __crash_kexec");
        v.type("n");
        assertThat(v.status()).contains("difference 2/2");
        assertThat(v.rowWith("do_trap")).startsWith("|>~ #4 do_trap");
        // the jump scrolls the change to the top, one row of context above it
        assertThat(firstContentRow(v)).contains("#3 oops_end");
        assertThat(v.text()).doesNotContain("__crash_kexec");
        v.type("n");
        assertThat(v.status()).contains("error: already at the last difference");
        v.type("N");
        assertThat(v.status()).contains("difference 1/2");
        v.type("N");
        assertThat(v.status()).contains("error: already at the first difference");
        // ] and [ do the same as n and N
        v.type("]");
        assertThat(v.status()).contains("difference 2/2");
        v.type("[");
        assertThat(v.status()).contains("difference 1/2");
    }

    @Test
    void bothSidesScrollTogetherAt80x24() throws IOException {
        VirtualScreen v = pair(80, 24);
        assertThat(firstContentRow(v)).contains("#0 machine_kexec").contains("| #0 machine_kexec");
        v.type("j");
        assertThat(firstContentRow(v)).contains("#1 __crash_kexec");
        assertThat(v.row(4)).contains("#2 crash_kexec").contains("| #1 crash_kexec");
        v.type("k");
        assertThat(firstContentRow(v)).contains("#0 machine_kexec");
        // 19 content rows at 80x24: a page moves 18
        v.press(KeyType.PageDown);
        assertThat(firstContentRow(v)).startsWith("| ~ ").contains("| #17 tcp_transmit_skb");
        v.press(KeyType.PageUp);
        assertThat(firstContentRow(v)).contains("#0 machine_kexec");
        v.type("G");
        assertThat(v.rowWith("ORIG_RAX")).contains("ffffffffffffffff");
        assertThat(v.rowWith("RAX ")).startsWith("| ~ RAX").contains("000000000000001c").contains("000000000000f4cc");
        assertThat(v.rowWith("RDX")).startsWith("|   RDX");
        assertThat(v.text()).doesNotContain("machine_kexec");
        v.press(KeyType.PageUp);
        assertThat(v.rowWith("Registers:")).contains("differ");
        v.type("g");
        assertThat(firstContentRow(v)).contains("#0 machine_kexec");
    }

    @Test
    void readsAt80Columns() throws IOException {
        VirtualScreen v = pair(80, 24);
        List<String> rows = v.rows();
        for (String r : rows) {
            assertThat(r.length()).isLessThanOrEqualTo(80);
        }
        assertThat(v.row(2)).contains("A: d1#1").contains("B: d2#1 (seed-packet-path.txt)");
        assertThat(v.rowWith("no_context")).contains("~ #4 do_trap").contains("#3 no_context");
        assertThat(v.text()).contains("#17 tcp_transmit_skb");
        assertThat(v.row(22)).contains("n/N next/prev diff");
        // resizing to a wide terminal and back keeps the view
        v.resize(120, 40).resize(80, 24);
        assertThat(v.row(1)).contains("Diff d1#1 vs d2#1");
    }

    @Test
    void escAndQCloseTheViewWithoutQuitting() throws IOException {
        VirtualScreen v = pair(100, 30);
        v.press(KeyType.Escape);
        assertThat(v.text()).contains("[Frames (34)]").doesNotContain("Diff d1#1");
        v.line(":diff d1 d2");
        assertThat(v.row(1)).contains("Diff d1#1 vs d2#1");
        v.type("q");
        assertThat(v.explorer.isDone()).isFalse();
        assertThat(v.text()).contains("[Frames (34)]").doesNotContain("Diff d1#1");
    }

    @Test
    void multiTaskDumpTracesByNumber() throws IOException {
        VirtualScreen v = new VirtualScreen(Fixtures.corpus("062-commit-bt-a-n-idle-x86_64.txt", false, true), 120, 40);
        v.line(":diff 3 6");
        assertThat(v.row(1)).contains("Diff d1#3 vs d1#6");
        // trace 3 is an idle task with no frames: all of trace 6 is inserted
        assertThat(v.rowWith("do_syscall_64")).startsWith("| +").contains("| #9 do_syscall_64");
        assertThat(v.rowWith("Registers:")).contains("21 of 21 differ").contains("A: none");
        assertThat(v.rowWith("RAX")).startsWith("| ~ RAX").contains("ffffffffffffffda");
    }

    @Test
    void markAndDiffFromTheTracesPane() throws IOException {
        VirtualScreen v = new VirtualScreen(Fixtures.corpus("062-commit-bt-a-n-idle-x86_64.txt", false, true), 120, 40);
        v.type("d");
        assertThat(v.status()).contains("error: no marked trace");
        v.type("[[[m");
        assertThat(v.status()).contains("marked trace d1#3");
        assertThat(v.rowWith("swapper/10")).contains("3 *CPU");
        v.type("]]]d");
        assertThat(v.row(1)).contains("Diff d1#3 vs d1#6");
    }

    @Test
    void jsonAndBadReferencesKeepTheOldBehaviour() throws IOException {
        VirtualScreen v = pair(100, 30);
        v.press(KeyType.Escape);
        v.line(":diff 1 9");
        assertThat(v.status()).contains("error:");
        assertThat(v.text()).doesNotContain("Diff d1");
        v.line(":diff --json d1 d2");
        // --json keeps the command's own text output
        assertThat(v.status()).contains("{\"schema\":");
        assertThat(v.text()).doesNotContain("Diff d1#1 vs");
    }

    @Test
    void sameStacksSaySo() throws IOException {
        VirtualScreen v = new VirtualScreen(Fixtures.corpus("069-commit-exc-invalid-op-after-x86_64.txt", false, true), 100, 30);
        v.line(":diff 1 1");
        assertThat(v.row(1)).contains("no differences");
        assertThat(v.status()).contains("the stacks are the same");
        v.type("n");
        assertThat(v.status()).contains("error: no differences");
    }

    @Test
    void helpListsTheDiffKeysAndReturnsToTheView() throws IOException {
        VirtualScreen v = pair(120, 60);
        v.type("?");
        assertThat(v.text()).contains("Diff view (:diff A B, or m then d)");
        assertThat(v.rowWith("next difference")).contains("n ]");
        assertThat(v.rowWith("previous difference")).contains("N [");
        assertThat(v.rowWith("diff the marked trace")).contains("d");
        v.press(KeyType.Escape);
        assertThat(v.row(1)).contains("Diff d1#1 vs d2#1");
    }

    @Test
    void changedRowsAreMarkedByMoreThanColour() throws IOException {
        VirtualScreen v = new VirtualScreen(Fixtures.corpus("069-commit-exc-invalid-op-after-x86_64.txt", true, false), 120, 40);
        v.line(":open " + SEED).line(":diff d1 d2");
        int y = v.rows().indexOf(v.rowWith("do_trap"));
        assertThat(v.at(2, y).getCharacterString()).isEqualTo("~");
        assertThat(v.at(2, y).getModifiers()).contains(SGR.REVERSE);
        int same = v.rows().indexOf(v.rowWith("oops_end"));
        assertThat(v.at(2, same).getModifiers()).doesNotContain(SGR.REVERSE);
    }
}
