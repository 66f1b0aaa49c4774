package dev.pktpath.robust;

import dev.pktpath.testing.TmuxShell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The terminal is given back however the explorer ends: q, Ctrl-C, SIGTERM, SIGHUP, an exception
 * while a pane draws (the {@code pktpath.tui.failOnKey} test hook), a resize storm; and when the
 * terminal itself goes away (tmux kill-session, as an SSH disconnect does) the JVM exits instead of
 * lingering. Each case runs the shaded jar in a detached tmux session on its own server socket,
 * compares {@code stty -a} taken in the pane before and after, and then types a command to show the
 * shell is usable (echo on, line editing back). Polls the pane; never sleeps for a fixed time.
 */
class TerminalRestoreIT {
    private static final Path JAR = Path.of("target/pktpath-tui.jar").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    Path tmp;
    private TmuxShell shell;

    @BeforeAll
    static void needsTmuxAndTheJar() {
        assumeTrue(TmuxShell.available(), "tmux is not installed: skipping (.ci/run installs it)");
        assertThat(JAR).as("the shaded jar, built by package before this integration test").exists();
    }

    @BeforeEach
    void startTerminal() throws Exception {
        shell = TmuxShell.start("rb", tmp, TIMEOUT);
    }

    @AfterEach
    void stopTerminal() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void quitKey() throws Exception {
        start("");
        shell.keys("q");
        assertRestoredAndUsable(0);
    }

    @Test
    void ctrlC() throws Exception {
        start("");
        shell.keys("C-c");
        assertRestoredAndUsable(0);
    }

    @Test
    void sigterm() throws Exception {
        long pid = start("");
        ProcessHandle.of(pid).orElseThrow().destroy();
        assertRestoredAndUsable(143);
    }

    @Test
    void sighup() throws Exception {
        long pid = start("");
        assertThat(run(List.of("kill", "-HUP", Long.toString(pid)))).isPresent();
        assertRestoredAndUsable(129);
    }

    @Test
    void exceptionWhileAPaneDraws() throws Exception {
        start("-Dpktpath.tui.failOnKey=!");
        shell.keys("j", "!");
        String screen = assertRestoredAndUsable(70);
        assertThat(screen).contains("pktpath-tui: internal error").doesNotContain("\tat ").doesNotContain("at dev.pktpath");
    }

    @Test
    void resizeStorm() throws Exception {
        start("");
        int[][] sizes = {{80, 24}, {50, 12}, {160, 50}, {20, 5}, {120, 40}, {100, 30}};
        for (int i = 0; i < 60; i++) {
            int[] s = sizes[i % sizes.length];
            shell.resize(s[0], s[1]);
        }
        shell.resize(100, 30);
        String screen = shell.waitFor("a settled full-size screen", s -> s.contains("? help") && s.contains("frame 1/34"));
        assertThat(screen.lines().count()).isLessThanOrEqualTo(30);
        shell.keys("j");
        shell.waitFor("keys still work", s -> s.contains("frame 2/34"));
        shell.keys("q");
        assertRestoredAndUsable(0);
    }

    @Test
    void terminalGoneEndsTheProcess() throws Exception {
        long pid = start("");
        ProcessHandle jvm = ProcessHandle.of(pid).orElseThrow();
        // what an SSH disconnect does to the explorer: the terminal (here tmux's pane) disappears, SIGHUP follows
        shell.killSession();
        boolean ended = jvm.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).get() != null;
        if (!ended) {
            jvm.destroyForcibly();
        }
        assertThat(ended).as("the JVM exits once its terminal is gone").isTrue();
    }

    // ---- helpers ----

    /** Saves stty -a, starts the explorer on the sample with the JVM's PID in a file, waits for its first screen. */
    private long start(String jvmOptions) throws Exception {
        Path pid = tmp.resolve("pid");
        shell.type("stty -a > " + tmp.resolve("stty.before") + "; clear");
        shell.enter();
        shell.waitFor("stty saved", s -> Files.exists(tmp.resolve("stty.before")));
        // exec keeps the PID, so the file names the JVM itself
        shell.type("sh -c 'echo $$ > " + pid + "; exec java " + jvmOptions + " -jar " + JAR + " --sample'; echo EXITED-$?;"
                + " stty -a > " + tmp.resolve("stty.after"));
        shell.enter();
        shell.waitFor("the explorer", s -> s.contains("frame 1/34") && s.contains("? help"));
        return Long.parseLong(Files.readString(pid).strip());
    }

    /** The shell is back with the expected status, stty -a is as before, and a typed command runs and echoes. */
    private String assertRestoredAndUsable(int status) throws Exception {
        String screen = shell.waitFor("the shell again", s -> s.contains("EXITED-") && s.strip().endsWith("rb$"));
        assertThat(screen).contains("EXITED-" + status).doesNotContain("? help").doesNotContain("Exception in thread");
        Path after = tmp.resolve("stty.after");
        shell.waitFor("stty after", s -> Files.exists(after) && sizeOf(after) > 0);
        // the modes must be as before; the window size is tmux's to set (after a resize storm
        // tmux may still be applying its last size when the shell runs stty)
        assertThat(withoutWindowSize(Files.readString(after)))
                .isEqualTo(withoutWindowSize(Files.readString(tmp.resolve("stty.before"))));
        shell.type("echo usable-$((6*7))");
        shell.enter();
        shell.waitFor("the typed command echoed and run", s -> s.contains("echo usable-$((6*7))") && s.contains("usable-42"));
        return screen;
    }

    private static String withoutWindowSize(String stty) {
        return stty.replaceFirst("rows \\d+; columns \\d+; ", "");
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Optional<String> run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
