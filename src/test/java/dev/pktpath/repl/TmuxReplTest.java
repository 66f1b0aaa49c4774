package dev.pktpath.repl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
    /** A tmux server of our own, so the test never touches the user's sessions. */
    private final String socket = "pktpath-repl-test-" + ProcessHandle.current().pid();
    private boolean started;

    @AfterEach
    void stopServer() throws Exception {
        if (started) {
            tmux("kill-server");
        }
    }

    @Test
    void tabCompletesACommandAndTheAnswerAppears(@TempDir Path state) throws Exception {
        Assumptions.assumeTrue(onPath("tmux"), "tmux is not installed: skipping the interactive REPL test");
        Assumptions.assumeTrue(Files.exists(CLASSPATH_FILE),
                "target/runtime-classpath.txt missing (run through Maven): skipping the interactive REPL test");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = "target/classes:" + Files.readString(CLASSPATH_FILE).strip();
        String program = String.join(" ", List.of(
                "env", "XDG_STATE_HOME=" + state, "TERM=xterm", "PAGER=cat",
                java, "-cp", classpath, "dev.pktpath.cli.Main", "repl", "../shared/samples/seed-packet-path.txt",
                ";", "echo", "EXITED=$?", ";", "sleep", "30"));
        tmux("new-session", "-d", "-s", "repl", "-x", "100", "-y", "30", "-c", Path.of("").toAbsolutePath().toString(), program);
        started = true;

        // capture-pane trims the blank after the prompt
        awaitScreen("pktpath>");
        assertThat(screen()).contains("d1: ../shared/samples/seed-packet-path.txt, 1 trace");
        // "reg" + Tab completes to the only command that starts so: regs
        tmux("send-keys", "reg");
        tmux("send-keys", "Tab");
        awaitScreen("pktpath> regs");
        tmux("send-keys", "Enter");
        String answer = awaitScreen("ORIG_RAX");
        assertThat(answer).contains("exception RIP: skb_clone").contains("RIP: ffffffff81415f40");
        assertThat(answer).doesNotContain("Exception in thread");

        // a frame level completes from the trace: "frame 3" + Tab lists 3, 30..33 with their functions
        tmux("send-keys", "frame 3");
        tmux("send-keys", "Tab");
        assertThat(awaitScreen("bnx2_poll_work")).contains("napi_gro_receive");
        tmux("send-keys", "2", "Enter");
        awaitScreen("module     bnx2");

        tmux("send-keys", "C-d");
        awaitScreen("EXITED=0");
        Path history = state.resolve("pktpath-tui/history");
        assertThat(Files.readAllLines(history)).anySatisfy(l -> assertThat(l).endsWith(":regs"))
                .anySatisfy(l -> assertThat(l).endsWith(":frame 32"));
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p");
    }

    /** Polls the pane until the text shows, instead of sleeping a guessed time. */
    private String awaitScreen(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String s = "";
        while (System.nanoTime() < deadline) {
            s = screen();
            if (s.contains(text)) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the screen never showed '" + text + "':\n" + s);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        if (args[0].equals("send-keys") || args[0].equals("capture-pane")) {
            // after "tmux -L socket <subcommand>"
            command.addAll(4, List.of("-t", "repl"));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
