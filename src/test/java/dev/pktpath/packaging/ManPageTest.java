package dev.pktpath.packaging;

import dev.pktpath.cli.Main;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.SessionCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The man page has every section, command and REPL command, and renders without a warning. */
class ManPageTest {
    static final Path PAGE = Path.of("man/pktpath-tui.1");

    @Test
    void groffRendersItWithoutWarnings() throws Exception {
        Processes.assumeInstalled("groff");
        Processes.Result r = Processes.run(Path.of("."), Map.of(), List.of("groff", "-man", "-ww", "-z", PAGE.toString()));
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
    }

    @Test
    void mandocFindsNothingToWarnAbout() throws Exception {
        Processes.assumeInstalled("mandoc");
        Processes.Result r = Processes.run(Path.of("."), Map.of(),
                List.of("mandoc", "-Tlint", "-W", "warning", PAGE.toString()));
        assertThat(r.out() + r.err()).isEmpty();
        assertThat(r.status()).isZero();
    }

    @Test
    void manShowsTheNameAndEverySection() throws Exception {
        Processes.assumeInstalled("man");
        Processes.Result r = Processes.run(Path.of("."), Map.of("MANWIDTH", "80", "MAN_KEEP_FORMATTING", ""),
                List.of("man", "-l", "-P", "cat", PAGE.toString()));
        assertThat(r.status()).as(r.err()).isZero();
        String text = r.out().replaceAll(".\b", "");
        assertThat(text).contains("pktpath-tui - a terminal crash explorer for Linux kernel backtraces")
                .contains("SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "KEYS", "REPL COMMANDS", "EXIT STATUS",
                        "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO")
                .contains("crash(8)", "less(1)");
    }

    @Test
    void coversEveryCommandEveryReplCommandAndTheEnvironment() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        CliModel m = CliModel.of(Main.commandLine());
        for (CliModel.Cmd c : m.root().subcommands()) {
            assertThat(page).contains(".SS \"pktpath\\-tui " + ManPage.roff(c.name()) + "\"");
        }
        for (SessionCommand c : CommandRegistry.standard().commands()) {
            assertThat(page).contains(".TP\n\\fB" + ManPage.roff(c.name()) + "\\fR");
        }
        assertThat(page).contains(".B NO_COLOR", ".B TERM", ".B XDG_STATE_HOME", ".B XDG_CONFIG_HOME",
                "\\fB\\-\\-color\\fR=\\fIWHEN\\fR", "pktpath\\-tui 0", ".BR crash (8)");
        assertThat(page).doesNotContainPattern("@[A-Z_]+@");
    }

    @Test
    void escapesTextThatRoffWouldReadAsARequestOrAnEscape(@TempDir Path dir) throws Exception {
        assertThat(ManPage.text(".hidden")).isEqualTo("\\&.hidden");
        assertThat(ManPage.text("'quoted")).isEqualTo("\\&'quoted");
        assertThat(ManPage.roff("a\\b --x")).isEqualTo("a\\eb \\-\\-x");
        // a whole page from the test double, whose help has brackets, colons and quotes, renders cleanly
        Processes.assumeInstalled("groff");
        String page = ManPage.write(Files.readString(GeneratedFiles.TEMPLATE), FakeCli.model(), "9.9",
                CommandRegistry.standard().commands());
        Path file = dir.resolve("fakepkt.1");
        Files.writeString(file, page);
        Processes.Result r = Processes.run(dir, Map.of(), List.of("groff", "-man", "-ww", "-z", file.toString()));
        assertThat(r.err()).isEmpty();
        assertThat(page).contains("\\fB\\-s\\fR \\fIS\\fR, \\fB\\-\\-subsystem\\fR=\\fIS\\fR", "May be given more than once.", ".IP\n\\&.A second paragraph.\n",
                "\\fIS\\fR is one of: ").contains(" net, ", " net\\-tcp, ");
    }
}
