package dev.pktpath.analysis.journey;

import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.analysis.Naming;
import dev.pktpath.analysis.SubsystemRules;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Location;
import dev.pktpath.model.Trace;
import dev.pktpath.render.JourneyRenderer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the stack, the journey is well formed and its timeline fits the terminal. */
class JourneyPropertiesTest {
    private static final SubsystemRules RULES = SubsystemRules.builtIn();

    @Provide
    Arbitrary<List<String>> stacks() {
        Arbitrary<String> names = Arbitraries.of("tcp_ack", "tcp_v4_rcv", "tcp_transmit_skb", "ip_rcv", "ip_output",
                "skb_clone", "__kmalloc", "dev_queue_xmit", "sch_direct_xmit", "bnx2_poll", "napi_gro_receive",
                "br_handle_frame", "br_forward", "nf_hook_slow", "sock_sendmsg", "tcp_recvmsg", "page_fault",
                "machine_kexec", "schedule", "?ip_rcv", "?tcp_ack", "mystery_function", "udp_rcv",
                "x".repeat(90), "ip6_xmit", "neigh_resolve_output", "net_rx_action", "do_softirq");
        return names.list().ofMinSize(0).ofMaxSize(60);
    }

    @Property(tries = 300)
    void journeyIsWellFormedAndRendersWithinTheWidth(@ForAll("stacks") List<String> printOrder,
                                                     @ForAll @IntRange(min = -1, max = 70) int exceptionAfter,
                                                     @ForAll boolean namedSite,
                                                     @ForAll @IntRange(min = 40, max = 160) int width,
                                                     @ForAll boolean ascii) {
        List<ExceptionFrame> exceptions = exceptionAfter < 0 ? List.of()
                : List.of(new ExceptionFrame(exceptionAfter, "exception RIP", "skb_clone", 208L, Map.of("RIP", "ffff"), 1));
        Trace t = TraceFixtures.trace(exceptions, printOrder.toArray(String[]::new));
        Naming naming = namedSite ? new Naming("BUG", "BUG in skb_clone", "skb_clone", new Location("skb_clone", 208L, null))
                : Naming.NONE;
        TraceAnalysis a = TraceFixtures.analyse(RULES, t, naming);

        Set<Integer> seen = new HashSet<>();
        int crashSteps = 0;
        for (JourneyStep s : a.journey().steps()) {
            if (s.stage().equals("crash")) {
                crashSteps++;
            } else {
                assertThat(s.frames()).isNotEmpty();
            }
            for (int k = 1; k < s.frames().size(); k++) {
                assertThat(s.frames().get(k)).as("call order within a step").isLessThan(s.frames().get(k - 1));
            }
            for (int i : s.frames()) {
                assertThat(seen.add(i)).as("frame %d in one step only", i).isTrue();
                // Unreliable frames take part only when no frame is reliable (JourneyBuilder's rule).
                assertThat(t.frames().get(i).reliable() || t.frames().stream().noneMatch(f -> f.reliable())).isTrue();
                assertThat(a.classOf(i).stage()).isEqualTo(s.stage());
            }
        }
        assertThat(crashSteps).isLessThanOrEqualTo(1);
        if (a.journey().turnaroundFrom() != null) {
            assertThat(a.journey().turnaroundFrom()).isGreaterThan(a.journey().turnaroundTo());
        }
        String text = new JourneyRenderer(width, ascii).render(List.of(a), 1);
        for (String line : text.split("\n")) {
            assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(width);
        }
    }

    @Property(tries = 100)
    void traceWithoutNetworkingNamesHasNoJourney(@ForAll @Size(max = 30) List<@net.jqwik.api.constraints.AlphaChars
            @net.jqwik.api.constraints.StringLength(min = 1, max = 12) String> junk) {
        String[] names = junk.stream().map(n -> "zz" + n).toArray(String[]::new);
        Trace t = TraceFixtures.trace(names);
        assertThat(TraceFixtures.analyse(RULES, t, Naming.NONE).journey().isEmpty()).isTrue();
    }
}
