package dev.pktpath.cli;

import dev.pktpath.model.Dump;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.ParseException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;

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

    /** The dump, or status 1 with the reader's one-line reason. */
    Dump load(CommonOptions common, PrintWriter err) throws Failure {
        try {
            return sample ? Inputs.sample() : Inputs.load(file, System.in, common.text);
        } catch (ParseException e) {
            err.println("pktpath-tui: " + e.getMessage());
            throw new Failure(1);
        }
    }

    /** All traces, or just trace N (status 1 when the dump has no such trace). */
    List<Trace> chosen(Dump dump, PrintWriter err) throws Failure {
        List<Trace> all = dump.traces();
        if (trace == null) {
            return all;
        }
        if (trace < 1 || trace > all.size()) {
            err.println("pktpath-tui: " + dump.source() + ": no trace " + trace + " (it has " + all.size() + ")");
            throw new Failure(1);
        }
        return List.of(all.get(trace - 1));
    }
}
