package dev.pktpath.parse.crashbt;

import dev.pktpath.model.Arch;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes around frames that every architecture shares: task headers, {@code bt -l}, {@code bt -f/-F},
 * stack markers, elision, prompts, quoting. All samples are our own lines following crash's print formats
 * (task.c print_task_header, kernel.c back_trace, x86_64.c x86_64_print_stack_entry and
 * x86_64_exception_frame), not text from any capture.
 */
class CrashBtLayoutTest {

    private static Dump parse(String text) {
        return new DumpParser().parse("sample", text);
    }

    private static final String TWO_TASKS = """
            PID: 0      TASK: ffffffff81a8d020  CPU: 0   COMMAND: "swapper/0"
             #0 [ffff88003fc03e70] crash_nmi_callback at ffffffff8102fc0f
             #1 [ffff88003fc03e80] nmi_handle at ffffffff8150c5f9
             #2 [ffff88003fc03ed0] do_nmi at ffffffff8150c6f0
             #3 [ffff88003fc03ef0] end_repeat_nmi at ffffffff8150bf5b
                [exception RIP: native_safe_halt+11]
                RIP: ffffffff8103eacb  RSP: ffffffff81a01ea8  RFLAGS: 00000286
                RAX: 0000000000000000  RBX: ffffffff81a8d020  RCX: 0000000000000000
                RDX: 0000000000000000  RSI: 0000000000000000  RDI: 0000000000000046
                RBP: ffffffff81a01ea8   R8: 0000000000000000   R9: 0000000000000000
                R10: 0000000000000000  R11: 0000000000000000  R12: 0000000000000000
                R13: ffffffff81a8d020  R14: 0000000000000000  R15: 0000000000000000
                ORIG_RAX: ffffffffffffffff  CS: 0010  SS: 0018
            --- <NMI exception stack> ---
             #4 [ffffffff81a01ea8] native_safe_halt at ffffffff8103eacb
             #5 [ffffffff81a01eb0] default_idle at ffffffff8101c2a7

            PID: 2312   TASK: ffff88003a4e8040  CPU: 1   COMMAND: "ksoftirqd/1"
             #0 [ffff88003fd03c20] machine_kexec at ffffffff8103284b
             #1 [ffff88003fd03c80] __netif_receive_skb at ffffffff81445ab2
             #2 [ffff88003fd03cd0] net_rx_action at ffffffff81446d33
             #3 [ffff88003fd03d30] __do_softirq at ffffffff8107a8f1
            --- <IRQ stack> ---
             #4 [ffff88003a4ebe40] do_softirq at ffffffff8101c325
             #5 [ffff88003a4ebe70] ksoftirqd at ffffffff8107a4d5
            """;

    @Test
    void splitsEveryTaskIntoItsOwnTraceAndSetsContextsFromMarkers() {
        Dump d = parse(TWO_TASKS);
        assertThat(d.traces()).hasSize(2);
        Trace a = d.traces().get(0);
        assertThat(a.task().pid()).isEqualTo(0L);
        assertThat(a.task().cpu()).isEqualTo(0);
        assertThat(a.task().command()).isEqualTo("swapper/0");
        assertThat(a.task().task()).isEqualTo("ffffffff81a8d020");
        assertThat(a.frames()).extracting(Frame::context).containsExactly(
                StackContext.NMI, StackContext.NMI, StackContext.NMI, StackContext.NMI, StackContext.TASK, StackContext.TASK);
        assertThat(a.exceptions().get(0).function()).isEqualTo("native_safe_halt");
        assertThat(a.exceptions().get(0).offset()).isEqualTo(11L);
        Trace b = d.traces().get(1);
        assertThat(b.id()).isEqualTo(2);
        assertThat(b.task().command()).isEqualTo("ksoftirqd/1");
        assertThat(b.frames()).extracting(Frame::context).containsExactly(
                StackContext.IRQ, StackContext.IRQ, StackContext.IRQ, StackContext.IRQ, StackContext.TASK, StackContext.TASK);
        assertThat(d.traces()).allMatch(t -> t.arch() == Arch.X86_64);
        assertThat(d.traces()).allMatch(t -> t.diagnostics().isEmpty());
    }

    @Test
    void mapsEveryMarkerCrashPrintsToAContext() {
        String text = """
                PID: 12     TASK: ffff88003a4e8040  CPU: 1   COMMAND: "worker"
                 #0 [ffff88003fd03c20] f0 at ffffffff8103284b
                --- <DOUBLEFAULT exception stack> ---
                 #1 [ffff88003fd03c80] f1 at ffffffff81445ab2
                --- <soft IRQ> ---
                 #2 [ffff88003fd03cd0] f2 at ffffffff81446d33
                --- <hard IRQ> ---
                 #3 [ffff88003fd03d30] f3 at ffffffff8107a8f1
                --- <DEBUG exception stack> ---
                 #4 [ffff88003a4ebe40] f4 at ffffffff8101c325
                ---<Emergency Stack>---
                 #5 [ffff88003a4ebe70] f5 at ffffffff8107a4d5
                --- <entry trampoline stack> ---
                 #6 [ffff88003a4ebe90] f6 at ffffffff8107a4e5
                """;
        Trace t = parse(text).traces().get(0);
        assertThat(t.frames()).extracting(Frame::context).containsExactly(
                StackContext.EXCEPTION, StackContext.SOFTIRQ, StackContext.IRQ, StackContext.EXCEPTION,
                StackContext.EXCEPTION, StackContext.UNKNOWN, StackContext.TASK);
    }

    @Test
    void attachesBtLSourceLinesAndBtFStackDataToTheirFrames() {
        Trace t = parse("""
                PID: 812    TASK: ffff88003e2a0000  CPU: 0   COMMAND: "sshd"
                 #0 [ffff88003a13bd60] schedule at ffffffff8150e2c3
                    /usr/src/debug/kernel-2.6.32/linux/kernel/sched.c: 5123
                    ffff88003a13bd68: 0000000000000082 ffffffff8106d6b6
                    ffff88003a13bd78: ffff88003a13bdb8 ffff88003e2a0000
                 #1 [ffff88003a13bdc0] schedule_timeout+0x1c5 at ffffffff8150f0c5
                    /usr/src/debug/kernel-2.6.32/linux/kernel/timer.c: 1471
                    ffff88003a13bdc8: [tcp_sock]       tcp_recvmsg+1234
                 #2 [ffff88003a13be30] sk_wait_data at ffffffff8142f2a0
                """).traces().get(0);
        assertThat(t.frames()).hasSize(3);
        assertThat(t.frames().get(0).source()).isEqualTo("/usr/src/debug/kernel-2.6.32/linux/kernel/sched.c:5123");
        assertThat(t.frames().get(0).stackData()).hasSize(2).first().asString().startsWith("ffff88003a13bd68:");
        assertThat(t.frames().get(1).offset()).isEqualTo(0x1c5L);
        assertThat(t.frames().get(1).source()).endsWith("timer.c:1471");
        assertThat(t.frames().get(1).stackData()).hasSize(1);
        assertThat(t.frames().get(2).stackData()).isEmpty();
        assertThat(t.frames().get(2).source()).isNull();
        assertThat(t.diagnostics()).isEmpty();
    }

    @Test
    void readsDecimalAndHexOffsetsAndSizes() {
        Trace t = parse("""
                 #0 [ffff88003a13bd60] tcp_ack+208 at ffffffff8150e2c3
                 #1 [ffff88003a13bdc0] tcp_ack+0xd0 at ffffffff8150e2c3
                 #2 [ffff88003a13bdd0] tcp_ack+0xd0/0x1a40 at ffffffff8150e2c3 [tcp_x]
                 #3 tcp_v4_rcv at ffffffff8150f0c5
                 #4 [ffff88003a13bf80] tracesys at ffffffff8100b288 (via system_call)
                bt: cannot transition from IRQ stack to current process stack:
                        IRQ stack pointer: ffff88003fc03f58
                    process stack pointer: ffff88003a13bf58
                       current stack base: ffff88003a138000
                """).traces().get(0);
        assertThat(t.diagnostics()).extracting(Diagnostic::message).containsOnly("crash message");
        assertThat(t.frames().get(4).function()).isEqualTo("tracesys");
        assertThat(t.frames()).extracting(Frame::offset).containsExactly(208L, 208L, 208L, null, null);
        assertThat(t.frames()).extracting(Frame::size).containsExactly(null, null, 0x1a40L, null, null);
        assertThat(t.frames().get(2).module()).isEqualTo("tcp_x");
        assertThat(t.frames().get(3).stackAddress()).isNull();
        assertThat(t.frames().get(3).function()).isEqualTo("tcp_v4_rcv");
    }

    @Test
    void cleansTabsCrlfQuotingAndPromptsWithoutChangingTheParse() {
        Dump plain = parse(TWO_TASKS);
        StringBuilder mangled = new StringBuilder("Hi, this is what crash printed:\r\n> crash> bt -a\r\n");
        for (String line : TWO_TASKS.split("\n")) {
            mangled.append(">> \t").append(line).append("\r\n");
        }
        mangled.append("> crash>\r\n").append("Thanks.\r\n");
        Dump d = parse(mangled.toString());
        assertThat(d.traces()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(d.traces().get(i).frames()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("raw", "line")
                    .isEqualTo(plain.traces().get(i).frames());
            assertThat(d.traces().get(i).exceptions()).extracting(e -> e.registers())
                    .isEqualTo(plain.traces().get(i).exceptions().stream().map(e -> e.registers()).toList());
        }
        assertThat(d.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("outside any backtrace", "crash prompt", "crash prompt", "outside any backtrace");
    }

    @Test
    void keepsElisionWarningsAndUnknownLinesAsDiagnostics() {
        Trace t = parse("""
                PID: 2040   TASK: ffff96a1b2c4d180  CPU: 16  COMMAND: "bash"
                (active)
                 #0 [ffffa9a1c0d2ba38] machine_kexec at ffffffff9e7712c4
                ...
                 #4 [ffffa9a1c0d2bbd0] __handle_sysrq at ffffffffa0123a40
                 #5 [ffffa9a1c0d2bc00] write_sysrq_trigger at ffffffffa001
                    [exception RIP: unknown or invalid address]
                    RIP: 0000000000000000  RSP: 0000000000000000  RFLAGS: 00000000
                bt: WARNING: possibly bogus exception frame
                something else entirely
                """).traces().get(0);
        assertThat(t.frames()).extracting(Frame::level).containsExactly(0, 4, 5);
        assertThat(t.exceptions()).hasSize(1);
        assertThat(t.exceptions().get(0).function()).isNull();
        assertThat(t.exceptions().get(0).kind()).isEqualTo("exception RIP");
        List<String> messages = t.diagnostics().stream().map(Diagnostic::message).toList();
        assertThat(messages).containsExactly(
                "task was active on a live system",
                "elided output: frames may be missing here",
                "frames #1..#3 are not in the input",
                "crash warns: possibly bogus exception frame (the exception frame at line 7)",
                "unrecognised line kept as text");
    }

    @Test
    void keepsATruncatedFrameLineAsAnUnrecognisedLine() {
        Trace t = parse("""
                PID: 77     TASK: ffff88003a4e8040  CPU: 1   COMMAND: "nc"
                 #0 [ffff88003fd03c20] machine_kexec at ffffffff8103284b
                 #1 [ffff88003fd03c80] __netif_rece
                """).traces().get(0);
        assertThat(t.frames()).hasSize(1);
        assertThat(t.diagnostics()).extracting(Diagnostic::message).containsExactly("unrecognised line kept as text");
    }

    @Test
    void readsUserSpaceHeaderAsUserModeRegisters() {
        Trace t = parse("""
                PID: 5100   TASK: ffff88003a4e8040  CPU: 3   COMMAND: "spin"
                    [exception RIP: user space]
                    RIP: 00000000004005d6  RSP: 00007ffd4c1a2b30  RFLAGS: 00000202
                    ORIG_RAX: ffffffffffffffff  CS: 0033  SS: 002b
                """).traces().get(0);
        assertThat(t.exceptions()).hasSize(1);
        assertThat(t.exceptions().get(0).kind()).isEqualTo("user-mode registers");
        assertThat(t.exceptions().get(0).registers()).hasSize(6);
    }

    @Test
    void turnsTextSymbolsIntoUnreliableFramesOnlyWhenThereAreNoFrames() {
        Trace t = parse("""
                PID: 1      TASK: c7838000  CPU: 0   COMMAND: "init"
                      START: schedule at c0275a4e
                  [c7839e10] schedule_timeout at c0275e1a
                  [c7839e40] do_select+1040 at c04a3b10 [xfs]
                """).traces().get(0);
        assertThat(t.frames()).hasSize(2);
        assertThat(t.frames()).allMatch(f -> !f.reliable() && f.level() == null);
        assertThat(t.frames().get(1).function()).isEqualTo("do_select");
        assertThat(t.frames().get(1).offset()).isEqualTo(1040L);
        assertThat(t.frames().get(1).module()).isEqualTo("xfs");
        assertThat(t.arch()).isEqualTo(Arch.X86);
    }

    @Test
    void readsPanicHeadlineAndUnknownTaskFields() {
        Dump d = parse("""
                     PANIC: "Oops: 0002 [#1] SMP " (check log for details)
                PID: ?      TASK: ffff88003a4e8040  CPU: ?   COMMAND: ?
                 #0 [ffff88003fd03c20] machine_kexec at ffffffff8103284b
                """);
        Trace t = d.traces().get(0);
        assertThat(t.headline()).isEqualTo("Oops: 0002 [#1] SMP");
        assertThat(t.task().pid()).isNull();
        assertThat(t.task().cpu()).isNull();
        assertThat(t.task().command()).isNull();
    }

    @Test
    void keepsAHugeLineAsTextWithoutSlowingDown() {
        String huge = "#1 [ffff88003fd03c80] " + "x at y ".repeat(100_000) + "tail";
        Dump d = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> parse("""
                PID: 77     TASK: ffff88003a4e8040  CPU: 1   COMMAND: "nc"
                 #0 [ffff88003fd03c20] machine_kexec at ffffffff8103284b
                """ + huge + "\n"));
        assertThat(d.traces().get(0).frames()).hasSize(1);
        assertThat(d.traces().get(0).diagnostics()).extracting(Diagnostic::message)
                .containsExactly("line too long for crash output, kept as text");
    }

    @Test
    void joinsAModuleOrUnreliableMarkWrappedOntoTheNextLine() {
        Trace t = parse("""
                 #32 [ffff880028203d08] bnx2_poll_work at ffffffffa02ecd5f
                 [bnx2]
                 #33 [ffff880028203e18] bnx2_poll at ffffffffa02ed3a9

                 [bnx2]  (unreliable)
                 [bnx2]
                """).traces().get(0);
        assertThat(t.frames()).extracting(Frame::module).containsExactly("bnx2", "bnx2");
        assertThat(t.frames()).extracting(Frame::reliable).containsExactly(true, false);
        assertThat(t.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "trace starts at #32: earlier frames are not in the input",
                "wrapped end of the frame line above", "wrapped end of the frame line above", "unrecognised line kept as text");
    }

    @Test
    void aTaskWithoutEvidenceTakesTheDumpsArchitecture() {
        Dump d = parse("""
                PID: 0      TASK: ffff9a1b2c3d4000  CPU: 4   COMMAND: "swapper/4"

                PID: 3121   TASK: ffff9a1b2c3d8000  CPU: 5   COMMAND: "nc"
                 #0 [ff20000010a3be30] riscv_crash_save_regs at ffffffff80011a3c
                 #1 [ff20000010a3bf90] do_trap_ecall_u at ffffffff80a1c2d4
                """);
        assertThat(d.traces()).extracting(Trace::arch).containsExactly(Arch.RISCV64, Arch.RISCV64);
        assertThat(d.traces().get(0).frames()).isEmpty();
    }

    @Test
    void keepsTheSourceLineOfAnExceptionFrameApartFromTheFrameAbove() {
        Trace t = parse("""
                PID: 1499   TASK: ffff88006b1e2a40  CPU: 2   COMMAND: "ping"
                 #3 [ffff880061c2add0] page_fault at ffffffff8151a2c5
                    /usr/src/debug/linux/arch/x86/kernel/entry_64.S: 1234
                    [exception RIP: skb_put+0x4c]
                    RIP: ffffffff81a2c1f8  RSP: ffff880061c2ae88  RFLAGS: 00010086
                    ORIG_RAX: ffffffffffffffff  CS: 0010  SS: 0018
                    /usr/src/debug/linux/net/core/skbuff.c: 1345
                 #4 [ffff880061c2aed0] icmp_push_reply at ffffffff8155b2e4
                """).traces().get(0);
        assertThat(t.frames().get(0).source()).endsWith("entry_64.S:1234");
        assertThat(t.frames().get(1).source()).isNull();
        assertThat(t.exceptions().get(0).offset()).isEqualTo(0x4cL);
        assertThat(t.exceptions().get(0).registers()).hasSize(6);
        assertThat(t.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "trace starts at #3: earlier frames are not in the input", "source line of the exception frame");
    }

    @Test
    void keepsOutOfRangeNumbersAsUnknownInsteadOfFailing() {
        Trace t = parse("""
                PID: 99999999999999999999  TASK: ffff88003a4e8040  CPU: 99999999999  COMMAND: "x"
                 #99999999999999 [ffff88003fd03c20] f+0xffffffffffffffffffff/99999999999999999999 at ffffffff8103284b
                    RIP: ffffffff8103284b  RSP: ffff88003fd03c20  CS: fffffffffffffffffffffff
                """).traces().get(0);
        assertThat(t.task().pid()).isNull();
        assertThat(t.task().cpu()).isNull();
        Frame f = t.frames().get(0);
        assertThat(f.level()).isNull();
        assertThat(f.offset()).isNull();
        assertThat(f.size()).isNull();
        assertThat(f.function()).isEqualTo("f");
        assertThat(t.exceptions().get(0).registers()).containsEntry("CS", "fffffffffffffffffffffff");
    }
}
