package dev.pktpath.cli;

import dev.pktpath.render.Sanitizer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.RulesException;
import dev.pktpath.parse.ParseException;
import dev.pktpath.parse.InputReader;
import dev.pktpath.parse.TextInput;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.LoadedDump;
import dev.pktpath.session.Session;
import dev.pktpath.tui.TerminalExplorer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The {@code pktpath-tui} command: opens the explorer on a dump, or runs a subcommand. */
@Command(name = "pktpath-tui", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A terminal crash explorer for Linux kernel backtraces.",
        footer = {"", "Examples:",
                "  pktpath-tui dump.txt                        explore a crash dump",
                "  pktpath-tui --sample                        explore the embedded sample",
                "  pktpath-tui --color=never --ascii dump.txt  monochrome, plain ASCII",
                "  pktpath-tui dump.txt | less                 not a terminal: prints instead",
                "  pktpath-tui print --json dump.txt           the traces as JSON, for scripts"})
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--sample", description = "Open the embedded sample backtrace.")
    boolean sample;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The dump to explore; - for stdin.")
    String file;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * The subcommands, in the order help lists them, built only when wanted: picocli reads a command's
     * annotations when it is added, and for a short command like {@code print} that reading is a large
     * part of the start-up time (see bench/startup.sh).
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("print", PrintCommand::new);
        m.put("journey", JourneyCommand::new);
        m.put("diff", DiffCommand::new);
        m.put("cluster", ClusterCommand::new);
        m.put("repl", ReplCommand::new);
        m.put("subsystems", SubsystemsCommand::new);
        m.put("bench", BenchCommand::new);
        return m;
    }

    /** Runs the command line and returns the exit status; never lets an exception escape as a stack trace. */
    public static int run(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // the same lines picocli prints, without first building its model of every option
            try {
                for (String line : new Version().getVersion()) {
                    System.out.println(line);
                }
                System.out.flush();
                return 0;
            } catch (IOException e) {
                // fall through: picocli reports it
            }
        }
        return commandLineFor(args).execute(args);
    }

    /** The whole command tree: for help, tests, and the generated completions and man page. */
    public static CommandLine commandLine() {
        return build(SUBCOMMANDS.keySet());
    }

    /**
     * Only what {@code args} can reach: the subcommand they name, plus {@code print}, which the root
     * command falls back to; for the explorer ({@code FILE}, {@code -} or {@code --sample}) just
     * {@code print}; the whole tree for help, or when nothing is named (the root's usage lists every
     * command). A usage error is reported by the whole tree, so its usage message is complete.
     */
    public static CommandLine commandLineFor(String... args) {
        boolean operand = false;
        for (String a : args) {
            if (a.equals("--")) {
                operand = true;
                break;
            }
            if (SUBCOMMANDS.containsKey(a)) {
                return trimmed(args, a.equals("print") ? List.of(a) : List.of("print", a));
            }
            if (a.equals("-h") || a.equals("--help")) {
                return commandLine();
            }
            operand |= a.equals("-") || a.equals("--sample") || !a.startsWith("-");
        }
        return operand ? trimmed(args, List.of("print")) : commandLine();
    }

    private static CommandLine trimmed(String[] args, List<String> names) {
        CommandLine cl = build(names);
        cl.setParameterExceptionHandler((ex, rest) -> {
            CommandLine full = commandLine();
            full.setOut(cl.getOut());
            full.setErr(cl.getErr());
            return full.execute(args);
        });
        return cl;
    }

    private static CommandLine build(Collection<String> names) {
        CommandLine cl = new CommandLine(new Main());
        for (String name : names) {
            cl.addSubcommand(name, SUBCOMMANDS.get(name).get());
        }
        // An Error (stack overflow, out of memory) passes picocli's handler by; turn it into an exception it handles.
        cl.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (StackOverflowError | OutOfMemoryError e) {
                throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), e.toString(), new IllegalStateException(e));
            }
        });
        // after the subcommands, so that they inherit the handler
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable shown = ex instanceof IllegalStateException && ex.getCause() instanceof Error ? ex.getCause() : ex;
            // one line, sanitised (a message may quote the dump); the stack trace only when asked for
            cmd.getErr().println("pktpath-tui: internal error: " + Sanitizer.clean(String.valueOf(shown))
                    + (debugAsked(parsed) ? "" : " (--debug shows the stack trace)"));
            if (debugAsked(parsed)) {
                // the trace repeats the message, which may quote the dump: sanitised line by line too
                java.io.StringWriter trace = new java.io.StringWriter();
                shown.printStackTrace(new java.io.PrintWriter(trace));
                for (String line : trace.toString().split("\\R")) {
                    cmd.getErr().println(Sanitizer.clean(line));
                }
            }
            cmd.getErr().flush();
            return 70;
        });
        return cl;
    }

    private static boolean debugAsked(CommandLine.ParseResult parsed) {
        for (CommandLine c : parsed.asCommandLineList()) {
            if (c.getParseResult() != null && c.getParseResult().hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Integer call() {
        if (!sample && file == null) {
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
        }
        String term = System.getenv("TERM");
        if (!onTerminal(term)) {
            // Not a terminal (a pipe, a file, TERM=dumb): behave like print, as the contract says.
            List<String> args = new ArrayList<>(List.of("print", "--color=" + common.color));
            if (common.ascii) {
                args.add("--ascii");
            }
            if (common.rules != null) {
                args.add("--rules=" + common.rules);
            }
            if (common.text) {
                args.add("--text");
            }
            args.addAll(sample ? List.of("--sample") : List.of("--", file));
            return spec.commandLine().execute(args.toArray(String[]::new));
        }
        Analyzer analyzer;
        TextInput input;
        try {
            analyzer = common.analyzer();
            // opening does the refusals (no such file, binary data, empty): one line before any screen
            input = sample ? InputReader.openSample() : InputReader.open(file, System.in, common.text);
        } catch (RulesException e) {
            spec.commandLine().getErr().println("pktpath-tui: " + e.getMessage());
            return 2;
        } catch (ParseException e) {
            spec.commandLine().getErr().println("pktpath-tui: " + e.getMessage());
            return 1;
        }
        Session session = new Session(analyzer);
        LoadedDump loaded = session.addLoading(sample ? Inputs.SAMPLE_SOURCE : file, input);
        String refused = awaitFirstTraces(loaded, "-".equals(file));
        if (refused != null) {
            session.cancelLoads();
            spec.commandLine().getErr().println("pktpath-tui: " + refused);
            return 1;
        }
        Display d = Display.of(common.color, common.ascii, term, System.getenv("NO_COLOR"));
        session.setColor(d.color());
        session.setAscii(d.ascii());
        TerminalExplorer.selectCrashingTrace(session);
        return TerminalExplorer.run(session, CommandRegistry.standard(), System.err);
    }

    /** How long the explorer waits for a dump's first trace before it opens the screen with a progress bar instead. */
    static final long FIRST_TRACE_WAIT_MS = 300;
    /** Below this many bytes a dump is shown whole when its first trace has come quickly. */
    static final long SMALL_DUMP = 4L << 20;

    /**
     * Lets a dump start loading before the screen opens: a small dump is then shown whole, a big one
     * with its first traces, and one that turns out to hold no backtrace is refused with the contract's
     * one line instead of a screen (the explorer refuses it the same way if that shows only later).
     * stdin is read whole first: the explorer reads its keys from it.
     *
     * @return the one-line refusal, or null to open the screen
     */
    static String awaitFirstTraces(LoadedDump loaded, boolean wholeFirst) {
        try {
            if (wholeFirst) {
                loaded.load().await(Long.MAX_VALUE);
            } else if (loaded.load().awaitFirstTrace(FIRST_TRACE_WAIT_MS)) {
                // the rest of a small dump (a few MB) is a moment away: show it whole, not in two steps
                long size = loaded.load().bytesTotal();
                loaded.load().await(size >= 0 && size < SMALL_DUMP ? 700 : 50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (loaded.load().isDone() && loaded.traces().isEmpty()) {
            String failure = loaded.load().failure();
            return failure != null ? failure : loaded.dump().source() + ": no backtrace found";
        }
        return null;
    }

    /** How the explorer draws: colour or not, Unicode or ASCII. */
    record Display(boolean color, boolean ascii) {
        /** {@code vt100}, {@code vt102}, {@code vt220}, {@code vt52}: monochrome, no Unicode line drawing. */
        private static final Pattern PLAIN_TERMINALS = Pattern.compile("vt\\d+.*");

        static Display of(CommonOptions.ColorMode mode, boolean ascii, String term, String noColor) {
            boolean plain = term != null && PLAIN_TERMINALS.matcher(term).matches();
            boolean color = switch (mode) {
                case always -> true;
                case never -> false;
                case auto -> noColor == null && !plain;
            };
            return new Display(color, ascii || plain);
        }
    }

    /** The explorer needs a terminal on both ends and a TERM that can move the cursor. */
    static boolean onTerminal(String term) {
        return System.console() != null && term != null && !term.isBlank() && !term.equals("dumb");
    }

    /** Version from the build, plus the Java runtime it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/dev/pktpath/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[]{
                    "pktpath-tui " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
