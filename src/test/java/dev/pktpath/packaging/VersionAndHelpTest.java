package dev.pktpath.packaging;

import dev.pktpath.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** --version names the build and the Java runtime; --help carries examples that the man page also shows. */
class VersionAndHelpTest {
    static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void versionPrintsTheBuildVersionAndTheJavaRuntime() throws Exception {
        String v = run("--version");
        assertThat(v.lines().toList()).hasSize(2);
        assertThat(v).startsWith("pktpath-tui " + GeneratedFiles.version() + "\n")
                .contains("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        assertThat(GeneratedFiles.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void versionTakesAShortCutThatPrintsWhatPicocliPrints() {
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("--version")).isZero();
            assertThat(Main.run("-V")).isZero();
        } finally {
            System.setOut(saved);
        }
        String viaPicocli = run("--version").replace(System.lineSeparator(), "\n");
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"))
                .isEqualTo(viaPicocli + viaPicocli);
    }

    @Test
    void helpOfTheRootAndOfPrintEndsWithExamplesThatFitEightyColumns() {
        for (String[] args : new String[][]{{"--help"}, {"print", "--help"}}) {
            String help = run(args);
            List<String> footer = help.substring(help.indexOf("\nExamples:\n") + 1).lines().toList();
            assertThat(footer).as(String.join(" ", args)).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(79));
            List<Examples.Example> examples = Examples.of(footer);
            assertThat(examples).as(String.join(" ", args)).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(x -> assertThat(x.command()).contains("pktpath-tui "))
                    .allSatisfy(x -> assertThat(x.text()).as(x.command()).isNotBlank());
        }
    }
}
