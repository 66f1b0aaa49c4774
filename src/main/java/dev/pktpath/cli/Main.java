package dev.pktpath.cli;

import dev.pktpath.render.Sanitizer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;

/** The {@code pktpath-tui} command: opens the explorer on a dump, or runs a subcommand. */
@Command(name = "pktpath-tui", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A terminal crash explorer for Linux kernel backtraces.",
        subcommands = {PrintCommand.class, JourneyCommand.class, DiffCommand.class, ClusterCommand.class,
                ReplCommand.class, SubsystemsCommand.class, BenchCommand.class},
        footer = {"", "Examples:",
                "  pktpath-tui dump.txt           explore a crash dump",
                "  pktpath-tui --sample           explore the embedded \"A Packet's Path\" sample",
                "  pktpath-tui print --json dump.txt"})
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

    /** Runs the command line and returns the exit status; never lets an exception escape as a stack trace. */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // An Error (stack overflow, out of memory) passes picocli's handler by; turn it into an exception it handles.
        cl.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (StackOverflowError | OutOfMemoryError e) {
                throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), e.toString(), new IllegalStateException(e));
            }
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable shown = ex instanceof IllegalStateException && ex.getCause() instanceof Error ? ex.getCause() : ex;
            // one line, sanitised (a message may quote the dump); the stack trace only when asked for
            cmd.getErr().println("pktpath-tui: internal error: " + Sanitizer.clean(String.valueOf(shown))
                    + (debugAsked(parsed) ? "" : " (--debug shows the stack trace)"));
            if (debugAsked(parsed)) {
                shown.printStackTrace(cmd.getErr());
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
        // Until the explorer lands, exploring means printing.
        String[] args = sample ? new String[]{"print", "--sample"} : new String[]{"print", file};
        return spec.commandLine().execute(args);
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
