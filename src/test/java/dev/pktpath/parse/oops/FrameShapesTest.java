package dev.pktpath.parse.oops;

import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each call-trace line shape on its own. The lines are written here after the kernel's printk
 * formats (symbolised syzbot frames, scripts/decode_stacktrace.sh output, ARM's 5.x unwinder);
 * the real reports of the corpus are covered by the golden tests.
 */
class FrameShapesTest {
    private static Trace parse(String... stack) {
        String text = "BUG: unable to handle page fault for address: ffffc90000a1b000\n"
                + "RIP: 0010:skb_clone+0x1a/0x30 net/core/skbuff.c:1519\n"
                + "Call Trace:\n" + String.join("\n", stack) + "\n";
        List<Trace> traces = new DumpParser().parse("shapes", text).traces();
        assertThat(traces).hasSize(1);
        return traces.get(0);
    }

    @Test
    void symbolisedFramesCarrySourceAndInlining() {
        Trace t = parse(
                " <TASK>",
                " __dump_stack lib/dump_stack.c:88 [inline]",
                " dump_stack_lvl+0xd9/0x150 lib/dump_stack.c:106",
                " ? skb_clone+0x1a/0x30",
                " pskb_expand_head+0x2f1/0x1140 net/core/skbuff.c:1778",
                " tcp_transmit_skb+0x10/0x20 [tcp_mod] net/ipv4/tcp_output.c:1400",
                " </TASK>");
        List<Frame> f = t.frames();
        assertThat(f).hasSize(5);
        assertThat(f.get(0).function()).isEqualTo("__dump_stack");
        assertThat(f.get(0).inlined()).isTrue();
        assertThat(f.get(0).source()).isEqualTo("lib/dump_stack.c:88");
        assertThat(f.get(0).offset()).isNull();
        assertThat(f.get(1).source()).isEqualTo("lib/dump_stack.c:106");
        assertThat(f.get(1).inlined()).isFalse();
        assertThat(f.get(2).reliable()).isFalse();
        assertThat(f.get(4).module()).isEqualTo("tcp_mod");
        assertThat(f.get(4).source()).isEqualTo("net/ipv4/tcp_output.c:1400");
        assertThat(f).allMatch(x -> x.context() == StackContext.TASK);
        assertThat(t.ip().function()).isEqualTo("skb_clone");
        assertThat(t.ip().offset()).isEqualTo(0x1aL);
        assertThat(t.ip().size()).isEqualTo(0x30L);
    }

    @Test
    void decodeStacktraceOutput() {
        Trace t = parse(
                " dump_stack_lvl (lib/dump_stack.c:107 (discriminator 1))",
                " skb_clone (net/core/skbuff.c:1519) (inlined)",
                " ? __pfx_skb_clone (net/core/skbuff.c:1500)",
                " dev_hard_start_xmit+0x94/0x2a0 (net/core/dev.c:3590)");
        List<Frame> f = t.frames();
        assertThat(f).extracting(Frame::function)
                .containsExactly("dump_stack_lvl", "skb_clone", "__pfx_skb_clone", "dev_hard_start_xmit");
        assertThat(f.get(0).source()).isEqualTo("lib/dump_stack.c:107");
        assertThat(f.get(1).inlined()).isTrue();
        assertThat(f.get(2).reliable()).isFalse();
        assertThat(f.get(3).offset()).isEqualTo(0x94L);
        assertThat(f.get(3).source()).isEqualTo("net/core/dev.c:3590");
    }

    @Test
    void contextMarkersSetEachFramesStack() {
        Trace t = parse(
                " <NMI>",
                " nmi_cpu_backtrace+0x1/0x2",
                " </NMI>",
                " <IRQ>",
                " net_rx_action+0x1/0x2",
                " <SOFTIRQ>",
                " __do_softirq+0x1/0x2",
                " </SOFTIRQ>",
                " </IRQ>",
                " <TASK>",
                " do_syscall_64+0x1/0x2",
                " </TASK>");
        assertThat(t.frames()).extracting(Frame::context)
                .containsExactly(StackContext.NMI, StackContext.IRQ, StackContext.SOFTIRQ, StackContext.TASK);
    }

    @Test
    void addressedFramesOfEveryArch() {
        Trace t = parse(
                " [<ffffffff8103210b>] machine_kexec+0x1a/0x30",
                " [<ffffffff81041234>] ? tcp_ack+0x1a/0x30 [tcp]",
                "[c000000010f93150] [c000000008028668] .rtas_read_config+0x128/0x170",
                "([<000003ff8086d036>] will_oops_init+0x36/0x1000 [will_oops])",
                " unwind_backtrace from show_stack+0x10/0x14",
                " show_stack from dump_stack_lvl+0x40/0x4c");
        List<Frame> f = t.frames();
        assertThat(f).extracting(Frame::function).containsExactly("machine_kexec", "tcp_ack", "rtas_read_config",
                "will_oops_init", "unwind_backtrace", "show_stack", "dump_stack_lvl");
        assertThat(f.get(0).address()).isEqualTo("ffffffff8103210b");
        assertThat(f.get(1).module()).isEqualTo("tcp");
        assertThat(f.get(1).reliable()).isFalse();
        assertThat(f.get(2).stackAddress()).isEqualTo("c000000010f93150");
        assertThat(f.get(2).address()).isEqualTo("c000000008028668");
        assertThat(f.get(3).module()).isEqualTo("will_oops");
        // ARM 5.x: "show_stack+0x10/0x14" on the line above is where unwind_backtrace returns to
        assertThat(f.get(5).offset()).isEqualTo(0x10L);
        assertThat(f.get(6).offset()).isEqualTo(0x40L);
    }
}
