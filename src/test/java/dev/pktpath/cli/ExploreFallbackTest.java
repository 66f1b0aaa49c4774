package dev.pktpath.cli;

import dev.pktpath.testing.InProcessCli;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pktpath-tui FILE} opens the explorer only on a terminal. Under the test runner stdout is
 * not a terminal (System.console() is null), so it must behave exactly like {@code print}.
 */
class ExploreFallbackTest {
    private static final String FILE = "../shared/corpus/crash-bt/054-commit-foreach-nmi-softirq-x86_64.txt";

    @Test
    void withoutATerminalTheFileIsPrinted() {
        InProcessCli.Result explore = InProcessCli.run(FILE);
        InProcessCli.Result print = InProcessCli.run("print", FILE);
        assertThat(explore.status()).isZero();
        assertThat(explore.out()).isEqualTo(print.out()).contains("clone_endio");
    }

    @Test
    void withoutATerminalTheSampleIsPrinted() {
        InProcessCli.Result explore = InProcessCli.run("--sample");
        assertThat(explore.status()).isZero();
        assertThat(explore.out()).isEqualTo(InProcessCli.run("print", "--sample").out());
    }

    @Test
    void dumbAndMissingTerminalsAreNotTerminals() {
        assertThat(Main.onTerminal("dumb")).isFalse();
        assertThat(Main.onTerminal(null)).isFalse();
        assertThat(Main.onTerminal("")).isFalse();
    }

    @Test
    void colourAndAsciiFollowTheOptionsNoColorAndTheTerminal() {
        assertThat(Main.Display.of(CommonOptions.ColorMode.auto, false, "xterm-256color", null))
                .isEqualTo(new Main.Display(true, false));
        assertThat(Main.Display.of(CommonOptions.ColorMode.auto, false, "xterm", "1")).isEqualTo(new Main.Display(false, false));
        assertThat(Main.Display.of(CommonOptions.ColorMode.never, false, "xterm", null)).isEqualTo(new Main.Display(false, false));
        assertThat(Main.Display.of(CommonOptions.ColorMode.auto, false, "vt100", null)).isEqualTo(new Main.Display(false, true));
        assertThat(Main.Display.of(CommonOptions.ColorMode.always, false, "vt220", null)).isEqualTo(new Main.Display(true, true));
        assertThat(Main.Display.of(CommonOptions.ColorMode.auto, true, "screen", null)).isEqualTo(new Main.Display(true, true));
    }

    @Test
    void theFallbackKeepsTheCommonOptions() {
        InProcessCli.Result r = InProcessCli.run("--rules=/no/such/rules.txt", FILE);
        assertThat(r.status()).isEqualTo(InProcessCli.run("print", "--rules=/no/such/rules.txt", FILE).status());
        assertThat(r.err()).contains("rules.txt");
    }

    @Test
    void aMissingFileIsAOneLineErrorNotAScreen() {
        InProcessCli.Result r = InProcessCli.run("/no/such/dump.txt");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("no such file").doesNotContain("Exception");
    }
}
