package dev.pktpath.repl;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.Session;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripts: commands from a reader, no prompt, nothing echoed, errors one line each, status 1 on failure. */
class ScriptedReplTest {
    private final Session session = new Session(Analyzer.builtIn());
    private final Repl repl = new Repl(session, CommandRegistry.standard(), ExplorerLauncher.UNAVAILABLE);

    record Run(int status, String out, String err) {
    }

    private Run script(String text) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = repl.runScript(new BufferedReader(new StringReader(text)), "cmds.txt", new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void loadsNavigatesAndPrintsOnlyTheAnswers() {
        Run r = script("""
                # a comment line
                load ../shared/samples/seed-packet-path.txt
                traces
                frame 20   # trailing comment
                search ^ip_rcv$
                """);
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).doesNotContain(Repl.PROMPT).doesNotContain("\u001b").doesNotContain("load ");
        assertThat(r.out().lines().toList()).first().isEqualTo("d1: ../shared/samples/seed-packet-path.txt, 1 trace");
        assertThat(r.out()).contains("* trace 1/1").contains("#20 tcp_ack").contains("#27 ip_rcv");
        assertThat(session.frameIndex()).isEqualTo(27);
    }

    @Test
    void aFailedCommandIsOneLineNamingTheScriptLineAndTheStatusIsOne() {
        Run r = script("""
                load <sample>
                trace 2
                frame 99
                bt
                """);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines().toList()).containsExactly(
                "pktpath-tui: cmds.txt:2: no trace 2 in d1 (it has 1)",
                "pktpath-tui: cmds.txt:3: no frame #99 in this trace");
        // the script went on after the errors
        assertThat(r.out()).contains("bnx2_poll_work");
    }

    @Test
    void quitStopsTheScript() {
        Run r = script("load <sample>\nquit\nframe 5\n");
        assertThat(r.status()).isZero();
        assertThat(session.frameIndex()).isZero();
    }

    @Test
    void exploreNeedsATerminal() {
        Run r = script("load <sample>\nexplore\n");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("pktpath-tui: cmds.txt:2: explore needs an interactive terminal");
    }

    @Test
    void loadDashRefusesWhenStdinHoldsTheScript() {
        session.setStdin(null);
        Run r = script("load -\n");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("stdin holds the commands");
    }

    @Test
    void severalDumpsGetShortNamesAndTraceRefsSwitchBetweenThem() {
        Run r = script("""
                load <sample>
                load ../shared/samples/seed-packet-path.txt
                dumps
                trace d1#1
                dumps
                """);
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).contains("d2: ../shared/samples/seed-packet-path.txt, 1 trace");
        assertThat(lines).containsSubsequence(
                "  d1  seed-packet-path.txt  1 trace", "* d2  ../shared/samples/seed-packet-path.txt  1 trace",
                "* d1  seed-packet-path.txt  1 trace", "  d2  ../shared/samples/seed-packet-path.txt  1 trace");
    }

    @Test
    void controlCharactersFromTheDumpNeverReachTheOutput() {
        Run r = script("load <sample>\nsearch \u001b[31m\n");
        assertThat(r.err()).doesNotContain("\u001b");
    }

    @Test
    void preloadReportsFailuresOnStderr() {
        StringWriter err = new StringWriter();
        int failures = repl.preload(List.of("<sample>", "/nonexistent/x.txt"), null, new PrintWriter(err, true));
        assertThat(failures).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("pktpath-tui: /nonexistent/x.txt: no such file");
        assertThat(session.dumps()).hasSize(1);
    }
}
