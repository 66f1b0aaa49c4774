package dev.pktpath.robust;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the program writes of its own, in a real terminal with a fresh HOME: the interactive REPL
 * creates its history under the XDG state folder with user-only modes (folders it creates 0700, the
 * file 0600, whatever the umask), and nothing else anywhere in HOME; the explorer writes nothing at all.
 */
class OwnFilesIT {
    private static final Path JAR = Path.of("target/pktpath-tui.jar").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    Path tmp;
    private final String socket = "pktpath-ownfiles-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @BeforeAll
    static void needsTmuxAndTheJar() {
        assumeTrue(run(List.of("tmux", "-V")) != null, "tmux is not installed: skipping (.ci/run installs it)");
        assertThat(JAR).exists();
    }

    @AfterEach
    void stop() {
        run(List.of("tmux", "-L", socket, "kill-server"));
    }

    /** Every file and folder under root, with its mode. */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(p -> !p.equals(root)).toList()) {
                m.put(root.relativize(p).toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return m;
    }

    private void session(Path home, String env, String command) {
        // umask 022, as most systems have: the modes below must come from the program, not the umask
        tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", "own",
                "env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=" + home + " PAGER=cat " + env
                        + " TERM=screen-256color LANG=C.UTF-8 sh -c 'umask 022; " + command + "; echo DONE-$?; sleep 600'");
    }

    @Test
    void replHistoryIsUserOnlyUnderTheDefaultStateFolder() throws Exception {
        Path home = Files.createDirectory(tmp.resolve("home"));
        session(home, "", "java -jar " + JAR + " repl " + Cli.SEED.toAbsolutePath());
        waitFor("the prompt", s -> s.contains("pktpath>"));
        tmux("send-keys", "-t", "own", "-l", "traces");
        tmux("send-keys", "-t", "own", "Enter");
        waitFor("an answer and the next prompt", s -> s.split("pktpath>", -1).length > 2);
        tmux("send-keys", "-t", "own", "-l", "quit");
        tmux("send-keys", "-t", "own", "Enter");
        waitFor("the end", s -> s.contains("DONE-0"));
        assertThat(tree(home)).isEqualTo(Map.of(
                ".local", "rwx------",
                ".local/state", "rwx------",
                ".local/state/pktpath-tui", "rwx------",
                ".local/state/pktpath-tui/history", "rw-------"));
        assertThat(Files.readString(home.resolve(".local/state/pktpath-tui/history"))).contains("traces");
    }

    @Test
    void replHistoryFollowsXdgStateHome() throws Exception {
        Path home = Files.createDirectory(tmp.resolve("home"));
        Path state = tmp.resolve("state/deep");
        session(home, "XDG_STATE_HOME=" + state, "java -jar " + JAR + " repl " + Cli.SEED.toAbsolutePath());
        waitFor("the prompt", s -> s.contains("pktpath>"));
        tmux("send-keys", "-t", "own", "-l", "bt");
        tmux("send-keys", "-t", "own", "Enter");
        waitFor("the backtrace and the next prompt", s -> s.contains("bnx2_poll") && s.strip().endsWith("pktpath>"));
        tmux("send-keys", "-t", "own", "C-d");
        waitFor("the end", s -> s.contains("DONE-0"));
        assertThat(tree(home)).isEmpty();
        assertThat(tree(tmp.resolve("state"))).isEqualTo(Map.of(
                "deep", "rwx------",
                "deep/pktpath-tui", "rwx------",
                "deep/pktpath-tui/history", "rw-------"));
    }

    @Test
    void explorerWritesNothing() throws Exception {
        Path home = Files.createDirectory(tmp.resolve("home"));
        session(home, "", "java -jar " + JAR + " " + Cli.SEED.toAbsolutePath());
        waitFor("the explorer", s -> s.contains("? help"));
        tmux("send-keys", "-t", "own", "j", "/", "s", "k", "b", "Enter", ":");
        tmux("send-keys", "-t", "own", "-l", "frame 3");
        tmux("send-keys", "-t", "own", "Enter", "q");
        waitFor("the end", s -> s.contains("DONE-0"));
        assertThat(tree(home)).isEmpty();
    }

    private String waitFor(String what, Predicate<String> ready) throws Exception {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        String screen = "";
        while (System.nanoTime() < end) {
            screen = tmux("capture-pane", "-p", "-t", "own");
            if (ready.test(screen)) {
                return screen;
            }
            Thread.sleep(50); // poll interval
        }
        return fail("timed out waiting for " + what + "; the pane shows:\n" + screen);
    }

    private String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        String out = run(cmd);
        return out == null ? "" : out;
    }

    private static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
