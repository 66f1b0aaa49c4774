package dev.pktpath.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** Placeholder until its issue lands: says so honestly and exits with a usage error. */
@Command(name = "repl", mixinStandardHelpOptions = true, description = "Start the line-mode REPL (reads a script from stdin when it is not a terminal).")
final class ReplCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("pktpath-tui repl: not implemented yet");
        return 2;
    }
}
