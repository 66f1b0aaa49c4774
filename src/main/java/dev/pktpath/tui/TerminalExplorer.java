package dev.pktpath.tui;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.session.CommandException;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.DumpLoad;
import dev.pktpath.session.LoadedDump;
import dev.pktpath.session.Session;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens the explorer on the real terminal and guarantees it is given back: on {@code q}, on
 * Ctrl-C (trapped, so it arrives as a key rather than killing the JVM mid-screen), on SIGTERM or
 * SIGHUP (a shutdown hook), and on any exception (finally).
 */
public final class TerminalExplorer {
    private TerminalExplorer() {
    }

    /** Runs the explorer until the user quits; returns the exit status. */
    public static int run(Session session, CommandRegistry commands, PrintStream err) {
        TerminalScreen screen;
        try {
            // Text terminal only: never fall back to a Swing window, even when a display is set.
            Terminal terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                    .setForceTextTerminal(true)
                    .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                    .createTerminal();
            screen = FAIL_ON_KEY.isEmpty() ? new TerminalScreen(terminal) : new FailingScreen(terminal, FAIL_ON_KEY.charAt(0));
        } catch (IOException | RuntimeException e) {
            err.println("pktpath-tui: cannot open the terminal: " + e.getMessage());
            return 1;
        }
        AtomicBoolean restored = new AtomicBoolean();
        Thread hook = new Thread(() -> restore(screen, restored), "pktpath-tui terminal restore");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            screen.startScreen();
            screen.setCursorPosition(null);
            Explorer explorer = new Explorer(screen, session, commands);
            // read in the background (opened from the command line): it may have been loading when the
            // crashing trace was looked for, so look again as it arrives (the REPL's dumps are complete)
            if (session.current().map(d -> d.load() != DumpLoad.COMPLETE).orElse(false)) {
                explorer.selectCrashingTraceAsItLoads();
            }
            explorer.run();
            restore(screen, restored);
            if (explorer.exitError() != null) {
                // the dump held no backtrace after all: the contract's one line, once the terminal is back
                err.println("pktpath-tui: " + explorer.exitError());
                return 1;
            }
            return 0;
        } catch (IOException e) {
            restore(screen, restored);
            err.println("pktpath-tui: terminal error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            restore(screen, restored);
            err.println("pktpath-tui: internal error: " + e);
            return 70;
        } finally {
            session.cancelLoads();
            restore(screen, restored);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing to remove
            }
        }
    }

    /**
     * Test hook, off unless the system property {@code pktpath.tui.failOnKey} names a key: after that key
     * the next draw throws, as a bug in a pane would, so that a test in a real terminal (tmux) can check
     * that an uncaught exception still gives the terminal back.
     */
    private static final String FAIL_ON_KEY = System.getProperty("pktpath.tui.failOnKey", "");

    private static final class FailingScreen extends TerminalScreen {
        private final char key;
        private boolean armed;

        FailingScreen(Terminal terminal, char key) throws IOException {
            super(terminal);
            this.key = key;
        }

        @Override
        public com.googlecode.lanterna.input.KeyStroke pollInput() throws IOException {
            com.googlecode.lanterna.input.KeyStroke k = super.pollInput();
            armed |= k != null && k.getCharacter() != null && k.getCharacter() == key;
            return k;
        }

        // The explorer draws into its own cell grid and hands the screen only a refresh, so the
        // refresh is where a failing pane shows.
        @Override
        public void refresh(RefreshType refreshType) throws IOException {
            if (armed) {
                throw new IllegalStateException("test hook pktpath.tui.failOnKey: a pane failed to draw");
            }
            super.refresh(refreshType);
        }
    }

    /**
     * For a dump opened from the command line: in a multi-task dump ({@code bt -a}, {@code foreach bt})
     * most tasks are idle, so start on the first trace that names a crash (a title or an exception
     * frame), else the first with frames. (The REPL's {@code explore} keeps the trace the user chose.)
     */
    public static void selectCrashingTrace(Session session) {
        LoadedDump d = session.current().orElse(null);
        if (d == null || d.traces().size() < 2 || d.loading()) {
            // still loading: the explorer selects it as it arrives (Explorer#selectCrashingTraceAsItLoads)
            return;
        }
        int withFrames = -1;
        for (int i = 0; i < d.traces().size(); i++) {
            TraceAnalysis a = d.traces().get(i);
            if (a.naming().title() != null || !a.trace().exceptions().isEmpty()) {
                select(session, i);
                return;
            }
            if (withFrames < 0 && !a.trace().frames().isEmpty()) {
                withFrames = i;
            }
        }
        select(session, Math.max(0, withFrames));
    }

    private static void select(Session session, int trace) {
        try {
            session.selectTrace(trace);
        } catch (CommandException e) {
            // cannot happen for an index in range: stay where the session is
        }
    }

    /** Leaves the alternate screen and gives the tty its settings back, once. */
    private static void restore(TerminalScreen screen, AtomicBoolean restored) {
        if (restored.compareAndSet(false, true)) {
            try {
                screen.stopScreen();
            } catch (IOException | RuntimeException e) {
                // best effort: the tty may already be gone (SIGHUP)
            }
        }
    }
}
