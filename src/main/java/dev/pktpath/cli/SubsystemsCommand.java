package dev.pktpath.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** Placeholder until its issue lands: says so honestly and exits with a usage error. */
@Command(name = "subsystems", mixinStandardHelpOptions = true, description = "List the subsystem and journey-stage rules in force.")
final class SubsystemsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("pktpath-tui subsystems: not implemented yet");
        return 2;
    }
}
