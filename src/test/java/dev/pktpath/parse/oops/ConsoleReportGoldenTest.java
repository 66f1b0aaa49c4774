package dev.pktpath.parse.oops;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.Naming;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Arch;
import dev.pktpath.model.Dump;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;
import dev.pktpath.parse.DumpParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden expectations for real console reports of the shared corpus, read in place, one test per
 * report: different kinds, arches and console shapes. Every expected value was checked by hand
 * against the report's text (frame counts by counting its frame lines, offsets by converting its
 * hex), not copied from the parser's output.
 */
class ConsoleReportGoldenTest {
    private static final Path SYZ = Path.of("../shared/corpus/syzkaller");
    private static final Path SATYR = Path.of("../shared/corpus/satyr");
    private static final Analyzer ANALYZER = Analyzer.builtIn();

    /** A syzkaller test file's console part: after the header's blank line, before a REPORT: line. */
    static String syzkallerConsole(String name) throws IOException {
        List<String> lines = Files.readAllLines(SYZ.resolve(name), StandardCharsets.ISO_8859_1);
        int start = lines.indexOf("") + 1;
        int end = lines.indexOf("REPORT:");
        return String.join("\n", lines.subList(start, end < 0 ? lines.size() : end)) + "\n";
    }

    static String satyr(String name) throws IOException {
        return Files.readString(SATYR.resolve(name), StandardCharsets.ISO_8859_1);
    }

    private static TraceAnalysis first(String text) {
        Dump d = new DumpParser().parse("golden", text);
        assertThat(d.traces()).isNotEmpty();
        Trace t = d.traces().get(0);
        assertThat(t.format()).isEqualTo(TraceFormat.OOPS);
        return ANALYZER.analyze(t);
    }

    private static void naming(TraceAnalysis a, String kind, String guilty, String site, Long siteOffset) {
        Naming n = a.naming();
        assertThat(n.kind()).isEqualTo(kind);
        assertThat(n.guilty()).isEqualTo(guilty);
        assertThat(n.title()).isEqualTo(kind + " in " + guilty);
        assertThat(n.crashSite().function()).isEqualTo(site);
        assertThat(n.crashSite().offset()).isEqualTo(siteOffset);
    }

    private static void frame(Frame f, String function, Long offset, Long size, boolean reliable, StackContext ctx) {
        assertThat(f.function()).isEqualTo(function);
        assertThat(f.offset()).isEqualTo(offset);
        assertThat(f.size()).isEqualTo(size);
        assertThat(f.reliable()).isEqualTo(reliable);
        assertThat(f.context()).isEqualTo(ctx);
    }

    @Test
    void lockdepCircularDependencyX86_64() throws IOException {
        TraceAnalysis a = first(syzkallerConsole("186"));
        Trace t = a.trace();
        naming(a, "possible deadlock", "do_ipv6_setsockopt", "do_ipv6_setsockopt", null);
        assertThat(t.headline()).isEqualTo("WARNING: possible circular locking dependency detected");
        assertThat(t.arch()).isEqualTo(Arch.X86_64);
        assertThat(t.task().pid()).isEqualTo(5627L);
        assertThat(t.task().command()).isEqualTo("syz-executor3");
        // the stack after "stack backtrace:", not the dependency chain's three stacks
        assertThat(t.frames()).hasSize(67);
        frame(t.frames().get(0), "dump_stack", 0x194L, 0x257L, true, StackContext.TASK);
        frame(t.frames().get(1), "arch_local_irq_restore", 0x53L, 0x53L, false, StackContext.TASK);
        frame(t.frames().get(2), "print_circular_bug.isra.38", 0x2cdL, 0x2dcL, true, StackContext.TASK);
        assertThat(t.frames().get(66).function()).isEqualTo("entry_SYSCALL_64_fastpath");
        // the user-mode register dump after the syscall entry
        assertThat(t.exceptions()).hasSize(1);
        ExceptionFrame user = t.exceptions().get(0);
        assertThat(user.kind()).isEqualTo("registers");
        assertThat(user.afterFrame()).isEqualTo(66);
        assertThat(user.registers()).containsEntry("RIP", "453299").containsEntry("RSP", "00007f426abc9c58")
                .containsEntry("ORIG_RAX", "0000000000000036").containsEntry("R15", "0000000000000000");
        assertThat(t.registers()).isEmpty();
    }

    @Test
    void rcuStallWithIrqStackAndInterruptedRip() throws IOException {
        TraceAnalysis a = first(syzkallerConsole("268"));
        Trace t = a.trace();
        naming(a, "INFO: rcu detected stall", "kvm_vcpu_ioctl", "kvm_mmu_page_fault", 0x2a3L);
        assertThat(t.headline()).isEqualTo("rcu: INFO: rcu_preempt self-detected stall on CPU");
        assertThat(t.arch()).isEqualTo(Arch.X86_64);
        assertThat(t.task().cpu()).isEqualTo(1);
        assertThat(t.task().pid()).isEqualTo(8314L);
        // the grace-period kthread's stack is beside the report; the NMI backtrace is the report's
        assertThat(t.frames()).hasSize(24);
        frame(t.frames().get(0), "dump_stack", 0x1c4L, 0x2b4L, true, StackContext.IRQ);
        frame(t.frames().get(13), "apic_timer_interrupt", 0xfL, 0x20L, true, StackContext.IRQ);
        frame(t.frames().get(14), "handle_ept_violation", 0x29eL, 0x6a0L, true, StackContext.TASK);
        ExceptionFrame rip = t.exceptions().get(0);
        assertThat(rip.kind()).isEqualTo("exception RIP");
        assertThat(rip.afterFrame()).isEqualTo(13);
        assertThat(rip.function()).isEqualTo("kvm_mmu_page_fault");
        assertThat(rip.registers()).hasSize(18).containsEntry("RSP", "ffff880191beeed0")
                .containsEntry("R08", "ffff8801c44f83c0").containsEntry("R15", "0000000000000f7e");
        // no register block in the header: the first exception frame's registers stand in
        assertThat(t.registers()).isEqualTo(rip.registers());
    }

    @Test
    void arm64WarningWithPcLrAndXRegisters() throws IOException {
        TraceAnalysis a = first(syzkallerConsole("525"));
        Trace t = a.trace();
        naming(a, "WARNING: ODEBUG bug", "netdev_freemem", "debug_print_object", 0x188L);
        assertThat(t.arch()).isEqualTo(Arch.ARM64);
        assertThat(t.ip().size()).isEqualTo(0x268L);
        assertThat(t.task().command()).isEqualTo("kworker/u8:3");
        assertThat(t.frames()).hasSize(18);
        frame(t.frames().get(0), "debug_print_object", 0x188L, 0x268L, true, StackContext.TASK);
        frame(t.frames().get(5), "netdev_freemem", 0x4cL, 0x68L, true, StackContext.TASK);
        assertThat(t.frames().get(17).function()).isEqualTo("ret_from_fork");
        // pstate, sp and x29..x0
        assertThat(t.registers()).hasSize(32).containsEntry("PSTATE", "80000005")
                .containsEntry("SP", "ffff000040ddf5b0").containsEntry("X29", "ffff000040ddf5b0")
                .containsEntry("X9", "dfffa00000000000").containsEntry("X0", "0000000000000000");
    }

    @Test
    void riscv64WarningNamesTheFunctionOfItsHeader() throws IOException {
        TraceAnalysis a = first(syzkallerConsole("545"));
        Trace t = a.trace();
        // riscv prints no symbolised pc: the WARNING line's "at file:line func+off" is the site
        naming(a, "WARNING", "__virt_to_phys", "__virt_to_phys", 0x44L);
        assertThat(t.arch()).isEqualTo(Arch.RISCV64);
        assertThat(t.frames()).hasSize(8);
        Frame f0 = t.frames().get(0);
        frame(f0, "walk_stackframe", 0x0L, 0xaaL, true, StackContext.TASK);
        assertThat(f0.address()).isEqualTo("ffffffe00020383c");
        assertThat(t.frames().get(7).function()).isEqualTo("ret_from_exception");
        assertThat(t.registers()).containsEntry("EPC", "ffffffe000207654").containsEntry("RA", "ffffffe000207654")
                .containsEntry("S10", "000000000004d648").containsEntry("BADADDR", "0000000000000000")
                .containsEntry("CAUSE", "0000000000000003");
    }

    @Test
    void kmsanUninitValueNamedByItsHeader() throws IOException {
        TraceAnalysis a = first(syzkallerConsole("626"));
        Trace t = a.trace();
        naming(a, "KMSAN: uninit-value", "prepare_task_switch", "prepare_task_switch", null);
        assertThat(t.headline()).isEqualTo("BUG: KMSAN: uninit-value in prepare_task_switch+0x284/0xd00");
        // frames right under the header, no Call Trace line; "Local variable ... created at:" is another stack
        assertThat(t.frames()).hasSize(13);
        frame(t.frames().get(0), "prepare_task_switch", 0x284L, 0xd00L, true, StackContext.TASK);
        assertThat(t.frames().get(12).function()).isEqualTo("entry_SYSCALL_64_after_hwframe");
        assertThat(t.arch()).isEqualTo(Arch.X86_64);
    }

    @Test
    void ubsanOverflowInInterruptContext() throws IOException {
        TraceAnalysis a = first(syzkallerConsole("41"));
        Trace t = a.trace();
        naming(a, "UBSAN: undefined-behaviour", "ip_idents_reserve", "ip_idents_reserve", null);
        assertThat(t.task().command()).isEqualTo("cups-browsed");
        assertThat(t.frames()).hasSize(8);
        Frame f0 = t.frames().get(0);
        frame(f0, "dump_stack", 0x45L, 0x6cL, true, StackContext.IRQ);
        assertThat(f0.address()).isEqualTo("ffffffff81b2e7d9");
        frame(t.frames().get(3), "csum_partial_copy_nocheck", 0xfL, 0x20L, false, StackContext.IRQ);
        assertThat(t.frames()).allMatch(f -> f.context() == StackContext.IRQ);
    }

    @Test
    void kasanUseAfterFreeWriteWithIrqAndTaskMarkers() throws IOException {
        TraceAnalysis a = first(syzkallerConsole("638"));
        Trace t = a.trace();
        // the header's function (_atomic_dec_and_lock_irqsave) is a lock helper: its caller is guilty
        assertThat(a.naming().kind()).isEqualTo("KASAN: use-after-free Write");
        assertThat(a.naming().guilty()).isEqualTo("put_ucounts");
        assertThat(a.naming().title()).isEqualTo("KASAN: use-after-free Write in put_ucounts");
        assertThat(t.task().pid()).isEqualTo(14951L);
        assertThat(t.frames()).hasSize(26);
        assertThat(t.frames().subList(0, 10)).allMatch(f -> f.context() == StackContext.IRQ);
        assertThat(t.frames().subList(10, 26)).allMatch(f -> f.context() == StackContext.TASK);
        frame(t.frames().get(0), "dump_stack_lvl", 0xcdL, 0x134L, true, StackContext.IRQ);
    }

    @Test
    void warningWithPanicOnWarnUsesTheRipInsideTheStack() throws IOException {
        TraceAnalysis a = first(syzkallerConsole("140"));
        Trace t = a.trace();
        naming(a, "WARNING", "strp_data_ready", "strp_data_ready", 0x2b7L);
        assertThat(t.headline()).startsWith("WARNING: CPU: 0 PID: 5944 at ./include/net/sock.h:1508 strp_data_ready");
        assertThat(t.frames()).hasSize(49);
        frame(t.frames().get(0), "dump_stack", 0x194L, 0x257L, true, StackContext.TASK);
        ExceptionFrame rip = t.exceptions().get(0);
        assertThat(rip.kind()).isEqualTo("exception RIP");
        assertThat(rip.function()).isEqualTo("strp_data_ready");
        assertThat(rip.afterFrame()).isEqualTo(20);
        assertThat(t.exceptions().get(1).kind()).isEqualTo("registers");
    }

    @Test
    void hungTaskTakesTheTaskFromItsHeader() throws IOException {
        TraceAnalysis a = first(syzkallerConsole("176"));
        Trace t = a.trace();
        naming(a, "INFO: task hung", "do_exit", "do_exit", null);
        assertThat(t.task().command()).isEqualTo("syz-executor0");
        assertThat(t.task().pid()).isEqualTo(10244L);
        assertThat(t.task().cpu()).isNull();
        assertThat(t.frames()).hasSize(69);
        frame(t.frames().get(0), "__schedule", 0x8ebL, 0x2060L, true, StackContext.TASK);
        frame(t.frames().get(1), "__sched_text_start", 0x8L, 0x8L, false, StackContext.TASK);
    }

    @Test
    void memoryLeakBacktraceFromKmemleak() throws IOException {
        TraceAnalysis a = first(syzkallerConsole("310"));
        Trace t = a.trace();
        naming(a, "memory leak", "__kernfs_new_node", "__kernfs_new_node", null);
        assertThat(t.headline()).isEqualTo("BUG: memory leak");
        assertThat(t.frames()).hasSize(16);
        Frame f0 = t.frames().get(0);
        frame(f0, "kmem_cache_alloc", 0x1bbL, 0x3d0L, true, StackContext.TASK);
        assertThat(f0.address()).isEqualTo("000000008beb86da");
    }

    @Test
    void armRcuStallThroughTheIrqVector() throws IOException {
        TraceAnalysis a = first(syzkallerConsole("237"));
        Trace t = a.trace();
        naming(a, "INFO: rcu detected stall", "mount", "mount", null);
        assertThat(t.arch()).isEqualTo(Arch.ARM);
        // 23 "(f) from (g)" lines and the outermost caller, ret_fast_syscall
        assertThat(t.frames()).hasSize(24);
        Frame f0 = t.frames().get(0);
        frame(f0, "unwind_backtrace", null, null, true, StackContext.TASK);
        assertThat(f0.address()).isEqualTo("8011218c");
        // the caller's "+0x18/0x1c" on the line above belongs to show_stack
        frame(t.frames().get(1), "show_stack", 0x18L, 0x1cL, true, StackContext.TASK);
        assertThat(t.frames().get(23).function()).isEqualTo("ret_fast_syscall");
    }

    @Test
    void ppc64WarningWithNipAndGprs() throws IOException {
        TraceAnalysis a = first(satyr("rhbz-1040900-ppc64-1"));
        Trace t = a.trace();
        naming(a, "WARNING", "eeh_dev_check_failure", "eeh_dev_check_failure", 0x27cL);
        assertThat(t.arch()).isEqualTo(Arch.PPC64);
        assertThat(t.task().command()).isEqualTo("systemd-udevd");
        assertThat(t.frames()).hasSize(20);
        Frame f0 = t.frames().get(0);
        // ".eeh_dev_check_failure ... (unreliable)": the ELFv1 dot goes, the frame is unreliable
        frame(f0, "eeh_dev_check_failure", 0x278L, 0x390L, false, StackContext.TASK);
        assertThat(f0.stackAddress()).isEqualTo("c000000010f930b0");
        assertThat(f0.address()).isEqualTo("c000000008068df8");
        frame(t.frames().get(4), "ipr_probe_ioa", 0x6cL, 0x1390L, true, StackContext.TASK);
        assertThat(t.frames().get(4).module()).isEqualTo("ipr");
        assertThat(t.registers()).containsEntry("NIP", "c000000008068dfc").containsEntry("MSR", "8000000000029032")
                .containsEntry("GPR00", "c000000008068df8").containsEntry("GPR03", "0000000000000015")
                .containsEntry("GPR31", "c000000026083960");
    }

    @Test
    void s390WarningWithPswAndGprs() throws IOException {
        TraceAnalysis a = first(satyr("rhbz-1040900-s390x-1"));
        Trace t = a.trace();
        naming(a, "WARNING", "will_oops_init", "will_oops_init", 0x3aL);
        assertThat(t.headline()).isEqualTo("WARNING: at /tmp/will_oops.VBwBJthHLD/will_oops.c:11");
        assertThat(t.arch()).isEqualTo(Arch.S390X);
        assertThat(t.frames()).hasSize(5);
        Frame f0 = t.frames().get(0);
        frame(f0, "will_oops_init", 0x36L, 0x1000L, true, StackContext.TASK);
        assertThat(f0.module()).isEqualTo("will_oops");
        assertThat(t.frames().get(4).function()).isEqualTo("sysc_tracego");
        // "Krnl GPRS:" and its three continuation lines: r0..r15; the PSW flag fields are no registers
        assertThat(t.registers()).hasSize(16).containsEntry("R0", "0000000000010000")
                .containsEntry("R15", "0000000059e1fc68").doesNotContainKey("CC");
    }

    @Test
    void armNullDereferenceWithPcIsAt() throws IOException {
        TraceAnalysis a = first(satyr("arm-hung-task-oops-2"));
        Trace t = a.trace();
        naming(a, "BUG: unable to handle kernel NULL pointer dereference", "shmem_getpage_gfp", "shmem_getpage_gfp",
                0x584L);
        assertThat(t.headline()).isEqualTo("Unable to handle kernel NULL pointer dereference at virtual address 00000009");
        assertThat(t.arch()).isEqualTo(Arch.ARM);
        assertThat(t.task().pid()).isEqualTo(431L);
        assertThat(t.frames()).hasSize(8);
        frame(t.frames().get(1), "generic_perform_write", 0xa8L, 0x1c0L, true, StackContext.TASK);
        assertThat(t.frames().get(7).function()).isEqualTo("ret_fast_syscall");
        assertThat(t.registers()).containsEntry("PC", "c0333330").containsEntry("LR", "c0333200")
                .containsEntry("PSR", "80070113").containsEntry("R9", "00000001").containsEntry("R0", "00000000");
    }

    @Test
    void x86KernelBugBlamesTheCallerOfAHeaderHelper() throws IOException {
        TraceAnalysis a = first(satyr("rhbz-865695-0"));
        Trace t = a.trace();
        // "kernel BUG at include/net/cfg80211.h": the BUG_ON is in an inline helper, its caller is guilty
        naming(a, "kernel BUG", "wl_cfg80211_scan", "wdev_priv.part.8", 0x3L);
        assertThat(t.arch()).isEqualTo(Arch.X86);
        assertThat(t.task().pid()).isEqualTo(598L);
        assertThat(t.task().command()).isEqualTo("wpa_supplicant");
        assertThat(t.frames()).hasSize(24);
        Frame f0 = t.frames().get(0);
        frame(f0, "wl_cfg80211_scan", 0x411L, 0x4a0L, true, StackContext.TASK);
        assertThat(f0.module()).isEqualTo("wl");
        assertThat(t.registers()).containsEntry("EIP", "f8e40765").containsEntry("EAX", "00000000")
                .containsEntry("ESP", "f180dbf8").containsEntry("CR2", "099db264");
    }

    @Test
    void x86_64GeneralProtectionFault() throws IOException {
        TraceAnalysis a = first(satyr("rhbz-1140681"));
        Trace t = a.trace();
        naming(a, "general protection fault", "find_get_entry", "find_get_entry", 0x42L);
        assertThat(t.arch()).isEqualTo(Arch.X86_64);
        assertThat(t.task().command()).isEqualTo("X");
        assertThat(t.frames()).hasSize(20);
        frame(t.frames().get(0), "find_lock_entry", 0x1fL, 0x80L, true, StackContext.TASK);
        assertThat(t.frames().get(3).module()).isEqualTo("i915");
        assertThat(t.registers()).containsEntry("RIP", "ffffffff81171b02").containsEntry("RSP", "ffff88020211fa28");
    }

    @Test
    void nmiThenIrqThenTaskContexts() throws IOException {
        TraceAnalysis a = first(satyr("github-73-modified"));
        Trace t = a.trace();
        naming(a, "WARNING", "tcp_fastretrans_alert", "tcp_fastretrans_alert", 0xc7aL);
        assertThat(t.frames()).hasSize(33);
        frame(t.frames().get(0), "dump_stack", 0x19L, 0x1bL, true, StackContext.NMI);
        frame(t.frames().get(12), "ip_local_deliver_finish", 0xd0L, 0x230L, true, StackContext.NMI);
        // "<<EOE>> <IRQ>  [<ffffffff81584ca7>] ip_local_deliver+0x47/0x80": marker and frame on one line
        frame(t.frames().get(13), "ip_local_deliver", 0x47L, 0x80L, true, StackContext.IRQ);
        frame(t.frames().get(27), "rt2800pci_rxdone_tasklet", 0x16L, 0x90L, true, StackContext.TASK);
        assertThat(t.frames().get(27).module()).isEqualTo("rt2800pci");
        assertThat(t.frames().get(32).function()).isEqualTo("common_interrupt");
    }
}
