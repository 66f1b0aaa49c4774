package dev.pktpath.packaging;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * A small command tree with every kind of option the generators must handle, including the
 * contract's {@code --subsystem} and {@code --stage} value lists that the live commands gain as other
 * issues land. The shell tests run against scripts generated from it, and against the checked-in ones.
 */
@Command(name = "fakepkt", mixinStandardHelpOptions = true, description = "A test double of pktpath-tui.",
        subcommands = {FakeCli.Print.class, FakeCli.Diff.class},
        footer = {"", "Examples:", "  fakepkt dump.txt   explore it", "  fakepkt --sample"})
final class FakeCli {
    enum When { auto, always, never }

    @Option(names = "--color", paramLabel = "WHEN", description = "Colour: ${COMPLETION-CANDIDATES}.")
    When color;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra rules [with brackets]: and 'quotes'.")
    String rules;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The dump.")
    String file;

    @Command(name = "print", description = "Print it.", mixinStandardHelpOptions = true)
    static final class Print {
        @Option(names = {"-s", "--subsystem"}, paramLabel = "S", description = {"Keep subsystem S.", ".A second paragraph."})
        List<String> subsystems;

        @Option(names = "--stage", paramLabel = "STAGE", description = "Keep stage STAGE.")
        String stage;

        @Option(names = "--trace", paramLabel = "N", description = "Only trace N.")
        Integer trace;

        @Option(names = "--json", description = "JSON.")
        boolean json;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "The dump.")
        String file;
    }

    @Command(name = "diff", description = "Compare two.")
    static final class Diff {
        @Parameters(index = "0", paramLabel = "A", description = "First.")
        String a;

        @Parameters(index = "1", paramLabel = "B", description = "Second.")
        String b;
    }

    static CliModel model() {
        return CliModel.of(new CommandLine(new FakeCli()));
    }
}
