package dev.pktpath.testing;

import dev.pktpath.cli.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the command line in this JVM, as a user would type it, and keeps what it wrote: the fast way
 * through the real surface (picocli parsing, exit status, stdout and stderr) without a subprocess.
 */
public final class InProcessCli {
    /** The exit status and everything written to stdout and stderr. */
    public record Result(int status, String out, String err) {
    }

    private InProcessCli() {
    }

    /** The whole command tree, as {@code --help} and the completions see it. */
    public static Result run(String... args) {
        return run(Main.commandLine(), args);
    }

    /**
     * As {@link Main#run} runs it for a real start: {@code print} and the explorer's lines read by
     * hand (QuickArgs), anything else through only the command tree the arguments name.
     */
    public static Result runAsMain(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    /** A tree the test has prepared, for example with an extra subcommand. */
    public static Result run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int status = commandLine.execute(args);
        return new Result(status, out.toString(), err.toString());
    }
}
