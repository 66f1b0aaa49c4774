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

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
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
     * part of the start-up time (see bench/startup.sh). A switch, not a map of constructor references:
     * each of those is an invokedynamic linked at class initialisation, on every start.
     */
    private static final List<String> SUBCOMMANDS = List.of("print", "journey", "diff", "cluster", "repl", "subsystems", "bench");

    private static Object newSubcommand(String name) {
        return switch (name) {
            case "print" -> new PrintCommand();
            case "journey" -> new JourneyCommand();
            case "diff" -> new DiffCommand();
            case "cluster" -> new ClusterCommand();
            case "repl" -> new ReplCommand();
            case "subsystems" -> new SubsystemsCommand();
            case "bench" -> new BenchCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    static boolean isSubcommand(String name) {
        return SUBCOMMANDS.contains(name);
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
        return execute(args, writer(System.out, "sun.stdout.encoding"), writer(System.err, "sun.stderr.encoding"));
    }

    /**
     * Runs the command line with this output and error output: {@code print} and the explorer on the
     * lines {@link QuickArgs} reads, without picocli's model; otherwise the command tree the line
     * needs ({@link #commandLineFor}).
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        PrintCommand print = QuickArgs.print(args);
        Main explore = print == null ? QuickArgs.explore(args) : null;
        if (print != null || explore != null) {
            // what picocli does with the command's result and its exceptions, as build() sets it up
            try {
                return print != null ? print.run(out, err) : explore.explore(out, err);
            } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
                return internalError(err, e, (print != null ? print.common : explore.common).debug);
            }
        }
        CommandLine cl = commandLineFor(args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /**
     * The writer picocli makes for {@code System.out} or {@code System.err} when none is set
     * ({@code CommandLine.getOut}): the same charset ({@code sun.stdout.encoding}, else the default),
     * buffered, flushed on each line.
     */
    static PrintWriter writer(PrintStream stream, String encodingProperty) {
        String name = System.getProperty(encodingProperty);
        Charset charset = Charset.defaultCharset();
        if (name != null) {
            try {
                charset = Charset.forName("cp65001".equalsIgnoreCase(name) ? "UTF-8" : name);
            } catch (RuntimeException e) {
                // picocli falls back to the default too
            }
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }

    /** The whole command tree: for help, tests, and the generated completions and man page. */
    public static CommandLine commandLine() {
        return build(SUBCOMMANDS);
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
            if (SUBCOMMANDS.contains(a)) {
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
            cl.addSubcommand(name, newSubcommand(name));
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
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> internalError(cmd.getErr(),
                ex instanceof IllegalStateException && ex.getCause() instanceof Error ? ex.getCause() : ex, debugAsked(parsed)));
        return cl;
    }

    /** One line, sanitised (a message may quote the dump); the stack trace only when asked for. Status 70. */
    private static int internalError(PrintWriter err, Throwable shown, boolean debug) {
        err.println("pktpath-tui: internal error: " + Sanitizer.clean(String.valueOf(shown))
                + (debug ? "" : " (--debug shows the stack trace)"));
        if (debug) {
            // the trace repeats the message, which may quote the dump: sanitised line by line too
            java.io.StringWriter trace = new java.io.StringWriter();
            shown.printStackTrace(new java.io.PrintWriter(trace));
            for (String line : trace.toString().split("\\R")) {
                err.println(Sanitizer.clean(line));
            }
        }
        err.flush();
        return 70;
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
        return explore(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The explorer on FILE or the sample; without a terminal, {@code print} instead. */
    int explore(PrintWriter out, PrintWriter err) {
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
            return execute(args.toArray(String[]::new), out, err);
        }
        Analyzer analyzer;
        TextInput input;
        try {
            analyzer = common.analyzer();
            // opening does the refusals (no such file, binary data, empty): one line before any screen
            input = sample ? InputReader.openSample() : InputReader.open(file, System.in, common.text);
        } catch (RulesException e) {
            err.println("pktpath-tui: " + e.getMessage());
            return 2;
        } catch (ParseException e) {
            err.println("pktpath-tui: " + e.getMessage());
            return 1;
        }
        Session session = new Session(analyzer);
        LoadedDump loaded = session.addLoading(sample ? Inputs.SAMPLE_SOURCE : file, input);
        String refused = awaitFirstTraces(loaded, "-".equals(file));
        if (refused != null) {
            session.cancelLoads();
            err.println("pktpath-tui: " + refused);
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
