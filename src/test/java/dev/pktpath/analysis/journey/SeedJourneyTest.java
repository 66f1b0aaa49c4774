package dev.pktpath.analysis.journey;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.FrameClass;
import dev.pktpath.analysis.Journey;
import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The journey of "A Packet's Path", exactly as the issue spells it out. */
class SeedJourneyTest {
    private static final TraceAnalysis SEED = seed();

    private static TraceAnalysis seed() {
        Trace t = new DumpParser().parse("seed", InputReader.readSample()).traces().get(0);
        return Analyzer.builtIn().analyze(t);
    }

    @Test
    void seedJourneyGoesFromTheBnx2PollToTheFaultThroughEveryStage() {
        assertThat(TraceFixtures.describe(SEED, SEED.trace())).isEqualTo(String.join(" | ",
                "driver-rx rx: bnx2_poll bnx2_poll_work",
                "gro rx: napi_gro_receive napi_skb_finish",
                "core-rx rx: netif_receive_skb __netif_receive_skb",
                "l3-rx rx: ip_rcv ip_rcv_finish ip_local_deliver ip_local_deliver_finish",
                "l4-rx rx: tcp_v4_rcv tcp_v4_do_rcv tcp_rcv_state_process tcp_ack",
                "~~",
                "l4-tx tx: tcp_xmit_retransmit_queue tcp_retransmit_skb tcp_transmit_skb",
                "l3-tx tx: ip_queue_xmit ip_local_out ip_output ip_finish_output",
                "neigh tx: neigh_resolve_output",
                "core-tx tx: dev_queue_xmit",
                "qdisc tx: sch_direct_xmit",
                "driver-tx tx: dev_hard_start_xmit",
                "crash:",
                "fault: page_fault do_page_fault __do_page_fault bad_area_nosemaphore __bad_area_nosemaphore"
                        + " no_context oops_end crash_kexec machine_kexec"));
    }

    @Test
    void journeyTurnsAroundAtTcpAck() {
        Journey j = SEED.journey();
        assertThat(SEED.trace().frames().get(j.turnaroundFrom()).function()).isEqualTo("tcp_ack");
        assertThat(SEED.trace().frames().get(j.turnaroundTo()).function()).isEqualTo("tcp_xmit_retransmit_queue");
    }

    @Test
    void stepsCarryFrameIndexesInCallOrderAsTheContractShows() {
        JourneyStep first = SEED.journey().steps().get(0);
        assertThat(first).isEqualTo(new JourneyStep("driver-rx", "rx", List.of(33, 32)));
        JourneyStep last = SEED.journey().steps().get(SEED.journey().steps().size() - 1);
        assertThat(last.frames()).containsExactly(8, 7, 6, 5, 4, 3, 2, 1, 0);
    }

    @Test
    void crashStepOfAnExceptionRipHasNoFrameAndSitsBetweenCallerAndFaultHandler() {
        List<JourneyStep> steps = SEED.journey().steps();
        int crash = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).stage().equals("crash")) {
                crash = i;
            }
        }
        assertThat(steps.get(crash).frames()).isEmpty();
        assertThat(steps.get(crash).direction()).isEqualTo("none");
        assertThat(steps.get(crash - 1).stage()).isEqualTo("driver-tx");
        assertThat(steps.get(crash + 1).stage()).isEqualTo("fault");
        assertThat(SEED.journey().crashFrame()).isNull();
        assertThat(SEED.naming().crashSite().function()).isEqualTo("skb_clone");
    }

    @Test
    void everySeedFrameHasAKnownSubsystem() {
        for (int i = 0; i < SEED.trace().frames().size(); i++) {
            FrameClass c = SEED.classOf(i);
            assertThat(c.subsystem()).as("frame %d %s", i, SEED.trace().frames().get(i).function())
                    .isNotEqualTo("unknown");
        }
    }

    @Test
    void seedFramesGetTheSubsystemsOfTheMockUp() {
        assertThat(SEED.classOf(0)).isEqualTo(new FrameClass("kdump", "fault"));
        assertThat(SEED.classOf(2)).isEqualTo(new FrameClass("fault", "fault"));
        assertThat(SEED.classOf(9)).isEqualTo(new FrameClass("net-core", "driver-tx"));
        assertThat(SEED.classOf(10)).isEqualTo(new FrameClass("net-sched", "qdisc"));
        assertThat(SEED.classOf(12)).isEqualTo(new FrameClass("net-core", "neigh"));
        assertThat(SEED.classOf(20)).isEqualTo(new FrameClass("net-tcp", "l4-rx"));
        assertThat(SEED.classOf(32)).isEqualTo(new FrameClass("net-driver", "driver-rx"));
    }
}
