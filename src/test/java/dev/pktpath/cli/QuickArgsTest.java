package dev.pktpath.cli;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link QuickArgs} reads some command lines by hand so that they start without picocli's model.
 * Held here to picocli: every line it reads, picocli reads too, into the same fields, and running it
 * prints the same as running it through picocli; lines it declines still run (through picocli).
 */
class QuickArgsTest {
    private static final String FILE = "../shared/corpus/crash-bt/054-commit-foreach-nmi-softirq-x86_64.txt";

    /** Words the options, their values and operands are made of, well-formed or not. */
    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> word = Arbitraries.of("print", "journey", "--sample", "--json", "--ascii", "--text", "--debug",
                "--color", "--color=never", "--color=always", "--color=auto", "--color=", "--color=Never", "never", "auto",
                "--rules", "--rules=/no/such/rules", "/no/such/rules", "--rules=-x", "--trace", "--trace=2", "2", "0", "010",
                "0x1", "99999999999", "-1", "--subsystem", "--subsystem=net", "net", "!fault", "stage:l4", "--", "-", "-h",
                "--help", "-V", "--version", "@args", "", "dump.txt", "x=y", "--bogus", "--json=true", "--sample=false",
                "-x", "--width", "--width=80", "print print");
        // half of them print's: a random first word is rarely "print"
        Arbitrary<List<String>> print = word.list().ofMaxSize(5).map(rest -> {
            List<String> l = new ArrayList<>(List.of("print"));
            l.addAll(rest);
            return l;
        });
        return Arbitraries.oneOf(word.list().ofMaxSize(6), print);
    }

    @Property(tries = 4000)
    void whatItReadsPicocliReadsTheSame(@ForAll("lines") List<String> line) {
        String[] args = line.toArray(String[]::new);
        PrintCommand quick = QuickArgs.print(args);
        Main explore = quick == null ? QuickArgs.explore(args) : null;
        Statistics.label("read").collect(quick != null ? "print" : explore != null ? "explorer" : "declined");
        if (quick == null && explore == null) {
            return;
        }
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args); // throws if picocli would refuse it
        if (quick != null) {
            assertThat(parsed.subcommand()).as("picocli reads print").isNotNull();
            assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("print");
            assertThat(parsed.subcommand().isUsageHelpRequested() || parsed.subcommand().isVersionHelpRequested()).isFalse();
            assertThat(fields(quick)).isEqualTo(fields((PrintCommand) parsed.subcommand().commandSpec().userObject()));
        } else {
            assertThat(parsed.subcommand()).as("picocli reads the root command").isNull();
            assertThat(parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()).isFalse();
            assertThat(fields(explore)).isEqualTo(fields((Main) parsed.commandSpec().userObject()));
        }
    }

    /** The lines users type most: these must be read here, not left to picocli. */
    @Example
    void readsTheCommonLines() {
        for (String[] args : commonPrintLines()) {
            assertThat(QuickArgs.print(args)).as(String.join(" ", args)).isNotNull();
        }
        assertThat(QuickArgs.explore("--sample")).isNotNull();
        assertThat(QuickArgs.explore(FILE)).isNotNull();
        assertThat(QuickArgs.explore("--color=never", "--ascii", "--", "-")).isNotNull();
    }

    @Example
    void leavesHelpVersionMistakesAndSubcommandsToPicocli() {
        for (String[] args : new String[][]{{"print", "--help"}, {"print", "-h"}, {"print", "--sample", "--sample"},
                {"print", "--bogus", "--sample"}, {"print", "a", "b"}, {"print", "--trace", "--sample"},
                {"print", "--color=sometimes", "--sample"}, {"print", "@args"}, {"print", "--trace", "010", "--sample"},
                {"print", "--", "--", "x"}, {"print", "--", "-x"}, {"print", "-Vh"}}) {
            assertThat(QuickArgs.print(args)).as(String.join(" ", args)).isNull();
        }
        for (String[] args : new String[][]{{}, {"--color=never"}, {"--version"}, {"--json", "--sample"},
                {"journey", "--sample"}, {"--", "journey"}, {"--rules", "print", "x"}, {"x", "y"}}) {
            assertThat(QuickArgs.explore(args)).as(String.join(" ", args)).isNull();
        }
    }

    /** Through {@link Main#execute} (read here) and through picocli's whole tree: the same status, output and errors. */
    @Example
    void printsWhatPicocliPrints() throws IOException {
        List<String[]> lines = new ArrayList<>(commonPrintLines());
        lines.removeIf(args -> List.of(args).contains("-")); // stdin is the test runner's
        lines.add(new String[]{"--sample"});                       // the explorer without a terminal prints
        lines.add(new String[]{"--color=never", "--ascii", FILE});
        lines.add(new String[]{"--rules=/no/such/rules.txt", FILE});
        lines.add(new String[]{"print", "/no/such/dump.txt"});
        lines.add(new String[]{"print", "--trace", "99", FILE});
        lines.add(new String[]{"print", "--subsystem", "(net", FILE});
        lines.add(new String[]{"print", "--json"});
        try (Stream<Path> files = Files.list(Path.of("../shared/corpus/crash-bt"))) {
            files.filter(Files::isRegularFile).sorted().limit(12).forEach(f -> {
                lines.add(new String[]{"print", f.toString()});
                lines.add(new String[]{"print", "--json", f.toString()});
            });
        }
        for (String[] args : lines) {
            assertThat(QuickArgs.print(args) != null || QuickArgs.explore(args) != null).as(String.join(" ", args)).isTrue();
            assertThat(quick(args)).as(String.join(" ", args)).isEqualTo(picocli(args));
        }
    }

    private static List<String[]> commonPrintLines() {
        return List.of(new String[]{"print", "--sample"}, new String[]{"print", "--json", "--sample"},
                new String[]{"print", FILE}, new String[]{"print", "--json", FILE}, new String[]{"print", "-"},
                new String[]{"print", "--color=never", "--ascii", "--sample"}, new String[]{"print", "--color", "always", FILE},
                new String[]{"print", "--json", "--trace", "2", FILE}, new String[]{"print", "--trace=1", "--sample"},
                new String[]{"print", "--subsystem", "net", "--subsystem", "!fault", FILE},
                new String[]{"print", "--subsystem=stage:l4", "--sample"}, new String[]{"print", "--text", "--debug", FILE},
                new String[]{"print", "--rules", "/no/such/rules.txt", FILE}, new String[]{"print", "--", FILE},
                new String[]{"print", FILE, "--json"});
    }

    private static String quick(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return status + "\n" + out + "\n" + err;
    }

    private static String picocli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return status + "\n" + out + "\n" + err;
    }

    private static List<Object> fields(PrintCommand p) {
        return List.of(fields(p.common), p.input.sample, String.valueOf(p.input.file), String.valueOf(p.input.trace),
                p.json, p.subsystems);
    }

    private static List<Object> fields(Main m) {
        return List.of(fields(m.common), m.sample, String.valueOf(m.file));
    }

    private static List<Object> fields(CommonOptions c) {
        return List.of(c.color, c.ascii, String.valueOf(c.rules), c.text, c.debug);
    }
}
