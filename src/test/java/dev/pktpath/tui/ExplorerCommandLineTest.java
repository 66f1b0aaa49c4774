package dev.pktpath.tui;

import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code :} line runs the shared command objects; errors land in the status line and change nothing. */
class ExplorerCommandLineTest {
    private VirtualScreen seed() {
        return new VirtualScreen(Fixtures.seed(false, true), 100, 30);
    }

    @Test
    void colonShowsAPromptWithACursor() {
        VirtualScreen v = seed().type(":fr");
        assertThat(v.status()).isEqualTo(":fr");
        assertThat(v.terminal.getCursorPosition().getColumn()).isEqualTo(3);
        assertThat(v.terminal.getCursorPosition().getRow()).isEqualTo(29);
    }

    @Test
    void frameAndTraceCommandsMoveTheView() {
        VirtualScreen v = seed().line(":frame 20");
        assertThat(v.status()).contains("frame 21/34").contains("#20 tcp_ack");
        assertThat(v.isSelected("tcp_ack")).isTrue();
        assertThat(v.text()).contains("[Frames (34)]").contains("Details: #20");
        v.line(":search ^ip_rcv$");
        assertThat(v.isSelected("ip_rcv ")).isTrue();
        // n continues the :search, as it would a / search
        v.line(":search ^ip_");
        v.type("n");
        assertThat(v.status()).contains("/^ip_");
    }

    @Test
    void unknownCommandsAndBadArgumentsChangeNothing() {
        VirtualScreen v = seed().type("jjj");
        v.line(":frobnicate now");
        assertThat(v.status()).contains("error: unknown command: frobnicate").contains("frame 4/34");
        v.line(":trace 9");
        assertThat(v.status()).contains("error: no trace 9").contains("frame 4/34");
        v.line(":frame x");
        assertThat(v.status()).contains("error: frame must be a number").contains("frame 4/34");
        v.line(":frame 99");
        assertThat(v.status()).contains("error: no frame #99").contains("frame 4/34");
        assertThat(v.isSelected("no_context")).isTrue();
    }

    @Test
    void longOutputOpensAScrollableOverlay() {
        VirtualScreen v = seed().line(":help");
        assertThat(v.text()).contains("[:help]").contains("load FILE").contains("select frame #N");
        v.press(KeyType.Escape);
        assertThat(v.text()).doesNotContain("[:help]");
        v.line(":bt");
        assertThat(v.text()).contains("[:bt]").contains("trace 1/1");
        v.type("G");
        assertThat(v.text()).contains("bnx2_poll");
        v.type("q");
        assertThat(v.explorer.isDone()).isFalse();
        assertThat(v.text()).doesNotContain("[:bt]");
    }

    @Test
    void quitCommandLeaves() {
        assertThat(seed().line(":quit").explorer.isDone()).isTrue();
        assertThat(seed().line(":q").explorer.isDone()).isTrue();
    }

    @Test
    void historyWalksBackThroughEarlierLines() {
        VirtualScreen v = seed().line(":frame 3").line(":frame 5");
        v.type(":").press(KeyType.ArrowUp);
        assertThat(v.status()).isEqualTo(":frame 5");
        v.press(KeyType.ArrowUp);
        assertThat(v.status()).isEqualTo(":frame 3");
        v.press(KeyType.ArrowDown).press(KeyType.ArrowDown);
        assertThat(v.status()).isEqualTo(":");
        v.press(KeyType.ArrowUp).press(KeyType.ArrowUp).press(KeyType.Enter);
        assertThat(v.status()).contains("frame 4/34");
    }

    @Test
    void lineEditingKeys() {
        VirtualScreen v = seed().type(":frame 12");
        v.press(KeyType.Backspace).type("0");
        assertThat(v.status()).isEqualTo(":frame 10");
        v.press(KeyType.Home).press(KeyType.Delete);
        assertThat(v.status()).isEqualTo(":rame 10");
        v.ctrl('u');
        assertThat(v.status()).isEqualTo(":");
        // Backspace on an empty line closes the prompt, as in vim
        v.press(KeyType.Backspace);
        assertThat(v.status()).contains("frame 1/34");
    }

    @Test
    void tabCompletesCommandNamesFromTheRegistry() {
        VirtualScreen v = seed().type(":fr").press(KeyType.Tab);
        assertThat(v.status()).startsWith(":frame");
        v = seed().type(":t").press(KeyType.Tab);
        // trace, traces, title: the common prefix stays and the candidates are listed
        assertThat(v.status()).startsWith(":t").contains("title").contains("trace").contains("traces");
    }

    @Test
    void tabCompletesArgumentsByKind() {
        VirtualScreen v = seed().type(":set c").press(KeyType.Tab);
        assertThat(v.status()).isEqualTo(":set color");
        v.type("o").press(KeyType.Tab);
        assertThat(v.status()).startsWith(":set color o").contains("off").contains("on");
        v.type("f").press(KeyType.Tab).press(KeyType.Enter);
        assertThat(v.status()).contains("color off");
        v = seed().type(":help fra").press(KeyType.Tab);
        assertThat(v.status()).startsWith(":help frame ").contains("frames");
        v = seed().type(":frame 3").press(KeyType.Tab);
        assertThat(v.status()).contains("30").contains("31").contains("32").contains("33");
        v = seed().type(":open ../shared/corpus/crash-bt/054-commit-for").press(KeyType.Tab);
        // .src and .txt: the common prefix, with both listed
        assertThat(v.status()).startsWith(":open ../shared/corpus/crash-bt/054-commit-foreach-nmi-softirq-x86_64.   ");
        v.type("t").press(KeyType.Tab);
        assertThat(v.status()).isEqualTo(":open ../shared/corpus/crash-bt/054-commit-foreach-nmi-softirq-x86_64.txt");
    }

    @Test
    void openLoadsAnotherDumpAndTheScreenFollows() {
        VirtualScreen v = seed().line(":open ../shared/corpus/crash-bt/054-commit-foreach-nmi-softirq-x86_64.txt");
        assertThat(v.title()).contains("054-commit-foreach-nmi-softirq-x86_64.txt");
        assertThat(v.text()).contains("crash_nmi_callback").contains(" stack ---")
                .contains("exception RIP: clone_endio+172");
        assertThat(v.status()).contains("frame 1/15");
        v.line(":open -");
        assertThat(v.status()).contains("error: load -: stdin is the terminal here");
        v.line(":open /no/such/file");
        assertThat(v.status()).contains("error: /no/such/file: no such file");
        assertThat(v.title()).contains("054-commit");
    }

    @Test
    void setAsciiAndColorChangeTheScreen() {
        VirtualScreen v = new VirtualScreen(Fixtures.seed(true, false), 100, 30);
        assertThat(v.text()).contains("┌").contains("│");
        v.line(":set ascii on");
        assertThat(v.text()).doesNotContain("┌").contains("+-");
        v.line(":set color off");
        assertThat(ExplorerLookTest.colouredCells(v)).isZero();
    }
}
