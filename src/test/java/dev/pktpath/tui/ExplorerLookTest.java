package dev.pktpath.tui;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.pktpath.analysis.Analyzer;
import dev.pktpath.model.Arch;
import dev.pktpath.model.Dump;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;
import dev.pktpath.session.Session;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sizes, resizes, colour, monochrome and ASCII, and text from the dump that must not reach the terminal raw. */
class ExplorerLookTest {
    static int colouredCells(VirtualScreen v) {
        int n = 0;
        var size = v.terminal.getTerminalSize();
        for (int y = 0; y < size.getRows(); y++) {
            for (int x = 0; x < size.getColumns(); x++) {
                TextCharacter c = v.at(x, y);
                if (c.getForegroundColor() != TextColor.ANSI.DEFAULT || c.getBackgroundColor() != TextColor.ANSI.DEFAULT) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void eightyByTwentyFourStacksThePanesAndTabsTheSideOnes() {
        VirtualScreen v = new VirtualScreen(Fixtures.seed(false, true), 80, 24);
        assertThat(v.rows()).hasSize(24);
        assertThat(v.title()).contains("BUG: unable to handle kernel paging request in skb_clone");
        assertThat(v.text()).contains("[Journey (13 stages)]  Registers   Details");
        assertThat(v.frame("#0 ")).contains("machine_kexec").contains("kdump").contains("fault");
        v.type("\t\t");
        assertThat(v.text()).contains("Journey  [Registers: exception RIP: skb_clone+208]")
                .contains("RIP ffffffff81415f40  RSP ffff8800282034c0*");
        v.type("\t");
        assertThat(v.text()).contains("[Details: #0]").contains("function  machine_kexec");
        assertThat(v.status()).contains("frame 1/34").endsWith("? help");
    }

    @Test
    void resizingRedrawsForTheNewSizeAtOnce() {
        VirtualScreen v = new VirtualScreen(Fixtures.seed(false, true), 100, 30);
        v.type("jjjjjjjjj");
        v.resize(80, 24);
        assertThat(v.rows()).hasSize(24);
        assertThat(v.row(1)).hasSize(80);
        assertThat(v.isSelected("dev_hard_start_xmit")).isTrue();
        assertThat(v.status()).contains("frame 10/34");
        v.resize(160, 50);
        assertThat(v.row(1)).hasSize(160).contains("Journey (13 stages)");
        assertThat(v.rows().get(48)).startsWith("+-").endsWith("-+");
        assertThat(v.isSelected("dev_hard_start_xmit")).isTrue();
        v.type("G");
        assertThat(v.frame("bnx2_poll_work")).contains("[bnx2]");
    }

    @Test
    void aTooSmallTerminalSaysSoAndComesBack() {
        VirtualScreen v = new VirtualScreen(Fixtures.seed(false, true), 100, 30);
        v.resize(40, 10);
        assertThat(v.text()).contains("terminal too small").contains("40x10, need 60x16").doesNotContain("machine_kexec");
        v.type("j");
        assertThat(v.text()).contains("terminal too small");
        v.resize(100, 30);
        assertThat(v.status()).contains("frame 2/34");
        assertThat(v.text()).doesNotContain("too small");
        assertThat(new VirtualScreen(Fixtures.seed(false, true), 59, 30).text()).contains("terminal too small");
        assertThat(new VirtualScreen(Fixtures.seed(false, true), 60, 16).text()).doesNotContain("too small").contains("Frames");
    }

    @Test
    void monochromeAsciiUsesNoColourAndOnlyAscii() {
        VirtualScreen v = new VirtualScreen(Fixtures.seed(false, true), 100, 30);
        v.type("jjjjjjjjj?");
        for (int i = 0; i < 3; i++) {
            assertThat(colouredCells(v)).isZero();
            assertThat(v.text().chars().allMatch(c -> c < 128)).as("ASCII only:\n" + v.text()).isTrue();
            v.type(" ");
        }
        v.type("q");
        // selection shows without colour: a '>' marker and reverse video
        assertThat(v.isSelected("dev_hard_start_xmit")).isTrue();
        int y = v.rows().indexOf(v.rowWith("dev_hard_start_xmit"));
        assertThat(v.at(10, y).isReversed()).isTrue();
        assertThat(v.at(10, y + 1).isReversed()).isFalse();
    }

    @Test
    void colourMarksSubsystemsStagesAndStackPointers() {
        VirtualScreen v = new VirtualScreen(Fixtures.seed(true, false), 100, 30);
        assertThat(colouredCells(v)).isPositive();
        assertThat(v.text()).contains("┌─[Frames (34)]").contains("┬").contains("┴");
        int y = v.rows().indexOf(v.rowWith("tcp_v4_rcv"));
        int x = v.row(y).indexOf("net-tcp");
        if (x >= 0 && x < 57) {
            assertThat(v.at(x, y).getForegroundColor()).isNotEqualTo(TextColor.ANSI.DEFAULT);
        }
        int ry = v.rows().indexOf(v.rowWith("RSP ffff8800282034c0*"));
        int rx = v.row(ry).indexOf("ffff8800282034c0");
        assertThat(v.at(rx, ry).isUnderlined()).isTrue();
        assertThat(v.at(rx, ry).getForegroundColor()).isEqualTo(TextColor.ANSI.MAGENTA_BRIGHT);
        int ax = v.row(ry).indexOf("ffffffff81415f40");
        assertThat(v.at(ax, ry).isUnderlined()).isFalse();
    }

    @Test
    void textFromTheDumpIsSanitisedBeforeDrawing() {
        // a hostile dump: escape sequences and control characters in names, as a corrupted console log might carry
        String evil = "evil\u001b]0;pwned\u0007\u001b[2J_fn\u0007";
        Frame f0 = new Frame(0, 0, evil, 16L, null, "ffffffff81000000", "ffff880000001000", "mod\u001b[31m",
                true, StackContext.TASK, "net/core/\u0008dev.c:1", false, 2, " #0 [ffff880000001000] " + evil + " at ffffffff81000000");
        Frame f1 = new Frame(1, 1, "ok_fn", null, null, "ffffffff81000010", "ffff880000001040", null,
                true, StackContext.IRQ, null, false, 3, " #1 ok_fn");
        ExceptionFrame e = new ExceptionFrame(0, "exception RIP", "bad\u001b[0m", 3L,
                Map.of("RIP\u0007", "ffffffff81000000\u001b[K"), 4);
        Trace t = new Trace(1, TraceFormat.CRASH_BT, Arch.X86_64, new Task(7L, "ffff8800", 1, "cmd\u001b[1m\u0007"),
                "PANIC: \u001b[31mred", null, List.of(f0, f1), List.of(e), Map.of(), List.of(), 1, 4);
        Session s = new Session(Analyzer.builtIn());
        s.add(new Dump("dump\u001b[2J.txt", List.of(t, t.withId(2)), List.of()));
        VirtualScreen v = new VirtualScreen(s, 100, 30);
        String all = v.text() + v.type("\n").text();
        assertThat(all.chars().noneMatch(c -> c < 0x20 && c != '\n' || c == 0x7f || (c >= 0x80 && c <= 0x9f)))
                .as("no control characters on screen:\n" + all).isTrue();
        assertThat(all).contains("evil_fn").doesNotContain("pwned").contains("cmd").contains("PANIC: red");
    }

    @Test
    void aTraceWithNoFramesAndADumpWithManyTracesStillDraw() throws Exception {
        VirtualScreen v = new VirtualScreen(Fixtures.corpus("062-commit-bt-a-n-idle-x86_64.txt", false, true), 80, 24);
        assertThat(v.text()).contains("Traces (6)");
        v.type("g").type("\t\t\t");
        assertThat(v.status()).contains("trace 6/6");
        v.type("[[[[[");
        assertThat(v.status()).contains("trace 1/6").contains("frame -/0");
        for (String keys : List.of("j", "k", "G", "g", "J", "K", "n", "/x\n", "\t", "\t", "\t", "\t", "\n", " ", "?", "q")) {
            v.type(keys);
            assertThat(v.rows()).hasSize(24);
        }
        assertThat(v.explorer.isDone()).isFalse();
        v.line(":frame 1");
        assertThat(v.status()).contains("error: no frame #1");
    }
}
