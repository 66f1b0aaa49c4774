package dev.pktpath.repl;

import dev.pktpath.session.CommandException;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.Outcome;
import dev.pktpath.session.Session;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The line-mode REPL: reads commands, runs them on the shared {@link CommandRegistry} against one
 * {@link Session}, and shows their answers. Two modes: interactive (a JLine prompt with completion,
 * history, pager) and scripted (plain lines from a file or a pipe: no prompt, no escape sequences, no
 * echo, exit status 1 when a command failed).
 */
public final class Repl {
    public static final String PROMPT = "pktpath> ";

    private final Session session;
    private final CommandRegistry registry;
    private final ExplorerLauncher explorer;

    public Repl(Session session, CommandRegistry registry, ExplorerLauncher explorer) {
        this.session = session;
        this.registry = registry;
        this.explorer = explorer;
    }

    /**
     * Loads the dumps named on the command line, as {@code load FILE} would.
     *
     * @param out where to say what was loaded, or null to load silently (scripts)
     * @return how many could not be loaded (each reported on {@code err})
     */
    public int preload(List<String> files, PrintWriter out, PrintWriter err) {
        int failures = 0;
        for (String f : files) {
            try {
                Outcome o = registry.find("load").orElseThrow().run(session, List.of(f));
                if (out != null) {
                    print(out, o.text());
                }
            } catch (CommandException e) {
                failures++;
                err.println("pktpath-tui: " + e.getMessage());
                err.flush();
            }
        }
        return failures;
    }

    /**
     * Runs a script: one command per line, {@code #} comments, no prompt and nothing echoed; errors are
     * one line each on {@code err} naming the script line. Keeps going after an error, like a shell
     * script without {@code -e}, so one bad line does not hide the answers of the others.
     *
     * @return 0 when every command succeeded, 1 otherwise
     */
    public int runScript(BufferedReader script, String name, PrintWriter out, PrintWriter err) {
        int failures = 0;
        int number = 0;
        try {
            for (String line; (line = script.readLine()) != null; ) {
                number++;
                Outcome o;
                try {
                    o = registry.execute(session, line);
                } catch (CommandException e) {
                    failures++;
                    fail(out, err, name + ":" + number + ": " + e.getMessage());
                    continue;
                } catch (RuntimeException e) {
                    failures++;
                    fail(out, err, name + ":" + number + ": internal error: " + e);
                    continue;
                }
                print(out, o.text());
                if (o.effect() == Outcome.Effect.EXPLORE) {
                    failures++;
                    fail(out, err, name + ":" + number + ": explore needs an interactive terminal");
                } else if (o.effect() == Outcome.Effect.QUIT) {
                    break;
                }
            }
        } catch (IOException e) {
            failures++;
            fail(out, err, name + ": cannot read (" + e.getMessage() + ")");
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    private static void fail(PrintWriter out, PrintWriter err, String message) {
        out.flush();
        err.println("pktpath-tui: " + message);
        err.flush();
    }

    private static void print(PrintWriter out, String text) {
        if (text.isEmpty()) {
            return;
        }
        out.print(text);
        if (!text.endsWith("\n")) {
            out.println();
        }
        out.flush();
    }

    /**
     * Runs the interactive prompt until {@code quit} or Ctrl-D. Ctrl-C drops the line being typed, or
     * interrupts the running command; it never ends the session.
     *
     * @param terminal    the terminal to prompt on; the caller opens and closes it
     * @param historyFile where history persists, or null to keep it in memory only
     * @return the exit status: 0
     */
    public int runInteractive(Terminal terminal, Path historyFile, Pager pager, PrintWriter err) {
        History history = new DefaultHistory();
        LineReader reader = reader(terminal, history, historyFile);
        Thread self = Thread.currentThread();
        try {
            while (true) {
                // Outside readLine, Ctrl-C interrupts the command running on this thread.
                terminal.handle(Signal.INT, s -> self.interrupt());
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    terminal.writer().println();
                    break;
                }
                Outcome o;
                try {
                    // answers are laid out for the screen as it is now
                    session.setWidth(terminal.getWidth());
                    o = registry.execute(session, line);
                } catch (CommandException e) {
                    fail(terminal.writer(), err, e.getMessage());
                    continue;
                } catch (RuntimeException e) {
                    fail(terminal.writer(), err, "internal error: " + e);
                    continue;
                } finally {
                    Thread.interrupted();
                }
                show(terminal, o.text(), pager);
                if (o.effect() == Outcome.Effect.QUIT) {
                    break;
                }
                if (o.effect() == Outcome.Effect.EXPLORE) {
                    explore(terminal, err);
                }
            }
        } finally {
            try {
                history.save();
            } catch (IOException e) {
                err.println("pktpath-tui: history not saved: " + e.getMessage());
            }
            terminal.writer().flush();
        }
        return 0;
    }

    /**
     * Hands the tty to the explorer. A terminal that reads in the background (an external terminal's
     * pump) is paused so that the two never read the same keys. A system terminal reads only inside
     * readLine, so it stays open: closing it would also close stdout (JLine 3.30's system terminal owns
     * file descriptor 1), leaving the explorer writing into nothing.
     */
    private void explore(Terminal terminal, PrintWriter err) {
        terminal.writer().flush();
        boolean paused = false;
        if (terminal.canPauseResume()) {
            try {
                terminal.pause(true);
                paused = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // The explorer reads Ctrl-C as a key; should a SIGINT still come, it must not end the session.
        Terminal.SignalHandler intr = terminal.handle(Signal.INT, Terminal.SignalHandler.SIG_IGN);
        try {
            explorer.explore(session);
        } catch (CommandException e) {
            fail(terminal.writer(), err, e.getMessage());
        } finally {
            if (paused) {
                terminal.resume();
            }
            terminal.handle(Signal.INT, intr);
            // the explorer may have taken SIGWINCH; give it back so the prompt follows resizes
            terminal.handle(Signal.WINCH, terminal.handle(Signal.WINCH, Terminal.SignalHandler.SIG_DFL));
        }
    }

    /** Prints an answer, through the pager when it is longer than the screen. */
    private static void show(Terminal terminal, String text, Pager pager) {
        if (text.isEmpty()) {
            return;
        }
        int height = terminal.getHeight();
        if (height > 0 && !Terminal.TYPE_DUMB.equals(terminal.getType())
                && screenLines(text, terminal.getWidth()) > height - 1) {
            terminal.writer().flush();
            // the pager gets Ctrl-C (less uses it to stop a search); the REPL ignores it meanwhile
            Terminal.SignalHandler previous = terminal.handle(Signal.INT, Terminal.SignalHandler.SIG_IGN);
            try {
                if (pager.page(text)) {
                    return;
                }
            } finally {
                terminal.handle(Signal.INT, previous);
            }
        }
        print(terminal.writer(), text);
    }

    /** How many rows the text takes on a screen this wide, long lines wrapping. */
    static int screenLines(String text, int width) {
        int rows = 0;
        for (String line : text.split("\n", -1)) {
            rows += width > 0 ? Math.max(1, (line.length() + width - 1) / width) : 1;
        }
        return text.endsWith("\n") ? rows - 1 : rows;
    }

    private LineReader reader(Terminal terminal, History history, Path historyFile) {
        DefaultParser parser = new DefaultParser();
        // The command splitter knows no backslash escapes outside double quotes: regexes keep theirs.
        parser.setEscapeChars(new char[0]);
        LineReaderBuilder b = LineReaderBuilder.builder()
                .appName("pktpath-tui")
                .terminal(terminal)
                .parser(parser)
                .completer(new ReplCompleter(session, registry))
                .history(history)
                // "filter !mm" must not be taken for a history expansion
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .variable(LineReader.HISTORY_FILE_SIZE, 5000);
        if (historyFile != null) {
            b.variable(LineReader.HISTORY_FILE, historyFile);
        }
        return b.build();
    }
}
