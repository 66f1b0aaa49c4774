package dev.pktpath.analysis.journey;

import dev.pktpath.analysis.SubsystemRules;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden journeys of real traces from the shared corpus, read in place (see corpus-golden.txt). */
class CorpusJourneyGoldenTest {
    static final Path CORPUS = Path.of("../shared/corpus");
    private static final SubsystemRules RULES = SubsystemRules.builtIn();

    record Case(String file, int trace, String journey) {
        @Override
        public String toString() {
            return file + "#" + trace;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = CorpusJourneyGoldenTest.class.getResourceAsStream("/journeys/corpus-golden.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\\s+", 3);
                out.add(new Case(cols[0], Integer.parseInt(cols[1]), cols[2].strip()));
            }
        }
        return out;
    }

    static Trace load(String file, int n) throws IOException {
        String text = Files.readString(CORPUS.resolve(file), StandardCharsets.ISO_8859_1);
        Dump dump = new DumpParser().parse(file, text);
        assertThat(dump.traces()).as("traces of %s", file).hasSizeGreaterThanOrEqualTo(n);
        return dump.traces().get(n - 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void journeyMatchesTheGolden(Case c) throws IOException {
        Trace t = load(c.file(), c.trace());
        assertThat(TraceFixtures.journeyWithoutCrash(RULES, t)).isEqualTo(c.journey());
    }

    @Test
    void goldenSetCoversTheKindsOfTraceTheIssueAsksFor() throws IOException {
        List<Case> all = cases();
        assertThat(all).hasSizeGreaterThanOrEqualTo(10);
        String joined = all.toString() + all.stream().map(Case::journey).toList();
        assertThat(joined).contains("~~", "l2 rx: br_handle_frame", "netfilter", "socket tx: ", "core-tx tx: net_tx_action");
    }

    @Test
    void crashFrameOfAKasanReportMovesIntoTheCrashStep() throws IOException {
        Trace t = load("syzkaller/475", 1);
        assertThat(TraceFixtures.journeyWithCrash(RULES, t, "ip6_fragment")).contains(
                "l3-tx tx: ip6_push_pending_frames ip6_send_skb ip6_local_out ip6_output ip6_finish_output __ip6_finish_output"
                        + " | crash: ip6_fragment | l3-tx tx: kfree_skb_list | fault: ");
    }

    @Test
    void crashBtExceptionPlacesTheCrashBetweenCallerAndFaultHandler() throws IOException {
        Trace t = load("crash-bt/010-help-bt-sx-x86_64-socket.txt", 1);
        assertThat(TraceFixtures.journeyWithCrash(RULES, t, "kmem_cache_alloc")).isEqualTo(
                "socket: sys_socket sock_map_fd sock_alloc_fd | crash: | fault: general_protection oops_end crash_kexec machine_kexec");
    }

    @Test
    void driverTxTimeoutWarningWithoutACallTraceIsACrashInTheWatchdog() throws IOException {
        // syzkaller/23 keeps only the WARNING line of a NETDEV WATCHDOG report: no frames, but the
        // crash site (dev_watchdog, the transmit-queue watchdog) is networking code.
        Trace t = load("syzkaller/23", 1);
        dev.pktpath.analysis.TraceAnalysis a = TraceFixtures.analyse(t);
        assertThat(a.naming().crashSite().function()).isEqualTo("dev_watchdog");
        assertThat(TraceFixtures.describe(a, t)).isEqualTo("crash:");
        assertThat(new dev.pktpath.render.JourneyRenderer(80, true).render(List.of(a), 1))
                .contains("  XX  crash       dev_watchdog+0x648/0x770");
    }

    @Test
    void stepEndsWhereThePathLeavesTheNetworkStack() throws IOException {
        // tun's close path goes through netdevice notifiers into conntrack cleanup, whose
        // local_bh_enable runs the rx softirq: the rx journey starts at net_rx_action.
        Trace t = load("syzkaller/494", 2);
        assertThat(TraceFixtures.journeyWithoutCrash(RULES, t)).startsWith(
                "driver-rx rx: net_rx_action | core-rx rx: process_backlog __netif_receive_skb __netif_receive_skb_core"
                        + " | l2 rx: br_handle_frame | netfilter rx: nf_hook_slow nf_iterate br_nf_pre_routing");
    }
}
