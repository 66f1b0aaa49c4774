package dev.pktpath.cli;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.RulesException;
import dev.pktpath.repl.ExplorerLauncher;
import dev.pktpath.repl.HistoryFile;
import dev.pktpath.repl.Pager;
import dev.pktpath.repl.Repl;
import dev.pktpath.session.CommandException;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.Session;
import dev.pktpath.tui.TerminalExplorer;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "repl", mixinStandardHelpOptions = true,
        description = {"Start the line-mode REPL: load dumps, navigate, filter and diff from a prompt.",
                "When stdin is not a terminal, or with --script, it runs the commands without prompts "
                        + "and exits 1 if any failed."},
        footer = {"", "Examples:",
                "  pktpath-tui repl dump.txt",
                "  pktpath-tui repl dump.txt < commands.txt",
                "  pktpath-tui repl --script commands.txt dump.txt",
                "", "History: $XDG_STATE_HOME/pktpath-tui/history (default ~/.local/state/pktpath-tui/history)."})
final class ReplCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--script", paramLabel = "FILE", description = "Run the commands in FILE (- for stdin) instead of prompting.")
    String script;

    @Option(names = "--no-history", description = "Do not read or write the history file.")
    boolean noHistory;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Dumps to load first, as d1, d2, ...; - for stdin.")
    List<String> files = new ArrayList<>();

    /** {@code explore}: the full-screen explorer on the same session and commands; back at the prompt after q. */
    static ExplorerLauncher explorer(CommandRegistry commands) {
        return session -> {
            int status = TerminalExplorer.run(session, commands, System.err);
            if (status != 0) {
                throw new CommandException("explore: the explorer stopped (status " + status + ")");
            }
        };
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Analyzer analyzer;
        try {
            analyzer = common.analyzer();
        } catch (RulesException e) {
            err.println("pktpath-tui: " + e.getMessage());
            return 2;
        }
        Session session = new Session(analyzer);
        session.setAscii(common.ascii);
        CommandRegistry commands = CommandRegistry.standard();
        Repl repl = new Repl(session, commands, explorer(commands));

        boolean scripted = script != null || System.console() == null;
        boolean scriptOnStdin = script == null ? scripted : script.equals("-");
        if (scriptOnStdin) {
            if (files.contains("-")) {
                err.println("pktpath-tui repl: stdin holds the commands; it cannot also be a dump (use --script FILE)");
                return 2;
            }
            // load - would swallow the rest of the script
            session.setStdin(null);
        }
        if (scripted) {
            session.setColor(common.useColor(false));
            int failures = repl.preload(files, null, err);
            BufferedReader in;
            String name;
            try {
                if (scriptOnStdin) {
                    in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    name = "stdin";
                } else {
                    in = Files.newBufferedReader(Path.of(script), StandardCharsets.UTF_8);
                    name = script;
                }
            } catch (NoSuchFileException e) {
                err.println("pktpath-tui: " + script + ": no such file");
                return 1;
            } catch (IOException e) {
                err.println("pktpath-tui: " + script + ": cannot read (" + e.getMessage() + ")");
                return 1;
            }
            try (in) {
                int status = repl.runScript(in, name, out, err);
                return failures > 0 ? 1 : status;
            } catch (IOException e) {
                return failures > 0 ? 1 : 0;
            }
        }

        session.setColor(common.useColor(true));
        Path history = null;
        if (!noHistory) {
            history = HistoryFile.resolve(System::getenv, System.getProperty("user.home"));
            try {
                HistoryFile.prepare(history);
            } catch (IOException | SecurityException e) {
                err.println("pktpath-tui: history disabled: cannot create " + history + " (" + e.getMessage() + ")");
                history = null;
            }
        }
        PrintWriter console = new PrintWriter(System.out, true);
        repl.preload(files, console, err);
        // stdin is the terminal the prompt reads from
        session.setStdin(null);
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("pktpath-tui").build()) {
            return repl.runInteractive(terminal, history, Pager.external(System::getenv), err);
        } catch (IOException e) {
            err.println("pktpath-tui: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }
}
