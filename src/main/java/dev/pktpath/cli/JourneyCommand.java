package dev.pktpath.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** Placeholder until its issue lands: says so honestly and exits with a usage error. */
@Command(name = "journey", mixinStandardHelpOptions = true, description = "Print the rx-to-tx packet journey of each trace.")
final class JourneyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("pktpath-tui journey: not implemented yet");
        return 2;
    }
}
