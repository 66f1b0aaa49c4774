package dev.pktpath.repl;

import dev.pktpath.testing.TmuxShell;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real interactive session: the program runs in a tmux pane (a real pty), the test types a
 * command with Tab completion and reads the answer from the screen. Skipped when tmux is missing.
 * The program runs as {@code java -cp target/classes:<runtime classpath>}; the build writes that
 * classpath to target/runtime-classpath.txt (maven-dependency-plugin, generate-test-resources).
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TmuxReplTest {
    private static final Path CLASSPATH_FILE = Path.of("target/runtime-classpath.txt");

    @Test
    void tabCompletesACommandAndTheAnswerAppears(@TempDir Path state) throws Exception {
        Assumptions.assumeTrue(TmuxShell.available(), "tmux is not installed: skipping the interactive REPL test");
        Assumptions.assumeTrue(Files.exists(CLASSPATH_FILE),
                "target/runtime-classpath.txt missing (run through Maven): skipping the interactive REPL test");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = "target/classes:" + Files.readString(CLASSPATH_FILE).strip();
        String program = String.join(" ", List.of(
                "env", "XDG_STATE_HOME=" + state, "TERM=xterm", "'PAGER=sed s/^/paged:/'",
                java, "-cp", classpath, "dev.pktpath.cli.Main", "repl", "../shared/samples/seed-packet-path.txt",
                ";", "echo", "EXITED=$?", ";", "sleep", "30"));
        try (TmuxShell pane = TmuxShell.run("repl", Path.of(""), Duration.ofSeconds(90), program)) {
            // capture-pane trims the blank after the prompt
            assertThat(shows(pane, "pktpath>")).contains("d1: ../shared/samples/seed-packet-path.txt, 1 trace");
            // "reg" + Tab completes to the only command that starts so: regs
            pane.type("reg");
            pane.keys("Tab");
            shows(pane, "pktpath> regs");
            pane.enter();
            String answer = shows(pane, "ORIG_RAX");
            assertThat(answer).contains("exception RIP: skb_clone").contains("RIP: ffffffff81415f40");
            assertThat(answer).doesNotContain("Exception in thread");

            // a frame level completes from the trace: "frame 3" + Tab lists 3, 30..33 with their functions
            pane.type("frame 3");
            pane.keys("Tab");
            assertThat(shows(pane, "bnx2_poll_work")).contains("napi_gro_receive");
            pane.type("2");
            pane.enter();
            shows(pane, "module     bnx2");

            // 34 frames do not fit 30 rows: the answer goes through $PAGER, which marks its lines here
            pane.type("bt");
            pane.enter();
            String paged = shows(pane, "paged:    #33");
            assertThat(paged).containsPattern("paged: +#9 +dev_hard_start_xmit").doesNotContain("paged:pktpath>");
            // short answers are printed directly, and the prompt came back after the pager
            pane.type("title");
            pane.enter();
            shows(pane, "\nBUG: unable to handle kernel paging request in skb_clone");

            pane.keys("C-d");
            shows(pane, "EXITED=0");
        }
        Path history = state.resolve("pktpath-tui/history");
        assertThat(Files.readAllLines(history)).anySatisfy(l -> assertThat(l).endsWith(":regs"))
                .anySatisfy(l -> assertThat(l).endsWith(":frame 32"));
    }

    /** Polls the pane until {@code text} shows, instead of sleeping a guessed time; returns the screen. */
    private static String shows(TmuxShell pane, String text) throws InterruptedException {
        return pane.waitFor("'" + text + "'", screen -> screen.contains(text));
    }
}
