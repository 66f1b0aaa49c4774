package dev.pktpath.repl;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import dev.pktpath.session.CommandException;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.Outcome;
import dev.pktpath.session.Session;
import dev.pktpath.session.SessionCommand;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The interactive REPL driven through a JLine dumb terminal on piped streams, as a user at a prompt. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DumbTerminalReplTest {
    private final Session session = new Session(Analyzer.builtIn());
    private final StringWriter errors = new StringWriter();

    record Run(int status, String screen, String errors) {
    }

    private Run run(CommandRegistry registry, ExplorerLauncher explorer, Path history, String typed) throws IOException {
        return run(registry, explorer, history, keys(typed));
    }

    /**
     * A dumb terminal over the test's streams. The exec provider builds JLine's pure-Java
     * {@code ExternalTerminal} (line discipline in Java: ^C raises SIGINT, ^D ends input); the default
     * provider would open a real pty.
     */
    static TerminalBuilder terminal() {
        return TerminalBuilder.builder().provider("exec").dumb(true).type(Terminal.TYPE_DUMB);
    }

    /**
     * Keys typed at the terminal, then silence: the stream never ends, as a user's keyboard does not,
     * because a terminal whose input ends drops what it has not yet handed to the reader. Each test
     * leaves with quit or Ctrl-D (^D) as a user would.
     */
    static Keyboard keys(String typed) {
        Keyboard k = new Keyboard();
        k.type(typed);
        return k;
    }

    /** An input stream the test types into, from any thread; reads wait for the next key. */
    static final class Keyboard extends InputStream {
        private final LinkedBlockingQueue<Integer> pending = new LinkedBlockingQueue<>();

        void type(String text) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                pending.add(b & 0xff);
            }
        }

        @Override
        public int read() throws IOException {
            try {
                return pending.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            int n = 1;
            Integer next;
            while (n < len && (next = pending.poll()) != null) {
                b[off + n++] = next.byteValue();
            }
            return n;
        }
    }

    private Run run(CommandRegistry registry, ExplorerLauncher explorer, Path history, InputStream typed) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        int status;
        try (Terminal t = terminal().streams(typed, screen).encoding(StandardCharsets.UTF_8).build()) {
            status = new Repl(session, registry, explorer).runInteractive(t, history, Pager.NONE, new PrintWriter(errors, true));
        }
        return new Run(status, screen.toString(StandardCharsets.UTF_8), errors.toString());
    }

    private Run run(String typed) throws IOException {
        return run(CommandRegistry.standard(), ExplorerLauncher.UNAVAILABLE, null, typed);
    }

    @Test
    void promptsRunsCommandsAndEndsAtEndOfInput() throws Exception {
        Run r = run("load <sample>\nframe 32\nregs\n\u0004");
        assertThat(r.status()).isZero();
        assertThat(r.screen()).contains(Repl.PROMPT)
                .contains("d1: seed-packet-path.txt, 1 trace")
                .contains("#32 bnx2_poll_work").contains("module     bnx2")
                .contains("exception RIP: skb_clone").contains("ffffffff81415f40");
        assertThat(r.errors()).isEmpty();
        assertThat(session.frameIndex()).isEqualTo(32);
    }

    @Test
    void anErrorIsOneLineAndThePromptComesBack() throws Exception {
        Run r = run("load <sample>\ntrace 9\nfrobnicate\ntitle\nquit\n");
        assertThat(r.errors().lines()).containsExactly(
                "pktpath-tui: no trace 9 in d1 (it has 1)",
                "pktpath-tui: unknown command: frobnicate (try: help)");
        // the command after the errors still ran, at a fresh prompt
        assertThat(r.screen()).contains(Repl.PROMPT + "title");
        assertThat(r.status()).isZero();
    }

    @Test
    void quitEndsTheSessionBeforeTheRestOfTheInput() throws Exception {
        Run r = run("load <sample>\nquit\nframe 5\n");
        assertThat(r.status()).isZero();
        assertThat(session.frameIndex()).isZero();
    }

    @Test
    void ctrlCDropsTheLineBeingTyped() throws Exception {
        Keyboard keyboard = new Keyboard();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        // an ANSI terminal, so the line editor shows each key and the test can see it arrive
        try (Terminal t = terminal().type("ansi").streams(keyboard, screen).encoding(StandardCharsets.UTF_8).build()) {
            Thread typist = new Thread(() -> {
                keyboard.type("load <sample>\n");
                awaitScreen(screen, "d1: seed-packet-path.txt, 1 trace\n" + Repl.PROMPT);
                // half a command at the prompt, then ^C once the line editor holds it
                keyboard.type("frame 3");
                awaitScreen(screen, Repl.PROMPT + "frame 3");
                keyboard.type("\u0003");
                awaitScreen(screen, "frame 3" + "^C");
                keyboard.type("frame 31\nquit\n");
            });
            typist.start();
            int status = new Repl(session, CommandRegistry.standard(), ExplorerLauncher.UNAVAILABLE)
                    .runInteractive(t, null, Pager.NONE, new PrintWriter(errors, true));
            typist.join();
            assertThat(status).isZero();
        }
        assertThat(session.frameIndex()).as(screen.toString(StandardCharsets.UTF_8)).isEqualTo(31);
        assertThat(errors.toString()).isEmpty();
    }

    /** Waits until the screen shows the text, as a user would before typing on. */
    private static void awaitScreen(ByteArrayOutputStream screen, String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            // what a reader sees: CR LF line ends (ONLCR) and an ANSI line editor's escape sequences dropped
            String shown = screen.toString(StandardCharsets.UTF_8).replace("\r", "").replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "");
            if (shown.contains(text)) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
        throw new AssertionError("screen never showed " + text + ":\n" + screen.toString(StandardCharsets.UTF_8));
    }

    @Test
    void ctrlCInterruptsARunningCommandAndTheSessionGoesOn() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        CommandRegistry registry = CommandRegistry.standard().register(new SessionCommand() {
            public String name() {
                return "slow";
            }

            public String synopsis() {
                return "";
            }

            public String summary() {
                return "a command that takes long";
            }

            public Outcome run(Session s, List<String> args) throws CommandException {
                started.countDown();
                try {
                    Thread.sleep(20_000);
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    throw new CommandException("interrupted");
                }
                return Outcome.text("finished\n");
            }
        });
        Keyboard keyboard = new Keyboard();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal t = terminal()
                .streams(keyboard, screen).encoding(StandardCharsets.UTF_8).build()) {
            Thread typist = new Thread(() -> {
                try {
                    keyboard.type("slow\n");
                    started.await(10, TimeUnit.SECONDS);
                    // what the kernel's tty driver does when the user presses Ctrl-C
                    t.raise(Terminal.Signal.INT);
                    keyboard.type("load <sample>\nquit\n");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            typist.start();
            int status = new Repl(session, registry, ExplorerLauncher.UNAVAILABLE)
                    .runInteractive(t, null, Pager.NONE, new PrintWriter(errors, true));
            typist.join();
            assertThat(status).isZero();
        }
        assertThat(interrupted).hasValue(1);
        assertThat(errors.toString().strip()).isEqualTo("pktpath-tui: interrupted");
        assertThat(screen.toString(StandardCharsets.UTF_8)).doesNotContain("finished");
        // the session went on after the interrupted command
        assertThat(session.dumps()).hasSize(1);
    }

    @Test
    void exploreHandsTheSessionToTheExplorerAndReturnsToThePrompt() throws Exception {
        List<String> seen = new ArrayList<>();
        ExplorerLauncher explorer = s -> seen.add(s.requireDump().name() + " frame " + s.frameIndex());
        Run r = run(CommandRegistry.standard(), explorer, null, "load <sample>\nframe 12\nexplore\ntitle\nquit\n");
        assertThat(seen).containsExactly("d1 frame 12");
        assertThat(r.screen()).contains(Repl.PROMPT + "title");
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void withoutAnExplorerExploreSaysSoInOneLine() throws Exception {
        Run r = run("load <sample>\nexplore\nquit\n");
        assertThat(r.errors().strip()).isEqualTo("pktpath-tui: explore: the full-screen explorer is not available in this build");
        assertThat(r.status()).isZero();
    }

    @Test
    void historyIsWrittenToTheGivenFile(@TempDir Path dir) throws Exception {
        Path history = HistoryFile.resolve(name -> name.equals("XDG_STATE_HOME") ? dir.toString() : null, "/nonexistent-home");
        HistoryFile.prepare(history);
        run(CommandRegistry.standard(), ExplorerLauncher.UNAVAILABLE, history, "load <sample>\nframe 3\nquit\n");
        assertThat(history).isEqualTo(dir.resolve("pktpath-tui/history"));
        // JLine's format: the time in milliseconds, a colon, the line
        assertThat(Files.readAllLines(history)).hasSize(3)
                .allSatisfy(l -> assertThat(l).matches("\\d+:.*"))
                .satisfies(l -> assertThat(l.get(0)).endsWith(":load <sample>"))
                .satisfies(l -> assertThat(l.get(1)).endsWith(":frame 3"))
                .satisfies(l -> assertThat(l.get(2)).endsWith(":quit"));
    }

    @Test
    void historyComesBackInTheNextSession(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("pktpath-tui/history");
        HistoryFile.prepare(history);
        run(CommandRegistry.standard(), ExplorerLauncher.UNAVAILABLE, history, "load <sample>\nframe 31\nquit\n");
        // ^P ^P (back over "quit" to the line before) then Enter runs "frame 31" again in a new session;
        // a dumb terminal has no history keys, so this one says it is an ANSI terminal
        Session second = new Session(Analyzer.builtIn());
        second.add(new DumpParser().parse("sample", InputReader.readSample()));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal t = terminal().type("ansi")
                .streams(keys("\u0010\u0010\nquit\n"), screen).build()) {
            new Repl(second, CommandRegistry.standard(), ExplorerLauncher.UNAVAILABLE)
                    .runInteractive(t, history, Pager.NONE, new PrintWriter(errors, true));
        }
        assertThat(second.frameIndex()).as(screen.toString(StandardCharsets.UTF_8)).isEqualTo(31);
    }

    @Test
    void withoutAHistoryFileNothingIsWritten(@TempDir Path dir) throws Exception {
        run(CommandRegistry.standard(), ExplorerLauncher.UNAVAILABLE, null, "load <sample>\nquit\n");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
