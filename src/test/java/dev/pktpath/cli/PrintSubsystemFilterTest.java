package dev.pktpath.cli;

import dev.pktpath.testing.InProcessCli;
import org.junit.jupiter.api.Test;

import static dev.pktpath.testing.InProcessCli.run;
import static org.assertj.core.api.Assertions.assertThat;

/** print --subsystem: the frame filter on the command line. */
class PrintSubsystemFilterTest {
    @Test
    void netKeepsNetworkingFramesWithTheirLevelsAndCountsTheHiddenOnes() {
        InProcessCli.Result r = run("print", "--sample", "--subsystem", "net");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("... 9 frames hidden by the filter").contains("#9").contains("#33")
                .doesNotContain("machine_kexec").contains("filter 'net': 25 of 34 frames shown, 9 hidden  (#0-#8)");
    }

    @Test
    void repeatedOptionsCombineAndDashOrBangExclude() {
        InProcessCli.Result dash = run("print", "--sample", "--subsystem", "net", "--subsystem", "-net-tcp");
        InProcessCli.Result bang = run("print", "--sample", "--subsystem", "net", "--subsystem=!net-tcp");
        assertThat(dash.status()).isZero();
        assertThat(dash.out()).doesNotContain("tcp_ack").contains("ip_rcv").contains("... 7 frames hidden by the filter")
                .contains("18 of 34 frames shown, 16 hidden  (#0-#8 #17-#23)");
        assertThat(bang.out()).isEqualTo(dash.out().replace("filter 'net -net-tcp'", "filter 'net !net-tcp'"));
    }

    @Test
    void jsonKeepsOnlyShownFramesWithTheirIndexes() {
        InProcessCli.Result r = run("print", "--json", "--sample", "--subsystem", "stage:qdisc");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("\"frames\":[{\"index\":10,\"level\":10,\"function\":\"sch_direct_xmit\"")
                .doesNotContain("\"function\":\"bnx2_poll\"");
    }

    @Test
    void unknownSubsystemIsAUsageErrorWithAPointer() {
        InProcessCli.Result r = run("print", "--sample", "--subsystem", "nte");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("pktpath-tui print: --subsystem: unknown subsystem 'nte'").contains("\n  nte\n  ^");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void helpDocumentsTheGrammar() {
        assertThat(run("print", "--help").out()).contains("--subsystem").contains("-S or !S hides S").contains("dir: (rx,");
    }
}
