package dev.pktpath.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real terminal for end-to-end tests: a bash with a known prompt in a detached tmux session, on a
 * server socket of its own (so it never touches the user's sessions), driven by send-keys and read
 * by capture-pane. The shell starts with an empty environment but PATH, HOME, TERM and LANG; a
 * program can also be run as the pane's own process ({@link #run}).
 */
public final class TmuxShell implements AutoCloseable {
    private final String socket;
    private final String target;
    private final Duration timeout;

    private TmuxShell(String socket, String target, Duration timeout) {
        this.socket = socket;
        this.target = target;
        this.timeout = timeout;
    }

    /** Whether tmux can be run here (tests skip, with a message, when it cannot). */
    public static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts a 100x30 terminal whose session is named {@code name} and whose prompt is {@code name$ },
     * with {@code home} as HOME, and waits for the prompt.
     */
    public static TmuxShell start(String name, Path home, Duration timeout) throws Exception {
        TmuxShell shell = open(name, Path.of(""), timeout,
                "env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=" + home + " HISTFILE=/dev/null TERM=screen-256color"
                        + " LANG=C.UTF-8 PS1='" + name + "$ ' bash --norc --noprofile -i");
        shell.waitFor("the shell prompt", s -> s.contains(name + "$"));
        return shell;
    }

    /**
     * Runs {@code command} (a shell command line) as the pane's own program in a 100x30 terminal, in
     * the folder {@code dir}, with the test's environment: for a program that must own the pane from
     * its first byte, as an interactive REPL does. Nothing is awaited; use {@link #waitFor}.
     */
    public static TmuxShell run(String name, Path dir, Duration timeout, String command) {
        return open(name, dir, timeout, command);
    }

    private static TmuxShell open(String name, Path dir, Duration timeout, String command) {
        TmuxShell shell = new TmuxShell("pktpath-" + name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime(),
                name, timeout);
        shell.tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", name,
                "-c", dir.toAbsolutePath().toString(), command);
        shell.tmux("set-option", "-t", name, "status", "off");
        return shell;
    }

    /** Types {@code text} literally (no key names), without Enter. */
    public void type(String text) {
        tmux("send-keys", "-t", target, "-l", text);
    }

    public void enter() {
        tmux("send-keys", "-t", target, "Enter");
    }

    /** Sends tmux key names ({@code C-c}, {@code PageDown}, {@code BTab}, ...). */
    public void keys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", target));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    public void resize(int columns, int rows) {
        tmux("resize-window", "-t", target, "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    /** Closes the session, as a terminal window closed or an SSH connection dropped would. */
    public void killSession() {
        tmux("kill-session", "-t", target);
    }

    /** The screen's text as it is now. */
    public String capture() {
        return tmux("capture-pane", "-p", "-t", target);
    }

    /**
     * Polls the screen until {@code ready} holds and returns it; fails with the last screen after the
     * timeout. Conditions on an explorer screen should include its status line ("? help"), the last
     * row drawn, so a half-sent screen is never taken for the whole.
     */
    public String waitFor(String what, Predicate<String> ready) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String screen = "";
        while (System.nanoTime() < end) {
            screen = capture();
            if (ready.test(screen)) {
                return screen;
            }
            Thread.sleep(50); // poll interval, not a wait for something to happen
        }
        return fail("timed out waiting for " + what + "; the pane shows:\n" + screen);
    }

    /** Kills this test's tmux server and everything in it. */
    @Override
    public void close() {
        tmux("kill-server");
    }

    /** Runs a tmux command on this server; its output, or "" when tmux could not be run. */
    private String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
