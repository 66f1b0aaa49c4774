package dev.pktpath.analysis.journey;

import dev.pktpath.analysis.Journey;
import dev.pktpath.analysis.SubsystemRules;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.pktpath.analysis.journey.TraceFixtures.journeyWithCrash;
import static dev.pktpath.analysis.journey.TraceFixtures.journeyWithoutCrash;
import static dev.pktpath.analysis.journey.TraceFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journeys of traces that do not start from a receive. The stacks are written here by hand in the
 * shape the kernel prints them (innermost first); they are not copied from any report.
 */
class JourneyBuilderTest {
    private static final SubsystemRules RULES = SubsystemRules.builtIn();

    @Test
    void sendmsgSyscallJourneyStartsAtTheSocketAndGoesOut() {
        Trace t = trace("virtnet_poll_cleantx", "start_xmit", "dev_hard_start_xmit", "sch_direct_xmit",
                "__dev_queue_xmit", "ip_finish_output2", "ip_output", "ip_local_out", "__ip_queue_xmit",
                "__tcp_transmit_skb", "tcp_write_xmit", "__tcp_push_pending_frames", "tcp_sendmsg_locked",
                "tcp_sendmsg", "inet_sendmsg", "sock_sendmsg", "__sys_sendto", "__x64_sys_sendto",
                "do_syscall_64", "entry_SYSCALL_64_after_hwframe");
        assertThat(journeyWithoutCrash(RULES, t)).isEqualTo(String.join(" | ",
                "socket tx: __x64_sys_sendto __sys_sendto sock_sendmsg inet_sendmsg tcp_sendmsg tcp_sendmsg_locked",
                "l4-tx tx: __tcp_push_pending_frames tcp_write_xmit __tcp_transmit_skb",
                "l3-tx tx: __ip_queue_xmit ip_local_out ip_output ip_finish_output2",
                "core-tx tx: __dev_queue_xmit",
                "qdisc tx: sch_direct_xmit",
                "driver-tx tx: dev_hard_start_xmit start_xmit virtnet_poll_cleantx"));
    }

    @Test
    void timerRetransmitIsATransmitFromTheStart() {
        Trace t = trace("dev_queue_xmit", "ip_finish_output", "ip_output", "ip_local_out", "ip_queue_xmit",
                "tcp_transmit_skb", "tcp_retransmit_skb", "tcp_retransmit_timer", "tcp_write_timer_handler",
                "tcp_write_timer", "call_timer_fn", "run_timer_softirq", "__do_softirq", "irq_exit",
                "smp_apic_timer_interrupt", "apic_timer_interrupt");
        assertThat(journeyWithoutCrash(RULES, t)).isEqualTo(String.join(" | ",
                "l4-tx tx: tcp_write_timer tcp_write_timer_handler tcp_retransmit_timer tcp_retransmit_skb tcp_transmit_skb",
                "l3-tx tx: ip_queue_xmit ip_local_out ip_output ip_finish_output",
                "core-tx tx: dev_queue_xmit"));
    }

    @Test
    void netTxActionSoftirqStartsInTheCoreAndDrainsTheQdisc() {
        Trace t = trace("e1000_xmit_frame [e1000]", "dev_hard_start_xmit", "sch_direct_xmit", "__qdisc_run",
                "net_tx_action", "__do_softirq", "run_ksoftirqd", "smpboot_thread_fn", "kthread", "ret_from_fork");
        assertThat(journeyWithoutCrash(RULES, t)).isEqualTo(String.join(" | ",
                "core-tx tx: net_tx_action",
                "qdisc tx: __qdisc_run sch_direct_xmit",
                "driver-tx tx: dev_hard_start_xmit e1000_xmit_frame"));
    }

    @Test
    void workqueueNeighbourTimerSendsWithoutAReceive() {
        Trace t = trace("dev_queue_xmit", "neigh_resolve_output", "ip6_finish_output2", "ip6_output",
                "ndisc_send_skb", "ndisc_send_ns", "addrconf_dad_work", "process_one_work", "worker_thread",
                "kthread", "ret_from_fork");
        assertThat(journeyWithoutCrash(RULES, t)).isEqualTo(String.join(" | ",
                "neigh tx: ndisc_send_ns ndisc_send_skb",
                "l3-tx tx: ip6_output ip6_finish_output2",
                "neigh tx: neigh_resolve_output",
                "core-tx tx: dev_queue_xmit"));
    }

    @Test
    void traceWithoutNetworkingFramesHasAnEmptyJourney() {
        Trace t = trace("machine_kexec", "crash_kexec", "oops_end", "page_fault", "ext4_writepages",
                "do_writepages", "__writeback_single_inode", "wb_workfn", "process_one_work", "worker_thread");
        assertThat(TraceFixtures.analyse(RULES, t, TraceFixtures.analyse(t).naming()).journey().isEmpty()).isTrue();
        assertThat(journeyWithCrash(RULES, t, "ext4_writepages")).isEmpty();
    }

    @Test
    void crashInANetworkingFunctionMakesTheJourneyEvenWithoutNetworkingFrames() {
        Trace t = trace(List.of(new ExceptionFrame(1, "exception RIP", "tcp_ack", 12L, Map.of("RIP", "ffffffff8147"), 3)),
                "oops_end", "page_fault", "my_helper");
        assertThat(journeyWithCrash(RULES, t, "tcp_ack")).isEqualTo("crash: | fault: page_fault oops_end");
    }

    @Test
    void crashFrameInACallTraceMovesFromItsStageIntoTheCrashStep() {
        Trace t = trace("dump_stack", "print_address_description", "kasan_report", "__asan_report_load8_noabort",
                "kfree_skb_list", "ip6_fragment", "__ip6_finish_output", "ip6_finish_output", "ip6_output",
                "ip6_local_out", "ip6_send_skb");
        TraceAnalysis a = TraceFixtures.analyse(RULES, t,
                new dev.pktpath.analysis.Naming(null, null, "ip6_fragment", new dev.pktpath.model.Location("ip6_fragment", null, null)));
        assertThat(TraceFixtures.describe(a, t)).isEqualTo(String.join(" | ",
                "l3-tx tx: ip6_send_skb ip6_local_out ip6_output ip6_finish_output __ip6_finish_output",
                "crash: ip6_fragment",
                "l3-tx tx: kfree_skb_list",
                "fault: __asan_report_load8_noabort kasan_report print_address_description dump_stack"));
        assertThat(a.journey().crashFrame()).isEqualTo(5);
        assertThat(a.classOf(5).stage()).isEqualTo("crash");
    }

    @Test
    void unreliableFramesDoNotTakePartInTheJourney() {
        Trace t = trace("ip_rcv", "?tcp_transmit_skb", "__netif_receive_skb", "?dev_queue_xmit", "process_backlog",
                "net_rx_action");
        assertThat(journeyWithoutCrash(RULES, t)).isEqualTo("driver-rx rx: net_rx_action"
                + " | core-rx rx: process_backlog __netif_receive_skb | l3-rx rx: ip_rcv");
    }

    @Test
    void familyFramesTakeTheDirectionInForce() {
        // tcp_ack and tcp_fastretrans_alert are "l4": rx under tcp_v4_rcv, tx under tcp_sendmsg.
        Trace rx = trace("tcp_fastretrans_alert", "tcp_ack", "tcp_rcv_established", "tcp_v4_do_rcv", "tcp_v4_rcv");
        assertThat(journeyWithoutCrash(RULES, rx))
                .isEqualTo("l4-rx rx: tcp_v4_rcv tcp_v4_do_rcv tcp_rcv_established tcp_ack tcp_fastretrans_alert");
        Trace tx = trace("tcp_fragment", "tcp_write_xmit", "tcp_push", "tcp_sendmsg");
        assertThat(journeyWithoutCrash(RULES, tx))
                .isEqualTo("socket tx: tcp_sendmsg | l4-tx tx: tcp_push tcp_write_xmit tcp_fragment");
    }

    @Test
    void familyWithNothingAroundTakesTheDirectionOfTheNextNewerFrame() {
        // A driver function seen first takes its direction from the GRO frame it calls.
        Trace t = trace("napi_gro_receive", "foo_handle_rx [foo]", "mydrv_poll");
        SubsystemRules rules;
        try {
            rules = RULES.plus("{mydrv_*,foo_*}  net-driver  driver", new dev.pktpath.analysis.RuleSource(
                    dev.pktpath.analysis.RuleSource.Kind.COMMAND_LINE, "test"));
        } catch (dev.pktpath.analysis.RulesException e) {
            throw new AssertionError(e);
        }
        assertThat(journeyWithoutCrash(rules, t)).isEqualTo("driver-rx rx: mydrv_poll foo_handle_rx | gro rx: napi_gro_receive");
    }

    @Test
    void callerFramesJoinTheirCallersStageButNotAcrossAnUnstagedFrame() {
        Trace t = trace("skb_copy_bits", "__kmalloc", "pskb_expand_head", "skb_clone", "dev_hard_start_xmit");
        TraceAnalysis a = TraceFixtures.analyse(RULES, t, dev.pktpath.analysis.Naming.NONE);
        assertThat(a.classOf(3).stage()).isEqualTo("driver-tx");
        assertThat(a.classOf(2).stage()).isEqualTo("driver-tx");
        assertThat(a.classOf(1).stage()).isNull();
        assertThat(a.classOf(0).stage()).isNull();
    }

    @Test
    void bridgeForwardingTurnsAroundInsideTheBridge() {
        Trace t = trace("dev_queue_xmit", "br_dev_queue_push_xmit", "br_forward_finish", "__br_forward",
                "br_forward", "br_handle_frame_finish", "br_handle_frame", "__netif_receive_skb_core",
                "netif_receive_skb", "napi_gro_receive", "ixgbe_clean_rx_irq", "ixgbe_poll", "net_rx_action");
        TraceAnalysis a = TraceFixtures.analyse(RULES, t, dev.pktpath.analysis.Naming.NONE);
        assertThat(TraceFixtures.describe(a, t)).isEqualTo(String.join(" | ",
                "driver-rx rx: net_rx_action ixgbe_poll ixgbe_clean_rx_irq",
                "gro rx: napi_gro_receive",
                "core-rx rx: netif_receive_skb __netif_receive_skb_core",
                "l2 rx: br_handle_frame br_handle_frame_finish",
                "~~",
                "l2 tx: br_forward __br_forward br_forward_finish br_dev_queue_push_xmit",
                "core-tx tx: dev_queue_xmit"));
        Journey j = a.journey();
        assertThat(t.frames().get(j.turnaroundFrom()).function()).isEqualTo("br_handle_frame_finish");
    }
}
