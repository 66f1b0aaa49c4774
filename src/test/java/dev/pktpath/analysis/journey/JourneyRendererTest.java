package dev.pktpath.analysis.journey;

import dev.pktpath.analysis.Naming;
import dev.pktpath.analysis.SubsystemRules;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Location;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import dev.pktpath.render.JourneyRenderer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyRendererTest {
    private static final SubsystemRules RULES = SubsystemRules.builtIn();

    /** The seed, named by hand so that this test pins the renderer and not the crash namer. */
    static TraceAnalysis seed() {
        Trace t = new DumpParser().parse("seed", InputReader.readSample()).traces().get(0);
        String kind = "BUG: unable to handle kernel paging request";
        return TraceFixtures.analyse(RULES, t, new Naming(kind, kind + " in skb_clone", "skb_clone",
                new Location("skb_clone", 208L, null)));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = JourneyRendererTest.class.getResourceAsStream("/journeys/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void seedTimelineAt80ColumnsInAscii() throws IOException {
        String text = new JourneyRenderer(80, true).render(List.of(seed()), 1);
        assertThat(text).isEqualTo(resource("seed-ascii-80.txt"));
    }

    @Test
    void everyLineFitsTheWidthAndAsciiModeIsPureAscii() {
        TraceAnalysis seed = seed();
        for (int width = 40; width <= 132; width++) {
            for (boolean ascii : new boolean[]{true, false}) {
                String text = new JourneyRenderer(width, ascii).render(List.of(seed), 1);
                for (String line : text.split("\n")) {
                    assertThat(line.codePointCount(0, line.length())).as("width %d ascii %s: %s", width, ascii, line)
                            .isLessThanOrEqualTo(width);
                    assertThat(line).doesNotEndWith(" ");
                    if (ascii) {
                        assertThat(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(line).isTrue();
                    }
                }
                assertThat(text).contains("turnaround", "skb_clone+208", "bnx2_poll");
            }
        }
    }

    @Test
    void unicodeModeUsesArrows() {
        String text = new JourneyRenderer(80, false).render(List.of(seed()), 1);
        assertThat(text).contains("bnx2_poll \u2192 bnx2_poll_work").contains("tcp_ack \u2192 tcp_xmit_retransmit_queue");
    }

    @Test
    void emptyJourneySaysSo() {
        Trace t = TraceFixtures.trace("schedule", "worker_thread", "kthread");
        String text = new JourneyRenderer(80, true).render(List.of(TraceFixtures.analyse(RULES, t, Naming.NONE)), 3);
        assertThat(text).startsWith("trace 1/3  trace 1").contains("(no networking frames: empty journey)");
    }

    @Test
    void consoleFramesWithoutLevelsAreReferencedByIndex() {
        Trace t = TraceFixtures.trace("ip_rcv", "__netif_receive_skb", "process_backlog", "net_rx_action");
        List<dev.pktpath.model.Frame> noLevels = t.frames().stream().map(f -> new dev.pktpath.model.Frame(f.index(),
                null, f.function(), 0x10L, 0x40L, null, null, null, true, f.context(), null, false, f.line(), f.raw())).toList();
        Trace oops = new Trace(1, dev.pktpath.model.TraceFormat.OOPS, dev.pktpath.model.Arch.ARM64, null,
                "BUG: soft lockup", null, noLevels, List.of(), java.util.Map.of(), List.of(), 1, 4);
        String text = new JourneyRenderer(80, true).render(List.of(TraceFixtures.analyse(RULES, oops, Naming.NONE)), 1);
        assertThat(text).contains("  rx  core-rx     process_backlog > __netif_receive_skb").contains("@2-@1")
                .contains("arm64  4 frames");
    }

    @Test
    void longTitleIsCutWithAnEllipsis() {
        Trace t = TraceFixtures.trace("ip_rcv");
        String kind = "BUG: " + "x".repeat(120);
        TraceAnalysis a = TraceFixtures.analyse(RULES, t, new Naming(kind, kind, null, null));
        String header = new JourneyRenderer(80, true).render(List.of(a), 1).split("\n")[0];
        assertThat(header).hasSize(80).contains("...").endsWith("x86_64  1 frame");
    }

    @Test
    void turnaroundReasonReadsFromTheFunctionsOnEitherSide() {
        Trace ackCheck = TraceFixtures.trace("__tcp_transmit_skb", "tcp_send_ack", "__tcp_ack_snd_check",
                "tcp_rcv_established", "tcp_v4_rcv");
        assertThat(new JourneyRenderer(120, true).render(List.of(TraceFixtures.analyse(RULES, ackCheck, Naming.NONE)), 1))
                .contains("turnaround: __tcp_ack_snd_check -> tcp_send_ack (received segment triggers an ACK)");
        Trace forward = TraceFixtures.trace("ip_output", "ip_forward_finish", "ip_forward", "ip_rcv_finish", "ip_rcv");
        assertThat(new JourneyRenderer(120, true).render(List.of(TraceFixtures.analyse(RULES, forward, Naming.NONE)), 1))
                .contains("turnaround: ip_rcv_finish -> ip_forward (received packet is forwarded)");
    }

    @Test
    void severalTracesListThoseWithoutAJourneyOnOneLine() {
        Trace idle = TraceFixtures.trace("schedule", "cpu_idle");
        List<TraceAnalysis> all = new java.util.ArrayList<>();
        for (int id : new int[]{1, 2, 3, 5, 7, 8}) {
            all.add(TraceFixtures.analyse(RULES, idle.withId(id), Naming.NONE));
        }
        all.add(3, TraceFixtures.analyse(RULES, TraceFixtures.trace("ip_rcv", "net_rx_action").withId(4), Naming.NONE));
        String text = new JourneyRenderer(80, true).render(all, 8);
        assertThat(text).startsWith("trace 4/8  trace 4").contains("  rx  l3-rx       ip_rcv")
                .endsWith("\n6 traces without networking frames: 1-3 5 7-8\n");
    }
}
