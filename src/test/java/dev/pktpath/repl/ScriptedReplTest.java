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

    @Test
    void filterHidesFramesBtCountsThemAndUnfilterBringsThemBack() {
        Run r = script("""
                load <sample>
                filter net -net-tcp
                bt
                filter
                """);
        assertThat(r.status()).as(r.err()).isZero();
        // kept: #9-#16 (driver-tx .. l3-tx) and #24-#33 (l3-rx .. driver-rx); hidden: #0-#8 kdump/fault, #17-#23 net-tcp
        assertThat(r.out()).contains("filter: net -net-tcp  (18 of 34 frames shown)")
                .contains("... 9 frames hidden by the filter").contains("... 7 frames hidden by the filter")
                .contains("dev_hard_start_xmit").contains("bnx2_poll_work")
                .doesNotContain("tcp_ack").doesNotContain("machine_kexec");
        Run all = script("bt --all\nunfilter\nbt\n");
        assertThat(all.out().split("filter: none\n")[0]).contains("tcp_ack").doesNotContain("hidden by the filter");
        assertThat(all.out().split("filter: none\n")[1]).contains("tcp_ack").contains("machine_kexec");
        assertThat(session.filter()).isEmpty();
    }

    @Test
    void aBadFilterIsRefusedAndTheOldOneStays() {
        Run r = script("load <sample>\nfilter net\nfilter nett\nfilter\n");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("pktpath-tui: cmds.txt:3: filter: unknown subsystem 'nett'");
        assertThat(session.filter()).isEqualTo("net");
        assertThat(r.out()).endsWith("filter: net  (25 of 34 frames shown)\n");
    }

    @Test
    void journeyIsTheTimelineOfTheJourneyCommandAndAStageSelectsItsFrames() {
        Run r = script("load <sample>\nset ascii on\njourney\njourney l4-rx\n");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("rx  driver-rx   bnx2_poll > bnx2_poll_work")
                .contains("turnaround: tcp_ack -> tcp_xmit_retransmit_queue")
                .contains("tx  driver-tx   dev_hard_start_xmit")
                .contains("XX  crash       skb_clone+208");
        // the l4-rx stage in call order, oldest first; its first frame becomes current
        assertThat(r.out()).endsWith("rx  l4-rx\n   #23 tcp_v4_rcv\n   #22 tcp_v4_do_rcv\n   #21 tcp_rcv_state_process\n   #20 tcp_ack\n");
        assertThat(session.frameIndex()).isEqualTo(23);
    }

    @Test
    void journeyAsJsonAndJourneyErrors() {
        Run r = script("""
                load <sample>
                journey --json
                journey qdisc
                journey l2
                journey --json qdisc
                load ../shared/corpus/crash-bt/054-commit-foreach-nmi-softirq-x86_64.txt
                journey gro
                """);
        assertThat(r.out()).contains("\"stage\":\"driver-rx\"").contains("\"direction\":\"rx\"");
        assertThat(r.out()).contains("tx  qdisc\n   #10 sch_direct_xmit\n");
        assertThat(r.err().lines().toList()).containsExactly(
                "pktpath-tui: cmds.txt:4: the journey does not visit stage 'l2'",
                "pktpath-tui: cmds.txt:5: usage: journey [--json|STAGE]",
                "pktpath-tui: cmds.txt:7: this trace has no packet journey");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void diffComparesLoadedTracesByShortName() {
        Run r = script("""
                load <sample>
                load <sample>
                load ../shared/corpus/crash-bt/054-commit-foreach-nmi-softirq-x86_64.txt
                diff d1#1 d2
                diff d1 d3
                diff --json d1 d2#1
                """);
        // a different stack is an answer, not a failure
        assertThat(r.status()).as(r.err()).isZero();
        String[] answers = r.out().split("(?m)^(?=--- )|(?m)^(?=\\{)");
        assertThat(answers[1]).startsWith("--- d1#1").contains("+++ d2#1").contains("similarity 1.00").contains("same stack: 34 frames");
        assertThat(answers[2]).startsWith("--- d1#1").contains("+++ d3#1").contains("similarity 0.00")
                .contains("crash_nmi_callback");
        assertThat(answers[3]).startsWith("{\"schema\":\"pktpath-tui/1\",\"a\":").contains("\"same\":true");
    }

    @Test
    void diffNamesWhatItCannotFind() {
        Run r = script("load <sample>\ndiff d1\ndiff d1 d7\ndiff 1 2\ndiff --side d1 d1\n");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines().toList()).containsExactly(
                "pktpath-tui: cmds.txt:2: usage: diff [--json] A B   (A, B: N, dK or dK#N)",
                "pktpath-tui: cmds.txt:3: no dump d7 (loaded: d1; load it first)",
                "pktpath-tui: cmds.txt:4: no trace 2 in d1 (it has 1)",
                "pktpath-tui: cmds.txt:5: diff: unknown option '--side' (usage: diff [--json] A B)");
    }
}
