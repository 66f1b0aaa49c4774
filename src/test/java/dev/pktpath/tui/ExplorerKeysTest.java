package dev.pktpath.tui;

import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every key of the explorer, through the virtual terminal: keys in, what the screen shows out. */
class ExplorerKeysTest {
    private VirtualScreen seed() {
        return new VirtualScreen(Fixtures.seed(false, true), 100, 30);
    }

    @Test
    void opensOnTheFirstFrameWithTitleAndStatus() {
        VirtualScreen v = seed();
        assertThat(v.title()).contains("seed-packet-path.txt").contains("BUG: unable to handle kernel paging request in skb_clone");
        assertThat(v.isSelected("#0 ")).isTrue();
        assertThat(v.frame("#0 ")).contains("machine_kexec").contains("kdump").contains("fault");
        assertThat(v.status()).contains("seed-packet-path.txt").contains("trace 1/1").contains("frame 1/34")
                .contains("filter: none").endsWith("? help");
        assertThat(v.rowWith("exception RIP: skb_clone+208")).contains("==");
    }

    @Test
    void jkAndArrowsMoveOneFrame() {
        VirtualScreen v = seed();
        v.type("jjj");
        assertThat(v.status()).contains("frame 4/34");
        assertThat(v.isSelected("no_context")).isTrue();
        v.press(KeyType.ArrowDown);
        assertThat(v.isSelected("__bad_area_nosemaphore")).isTrue();
        v.type("k").press(KeyType.ArrowUp);
        assertThat(v.status()).contains("frame 3/34");
        assertThat(v.isSelected("oops_end")).isTrue();
        assertThat(v.isSelected("no_context")).isFalse();
    }

    @Test
    void gGHomeEndGoToTheEnds() {
        VirtualScreen v = seed();
        v.type("G");
        assertThat(v.status()).contains("frame 34/34");
        assertThat(v.isSelected("#33")).isTrue();
        assertThat(v.frame("#33")).contains("bnx2_poll");
        v.type("g");
        assertThat(v.status()).contains("frame 1/34");
        v.press(KeyType.End);
        assertThat(v.status()).contains("frame 34/34");
        v.press(KeyType.Home);
        assertThat(v.status()).contains("frame 1/34");
        assertThat(v.isSelected("machine_kexec")).isTrue();
    }

    @Test
    void pageKeysMoveByAScreenful() {
        VirtualScreen v = seed();
        // the frames pane shows 16 rows at 100x30: a page moves 15 frames
        v.press(KeyType.PageDown);
        assertThat(v.status()).contains("frame 16/34");
        v.ctrl('f');
        assertThat(v.status()).contains("frame 31/34");
        assertThat(v.isSelected("#30 ")).isTrue();
        assertThat(v.frame("#30 ")).contains("napi_skb_finish");
        v.press(KeyType.PageUp);
        assertThat(v.status()).contains("frame 16/34");
        v.ctrl('b');
        assertThat(v.status()).contains("frame 1/34");
        v.type(" ");
        assertThat(v.status()).contains("frame 16/34");
    }

    @Test
    void tabAndShiftTabMoveTheFocus() {
        VirtualScreen v = seed();
        assertThat(v.row(1)).contains("[Frames (34)]");
        v.press(KeyType.Tab);
        assertThat(v.row(1)).contains("[Journey (13 stages)]").doesNotContain("[Frames");
        v.press(KeyType.Tab);
        assertThat(v.text()).contains("[Registers: exception RIP: skb_clone+208]");
        v.press(KeyType.Tab);
        assertThat(v.text()).contains("[Details: #0]");
        v.press(KeyType.Tab);
        assertThat(v.row(1)).contains("[Frames (34)]");
        v.shiftTab();
        assertThat(v.text()).contains("[Details: #0]");
    }

    @Test
    void enterOpensTheFrameDetailsAndEscClosesThem() {
        VirtualScreen v = seed();
        v.type("jjjjjjjjj").press(KeyType.Enter);
        assertThat(v.text()).contains("Details: #9 dev_hard_start_xmit")
                .contains("stack     ffff880028203518")
                .contains("stage     driver-tx (tx)")
                // the raw input line, as read
                .contains("#9 [ffff880028203518] dev_hard_start_xmit at ffffffff81421d2e");
        v.press(KeyType.Escape);
        assertThat(v.text()).doesNotContain("Details: #9 dev_hard_start_xmit");
        assertThat(v.isSelected("dev_hard_start_xmit")).isTrue();
    }

    @Test
    void journeyStageKeysJumpBetweenStages() {
        VirtualScreen v = seed();
        v.line(":frame 27");
        assertThat(v.rowWith(">rx l3-rx")).contains("ip_rcv");
        v.type("J");
        // l4-rx starts with its oldest call, tcp_v4_rcv (#23)
        assertThat(v.status()).contains("frame 24/34").contains("stage l4-rx (rx): 4 frames");
        assertThat(v.isSelected("#23")).isTrue();
        assertThat(v.frame("#23")).contains("tcp_v4_rcv");
        // every frame of the chosen stage carries the stage bar
        assertThat(v.frame("#20 ")).startsWith("| |").contains("tcp_ack");
        assertThat(v.frame("#19 ")).startsWith("|  ");
        assertThat(v.rowWith(">rx l4-rx")).isNotNull();
        v.type("}");
        assertThat(v.status()).contains("stage l4-tx (tx)");
        assertThat(v.isSelected("#19")).isTrue();
        v.type("K");
        assertThat(v.isSelected("#23")).isTrue();
        v.type("{");
        assertThat(v.isSelected("#27")).isTrue();
        assertThat(v.frame("#27")).contains("ip_rcv");
        // from the fault frames, the previous stage is the crash site, held by #9
        v.type("gK");
        assertThat(v.status()).contains("frame 10/34").contains("stage crash: the crash site, in #9 dev_hard_start_xmit");
    }

    @Test
    void choosingAStageInTheJourneyPaneSelectsItsFrames() {
        VirtualScreen v = seed();
        v.press(KeyType.Tab).type("g");
        assertThat(v.rowWith(">rx driver-rx")).contains("bnx2_poll").contains("#33-#32");
        assertThat(v.isSelected("#33")).isTrue();
        v.type("j");
        assertThat(v.rowWith(">rx gro")).isNotNull();
        assertThat(v.status()).contains("frame 32/34");
        // and choosing a frame shows its stage
        v.shiftTab().line(":frame 12");
        assertThat(v.rowWith(">tx neigh")).contains("neigh_resolve_output");
    }

    @Test
    void traceKeysMoveBetweenTasksOfAMultiTaskDump() throws Exception {
        VirtualScreen v = new VirtualScreen(Fixtures.corpus("062-commit-bt-a-n-idle-x86_64.txt", false, true), 100, 30);
        // starts on the task that crashed, not on the first idle CPU
        assertThat(v.status()).contains("trace 6/6");
        assertThat(v.rowWith("Traces (6)")).isNotNull();
        assertThat(v.rowWith("sysrq_handle_crash")).isNotNull();
        v.type("[");
        assertThat(v.status()).contains("trace 5/6").contains("frame -/0");
        assertThat(v.rowWith("this trace has no frames")).isNotNull();
        assertThat(v.rowWith(">5  CPU 12")).contains("swapper/12");
        v.type("]");
        assertThat(v.status()).contains("trace 6/6");
        v.type("]");
        assertThat(v.status()).contains("error: already at the last trace");
    }

    @Test
    void theTracesPaneIsHiddenWhenThereIsOneTrace() {
        assertThat(seed().text()).doesNotContain("Traces");
        VirtualScreen v = seed().type("]");
        assertThat(v.status()).contains("error: this dump has one trace");
    }

    @Test
    void slashSearchesFunctionNamesAndNNRepeat() {
        VirtualScreen v = seed();
        v.line("/^tcp_(tr|re|xm)");
        assertThat(v.isSelected("tcp_transmit_skb")).isTrue();
        v.type("n");
        assertThat(v.isSelected("tcp_retransmit_skb")).isTrue();
        v.type("n");
        assertThat(v.isSelected("tcp_xmit_retransmit_queue")).isTrue();
        v.type("N");
        assertThat(v.isSelected("tcp_retransmit_skb")).isTrue();
        v.type("nn");
        assertThat(v.status()).contains("search wrapped");
        assertThat(v.isSelected("tcp_transmit_skb")).isTrue();
    }

    @Test
    void aBadSearchIsAnErrorAndMovesNothing() {
        VirtualScreen v = seed().type("jj");
        v.line("/(");
        assertThat(v.status()).contains("error: bad regular expression");
        assertThat(v.status()).contains("frame 3/34");
        v.line("/nosuchfunction");
        assertThat(v.status()).contains("error: no function matches /nosuchfunction");
    }

    @Test
    void nWithoutASearchSaysSo() {
        assertThat(seed().type("n").status()).contains("error: no search yet");
    }

    @Test
    void fFiltersBySubsystemAndCapitalFClears() {
        VirtualScreen v = seed();
        v.type("f").line("net-tcp");
        assertThat(v.status()).contains("filter: net-tcp");
        assertThat(v.text()).contains("Frames (34) - 27 hidden by the filter")
                .contains("... 17 frames hidden by the filter");
        assertThat(v.frame("machine_kexec")).isNull();
        assertThat(v.isSelected("tcp_transmit_skb")).isTrue();
        v.type("F");
        assertThat(v.status()).contains("filter: none");
        assertThat(v.frame("machine_kexec")).isNotNull();
    }

    @Test
    void filterExcludesWithMinusAndKeepsFamilies() {
        VirtualScreen v = seed();
        v.type("f").line("net -net-tcp");
        assertThat(v.frame("tcp_ack")).isNull();
        assertThat(v.frame("ip_rcv")).isNotNull();
        assertThat(v.frame("page_fault")).isNull();
        v.type("F").type("f").line("@@");
        assertThat(v.status()).contains("error: filter: unknown subsystem '@@'");
        assertThat(v.type("j").status()).contains("filter: none").contains("frame 2/34");
    }

    @Test
    void helpOverlayListsEveryKeyOfTheKeyMap() {
        VirtualScreen v = seed().type("?");
        StringBuilder seen = new StringBuilder(v.text());
        for (int i = 0; i < 6; i++) {
            seen.append(v.press(KeyType.PageDown).text());
        }
        for (KeyMap.Binding b : KeyMap.standard().bindings()) {
            assertThat(seen).as("help shows key " + b.label()).contains(b.label());
            assertThat(seen).contains(b.action().help);
        }
        assertThat(seen).contains("Commands (type : first)").contains("frame N").contains("net-driver");
        v.press(KeyType.Escape);
        assertThat(v.text()).doesNotContain("Help: keys");
        assertThat(seed().type("h").text()).contains("Help: keys");
        assertThat(seed().press(KeyType.F1).text()).contains("Help: keys");
        assertThat(seed().type("?q").text()).doesNotContain("Help: keys");
    }

    @Test
    void qAndCtrlCQuit() {
        VirtualScreen v = seed();
        assertThat(v.explorer.isDone()).isFalse();
        v.type("q");
        assertThat(v.explorer.isDone()).isTrue();
        assertThat(seed().ctrl('c').explorer.isDone()).isTrue();
    }

    @Test
    void ctrlCAndEscInAPromptOnlyCloseIt() {
        VirtualScreen v = seed().type(":fra");
        assertThat(v.status()).startsWith(":fra");
        v.ctrl('c');
        assertThat(v.explorer.isDone()).isFalse();
        assertThat(v.status()).contains("frame 1/34");
        v.type("/abc").press(KeyType.Escape);
        assertThat(v.status()).contains("frame 1/34");
    }

    @Test
    void anUnknownKeySaysSoAndChangesNothing() {
        VirtualScreen v = seed().type("jx");
        assertThat(v.status()).contains("error: no key 'x' (? for help)").contains("frame 2/34");
    }
}
