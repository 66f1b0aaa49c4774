package dev.pktpath.analysis.naming;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.Naming;
import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Naming of crash bt traces (no headline: the kind comes from the frames) and of hand-made console lines. */
class CrashNamerTest {
    private static Naming name(String text) {
        Dump d = new DumpParser().parse("t", text);
        assertThat(d.traces()).isNotEmpty();
        return Analyzer.builtIn().analyze(d.traces().get(0)).naming();
    }

    @Test
    void seedIsAPagingRequestInSkbClone() {
        Naming n = name(InputReader.readSample());
        // page_fault / do_page_fault / no_context on the stack, [exception RIP: skb_clone+208]
        assertThat(n.kind()).isEqualTo("BUG: unable to handle kernel paging request");
        assertThat(n.guilty()).isEqualTo("skb_clone");
        assertThat(n.title()).isEqualTo("BUG: unable to handle kernel paging request in skb_clone");
        assertThat(n.crashSite().function()).isEqualTo("skb_clone");
        assertThat(n.crashSite().offset()).isEqualTo(208L);
    }

    private static Naming crashBt(String file) throws IOException {
        return name(Files.readString(Path.of("../shared/corpus/crash-bt", file), StandardCharsets.ISO_8859_1));
    }

    @Test
    void crashBtGeneralProtectionSkipsTheAllocator() throws IOException {
        // #3 general_protection, [exception RIP: kmem_cache_alloc+120], #4 get_empty_filp+0x74
        Naming n = crashBt("010-help-bt-sx-x86_64-socket.txt");
        assertThat(n.kind()).isEqualTo("general protection fault");
        assertThat(n.guilty()).isEqualTo("get_empty_filp");
        assertThat(n.crashSite().function()).isEqualTo("kmem_cache_alloc");
        assertThat(n.crashSite().offset()).isEqualTo(120L);
    }

    @Test
    void crashBtInvalidOpIsAKernelBug() throws IOException {
        // #6 exc_invalid_op, #7 asm_exc_invalid_op, [exception RIP: init_module+24]
        Naming n = crashBt("069-commit-exc-invalid-op-after-x86_64.txt");
        assertThat(n.kind()).isEqualTo("kernel BUG");
        assertThat(n.title()).isEqualTo("kernel BUG in init_module");
        assertThat(n.crashSite().offset()).isEqualTo(24L);
    }

    @Test
    void warningBeforeItsStackIsNamedByTheRipLine() {
        // written after the x86_64 WARNING layout of 4.15+ kernels (RIP before Call Trace)
        String report = String.join("\n",
                "------------[ cut here ]------------",
                "WARNING: CPU: 1 PID: 42 at net/core/dev.c:3213 skb_warn_bad_offload+0x2bc/0x3b0",
                "Modules linked in:",
                "CPU: 1 PID: 42 Comm: syz-executor Not tainted 4.15.0 #1",
                "RIP: 0010:skb_warn_bad_offload+0x2bc/0x3b0",
                "RSP: 0018:ffff8801d8a0f4f8 EFLAGS: 00010286",
                "RAX: 0000000000000000 RBX: ffff8801c6b1c0c0 RCX: ffffffff81415f40",
                "Call Trace:",
                " __skb_gso_segment+0x3c0/0x8c0",
                " validate_xmit_skb+0x54d/0xd90",
                " __dev_queue_xmit+0x1b5e/0x2740",
                "---[ end trace 4e37b1eb61ae9844 ]---");
        Naming n = name(report);
        assertThat(n.kind()).isEqualTo("WARNING");
        assertThat(n.guilty()).isEqualTo("skb_warn_bad_offload");
        assertThat(n.crashSite().offset()).isEqualTo(0x2bcL);
    }

    @Test
    void machineryIsSkippedUpToTheCaller() {
        // a NULL dereference inside memcpy called from a driver: memcpy is a helper, the driver is guilty
        String report = String.join("\n",
                "BUG: kernel NULL pointer dereference, address: 0000000000000010",
                "#PF: supervisor read access in kernel mode",
                "Oops: 0000 [#1] PREEMPT SMP NOPTI",
                "CPU: 3 PID: 0 Comm: swapper/3 Not tainted 6.1.0 #1",
                "RIP: 0010:memcpy_erms+0x6/0x10",
                "Call Trace:",
                " <IRQ>",
                " e1000_clean_rx_irq+0x1a2/0x4d0 [e1000]",
                " e1000_clean+0x2bd/0x8b0 [e1000]",
                " __napi_poll+0x2b/0x160",
                " net_rx_action+0x29e/0x350",
                " </IRQ>");
        Naming n = name(report);
        assertThat(n.kind()).isEqualTo("BUG: unable to handle kernel NULL pointer dereference");
        assertThat(n.guilty()).isEqualTo("e1000_clean_rx_irq");
        assertThat(n.crashSite().function()).isEqualTo("memcpy_erms");
    }
}
