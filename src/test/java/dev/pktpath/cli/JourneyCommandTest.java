package dev.pktpath.cli;

import dev.pktpath.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.pktpath.testing.InProcessCli.run;
import static org.assertj.core.api.Assertions.assertThat;

class JourneyCommandTest {
    @Test
    void sampleTimelineShowsEveryStageTheTurnaroundAndTheCrash() {
        InProcessCli.Result r = run("journey", "--sample", "--ascii");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("  rx  driver-rx   bnx2_poll > bnx2_poll_work  [bnx2]")
                .contains("  ~~  turnaround: tcp_ack -> tcp_xmit_retransmit_queue")
                .contains("  tx  driver-tx   dev_hard_start_xmit")
                .contains("  XX  crash       skb_clone+208  (exception RIP ffffffff81415f40)")
                .contains("      fault       page_fault > do_page_fault > ... > crash_kexec >");
        for (String line : r.out().split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        }
        assertThat(r.out().chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f))).isTrue();
    }

    @Test
    void widthOptionNarrowsTheTimeline() {
        InProcessCli.Result r = run("journey", "--sample", "--ascii", "--width", "60");
        assertThat(r.status()).isZero();
        for (String line : r.out().split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(60);
        }
    }

    @Test
    void jsonCarriesTheContractsJourneyFieldsPlusFunctions() {
        InProcessCli.Result r = run("journey", "--json", "--sample");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("{\"schema\":\"pktpath-tui/1\",\"source\":\"seed-packet-path.txt\",\"traces\":[{\"id\":1,")
                .contains("\"turnaround\":{\"from\":20,\"to\":19}")
                .contains("{\"stage\":\"driver-rx\",\"direction\":\"rx\",\"frames\":[33,32],\"functions\":[\"bnx2_poll\",\"bnx2_poll_work\"]}")
                .contains("{\"stage\":\"crash\",\"direction\":\"none\",\"frames\":[],\"functions\":[]}")
                .contains("\"crashSite\":{\"function\":\"skb_clone\",\"offset\":208,\"size\":null}");
    }

    @Test
    void printJsonHasTheSameJourneyAndStagesPerFrame() {
        InProcessCli.Result r = run("print", "--json", "--sample");
        assertThat(r.out()).contains("\"journey\":[{\"stage\":\"driver-rx\",\"direction\":\"rx\",\"frames\":[33,32]}")
                .contains("\"function\":\"machine_kexec\"").contains("\"subsystem\":\"kdump\",\"stage\":\"fault\"");
    }

    @Test
    void traceOutOfRangeAndMissingFileExitOne() {
        assertThat(run("journey", "--sample", "--trace", "2").status()).isEqualTo(1);
        InProcessCli.Result r = run("journey", "/nonexistent/dump.txt");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("pktpath-tui: /nonexistent/dump.txt: no such file");
    }

    @Test
    void noFileIsAUsageError() {
        assertThat(run("journey").status()).isEqualTo(2);
    }

    @Test
    void rulesOptionOverridesTheBuiltInTable(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("my.rules"), "tcp_ack  net-tcp  l4-tx  # ACK processing as a send\n");
        InProcessCli.Result r = run("journey", "--sample", "--ascii", "--rules", rules.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("turnaround: tcp_rcv_state_process -> tcp_ack");
    }

    @Test
    void brokenRulesFileIsAUsageErrorNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("bad.rules"), "# fine\ntcp_ack net-tcp\n");
        InProcessCli.Result r = run("journey", "--sample", "--rules", rules.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("pktpath-tui: " + rules + ":2: expected three columns PATTERN SUBSYSTEM STAGE, got 'tcp_ack net-tcp'");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void helpDocumentsStagesAndMarks() {
        InProcessCli.Result r = run("journey", "--help");
        assertThat(r.out()).contains("turnaround").contains("driver-rx gro core-rx").contains("@index");
    }
}
