package dev.pktpath.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** Placeholder until its issue lands: says so honestly and exits with a usage error. */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "Group the traces of a multi-task dump into buckets of similar stacks.")
final class ClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("pktpath-tui cluster: not implemented yet");
        return 2;
    }
}
