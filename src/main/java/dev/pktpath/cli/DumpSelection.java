package dev.pktpath.cli;

import dev.pktpath.parse.ParseException;
import dev.pktpath.parse.TextInput;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/**
 * The input options that {@code print} and {@code journey} share: FILE (or {@code -}), {@code --sample}
 * and {@code --trace N}, with one way to load them and one set of messages and exit statuses.
 */
final class DumpSelection {
    @Option(names = "--trace", paramLabel = "N", description = "Only trace N (1-based).")
    Integer trace;

    @Option(names = "--sample", description = "Use the embedded sample instead of FILE.")
    boolean sample;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The dump to read; - for stdin.")
    String file;

    /** Why a selection failed: the message is already printed; the status is the exit status. */
    static final class Failure extends Exception {
        final int status;

        Failure(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** Fails with status 2 (usage) when neither FILE nor --sample is given. */
    void requireInput(String command, PrintWriter err) throws Failure {
        if (!sample && file == null) {
            err.println("pktpath-tui " + command + ": a FILE (or - for stdin, or --sample) is required");
            throw new Failure(2);
        }
    }

    /** The name the input goes by in output ({@code source} in JSON). */
    String source() {
        return TraceFeed.source(sample ? null : file);
    }

    /**
     * Opens the input and streams its traces to {@code printer}, then checks that there was something to
     * print: status 1 when the input cannot be read, holds no backtrace, or has no trace N. Those last two
     * are known only at the end of the input; nothing has been written to the output then. A progress
     * line shows on stderr (a terminal) from the start, as opening stdin may wait for a writer.
     */
    <R> void print(CommonOptions common, TracePrinter<R> printer, PrintWriter err) throws Failure {
        try (Progress progress = Progress.on(err, source(), -1)) {
            TextInput in = TraceFeed.open(sample ? null : file, System.in, common.text);
            progress.progress(0, in.size());
            printer.progress(progress);
            TraceFeed.stream(source(), in, printer, progress);
            printer.finish();
        } catch (ParseException e) {
            err.println("pktpath-tui: " + e.getMessage());
            throw new Failure(1);
        }
        if (printer.seen() == 0 && !sample) {
            err.println("pktpath-tui: " + file + ": no backtrace found");
            throw new Failure(1);
        }
        if (trace != null && !printer.found()) {
            err.println("pktpath-tui: " + source() + ": no trace " + trace + " (it has " + printer.seen() + ")");
            throw new Failure(1);
        }
    }
}
