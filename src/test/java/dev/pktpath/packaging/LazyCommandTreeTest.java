package dev.pktpath.packaging;

import dev.pktpath.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** A command line that names a subcommand builds only that one (and print), and behaves the same. */
class LazyCommandTreeTest {
    @Test
    void buildsOnlyTheNamedSubcommandAndPrint() {
        assertThat(Main.commandLineFor("print", "--sample").getSubcommands()).containsOnlyKeys("print");
        assertThat(Main.commandLineFor("--color", "never", "journey", "x").getSubcommands()).containsOnlyKeys("print", "journey");
        // the explorer needs only print, its fallback when stdout is not a terminal
        assertThat(Main.commandLineFor("dump.txt").getSubcommands()).containsOnlyKeys("print");
        assertThat(Main.commandLineFor("--color=never", "-").getSubcommands()).containsOnlyKeys("print");
        assertThat(Main.commandLineFor("--sample").getSubcommands()).containsOnlyKeys("print");
        assertThat(Main.commandLineFor("--", "journey").getSubcommands()).containsOnlyKeys("print");
        int all = Main.commandLine().getSubcommands().size();
        assertThat(all).isGreaterThan(5);
        assertThat(Main.commandLineFor("--help").getSubcommands()).hasSize(all);
        assertThat(Main.commandLineFor("--help", "dump.txt").getSubcommands()).hasSize(all);
        assertThat(Main.commandLineFor().getSubcommands()).hasSize(all);
        assertThat(Main.commandLineFor("--color=never").getSubcommands()).hasSize(all);
    }

    @Test
    void printsTheSameThroughTheSmallTreeAsThroughTheWholeOne() {
        for (String[] args : new String[][]{{"print", "--sample"}, {"print", "--json", "--sample"}, {"--sample"},
                {"print", "--help"}, {"print", "--trace", "9", "--sample"}, {"print", "--bogus"},
                {"--bogus", "dump.txt"}, {"--color=sometimes", "journey", "--sample"}, {"--color"},
                {"journey", "--bogus", "x"}, {"--sample", "--version"}}) {
            assertThat(run(Main.commandLineFor(args), args)).as(String.join(" ", args))
                    .isEqualTo(run(Main.commandLine(), args));
        }
    }

    private static String run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return status + "\n" + out + "\n" + err;
    }
}
