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
        assertThat(Main.commandLineFor("dump.txt").getSubcommands()).containsOnlyKeys(
                Main.commandLine().getSubcommands().keySet().toArray(new String[0]));
        assertThat(Main.commandLineFor("--help").getSubcommands()).hasSize(Main.commandLine().getSubcommands().size());
        assertThat(Main.commandLineFor("--", "print").getSubcommands()).hasSize(Main.commandLine().getSubcommands().size());
    }

    @Test
    void printsTheSameThroughTheSmallTreeAsThroughTheWholeOne() {
        for (String[] args : new String[][]{{"print", "--sample"}, {"print", "--json", "--sample"}, {"--sample"},
                {"print", "--help"}, {"print", "--trace", "9", "--sample"}, {"print", "--bogus"}}) {
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
