package dev.pktpath.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** Placeholder until its issue lands: says so honestly and exits with a usage error. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Compare two backtraces (files, or FILE#N for trace N).")
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("pktpath-tui diff: not implemented yet");
        return 2;
    }
}
