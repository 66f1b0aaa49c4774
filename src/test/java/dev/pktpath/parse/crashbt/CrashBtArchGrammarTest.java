package dev.pktpath.parse.crashbt;

import dev.pktpath.model.Arch;
import dev.pktpath.model.Dump;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per architecture's register-block grammar. No capture in the corpus shows these blocks whole,
 * so every sample here is our own text, written to follow the fprintf formats in crash's sources
 * (s390x.c print_ptregs/s390x_print_lowcore, ppc64.c ppc64_print_eframe, arm64.c
 * arm64_print_exception_frame, x86.c x86_dump_eframe_common, mips64.c/loongarch64.c
 * *_dump_exception_stack, arm.c arm_dump_exception_stack, riscv64.c riscv64_print_exception_frame).
 */
class CrashBtArchGrammarTest {

    private static Trace only(String text) {
        Dump d = new DumpParser().parse("sample", text);
        assertThat(d.traces()).hasSize(1);
        return d.traces().get(0);
    }

    @Test
    void readsS390xLowcoreAndPswBlocks() {
        Trace t = only("""
                PID: 2417   TASK: 3f8a2c400        CPU: 1   COMMAND: "netperf"
                 LOWCORE INFO:
                  -psw      : 0x0404c00180000000 0x00000000004d2a1c
                  -function : tcp_ack at 4d2a1c
                  -prefix   : 0x0017d000
                  -cpu timer: 0x7fffffe0bf8a3c00
                  -clock cmp: 0x00d1a2b3c4d5e600
                  -general registers:
                     0x0000000000000001 0x000000003f2e1d60
                     000000000000000000 0x00000000004d2a1c
                  -access registers:
                     0x000003ff 0xa1b2c3d0 0000000000 0000000000
                  -control registers:
                     0x0000000014066a12 0x0000000001a2b007

                 #0 [3f2e1c58] tcp_ack at 4d2a1c
                 #1 [3f2e1d00] tcp_rcv_established at 4d4b10
                 KERNEL-MODE INTERRUPT FRAME; pt_regs at 3f2e1d60:
                 PSW:  0704d00180000000 00000000004d2a1c (tcp_ack+356)
                 GPRS: 0000000000000000 0000000000000001 00000000004d2a1c 000000003f2e1d60
                       0000000000000002 0000000000000003 0000000000000004 0000000000000005
                       0000000000000006 0000000000000007 0000000000000008 0000000000000009
                       000000000000000a 000000000000000b 00000000004d4b10 000000003f2e1c58
                 #0 [3f2e1e10] ip_rcv at 4b0120
                 #1 [3f2e1eb0] __netif_receive_skb at 48a3f4
                 USER-MODE INTERRUPT FRAME; pt_regs at 3f2e1f60:
                 PSW:  0705200180000000 000003ff8a1b2c3e (user space)
                 GPRS: 0000000000000000 0000000000000001 0000000000000002 0000000000000003
                """);
        assertThat(t.arch()).isEqualTo(Arch.S390X);
        assertThat(t.frames()).extracting(Frame::function)
                .containsExactly("tcp_ack", "tcp_rcv_established", "ip_rcv", "__netif_receive_skb");
        assertThat(t.frames()).extracting(Frame::level).containsExactly(0, 1, 0, 1);
        assertThat(t.diagnostics()).anyMatch(d -> d.message().startsWith("frame numbering restarts"));
        assertThat(t.exceptions()).hasSize(3);

        ExceptionFrame lowcore = t.exceptions().get(0);
        assertThat(lowcore.kind()).isEqualTo("lowcore");
        assertThat(lowcore.afterFrame()).isEqualTo(-1);
        assertThat(lowcore.function()).isEqualTo("tcp_ack");
        assertThat(lowcore.registers()).containsEntry("PSW_MASK", "0404c00180000000")
                .containsEntry("PSW_ADDR", "00000000004d2a1c").containsEntry("PREFIX", "0017d000")
                .containsEntry("CPU_TIMER", "7fffffe0bf8a3c00").containsEntry("CLOCK_CMP", "00d1a2b3c4d5e600")
                .containsEntry("GPR0", "0000000000000001").containsEntry("GPR2", "000000000000000000")
                .containsEntry("GPR3", "00000000004d2a1c").containsEntry("AR1", "a1b2c3d0")
                .containsEntry("AR3", "0000000000").containsEntry("CR1", "0000000001a2b007");
        assertThat(lowcore.registers()).hasSize(5 + 4 + 4 + 2);

        ExceptionFrame psw = t.exceptions().get(1);
        assertThat(psw.kind()).isEqualTo("exception PSW");
        assertThat(psw.afterFrame()).isEqualTo(1);
        assertThat(psw.function()).isEqualTo("tcp_ack");
        assertThat(psw.offset()).isEqualTo(356L);
        assertThat(psw.registers()).hasSize(18).containsEntry("PSW_MASK", "0704d00180000000")
                .containsEntry("GPR0", "0000000000000000").containsEntry("GPR14", "00000000004d4b10")
                .containsEntry("GPR15", "000000003f2e1c58");

        ExceptionFrame user = t.exceptions().get(2);
        assertThat(user.kind()).isEqualTo("user-mode registers");
        assertThat(user.afterFrame()).isEqualTo(3);
        assertThat(user.function()).isNull();
        assertThat(user.registers()).containsEntry("PSW_ADDR", "000003ff8a1b2c3e").hasSize(6);
    }

    @Test
    void readsPpc64ExceptionFrameWithNipAndLr() {
        StringBuilder gprs = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            gprs.append(String.format(" R%d:%s %016x   ", i, i < 10 ? " " : "", 0xc000000000d10000L + i));
            if (i % 3 == 2 || i == 31) {
                gprs.append('\n');
            }
        }
        Trace t = only("""
                PID: 4242   TASK: c000000012345600  CPU: 5   COMMAND: "iperf3"
                 #0 [c00000000f3bf6d0] crash_kexec at c0000000002a1b2c
                 #1 [c00000000f3bf900] oops_end at c000000000028f3c
                 #2 [c00000000f3bf980] bad_page_fault at c00000000008a1b4
                 #3 [c00000000f3bf9f0] data_access_common_virt at c000000000008e6c
                 Data Access [300] exception frame:
                """ + gprs + """
                 NIP: c000000000d1e300    MSR: 8000000000009033    OR3: c000000000d1e2f0
                 CTR: c000000000d1e2a0    LR:  c000000000d1f5a8    XER: 0000000020000000
                 CCR: 0000000024002848    MQ:  0000000000000000    DAR: 0000000000000010
                 DSISR: 0000000040000000     Syscall Result: 0000000000000000
                 [NIP  : tcp_ack+0x1c4]
                 [LR   : tcp_rcv_established+0x6a8]
                 #4 [c00000000f3bfce0] tcp_ack at c000000000d1e300
                 #5 [c00000000f3bfd90] tcp_rcv_established at c000000000d1f5a8  (unreliable)
                 #6 [c00000000f3bfe10] ip_rcv at c000000000cd0a10
                """);
        assertThat(t.arch()).isEqualTo(Arch.PPC64);
        assertThat(t.frames()).hasSize(7);
        assertThat(t.frames().get(5).reliable()).isFalse();
        assertThat(t.frames().get(4).reliable()).isTrue();
        ExceptionFrame e = t.exceptions().get(0);
        assertThat(e.kind()).isEqualTo("exception NIP");
        assertThat(e.afterFrame()).isEqualTo(3);
        assertThat(e.function()).isEqualTo("tcp_ack");
        assertThat(e.offset()).isEqualTo(0x1c4L);
        assertThat(e.registers()).hasSize(1 + 32 + 11)
                .containsEntry("TRAP", "300").containsEntry("R0", "c000000000d10000").containsEntry("R31", "c000000000d1001f")
                .containsEntry("NIP", "c000000000d1e300").containsEntry("MSR", "8000000000009033")
                .containsEntry("DSISR", "0000000040000000").containsEntry("SYSCALL_RESULT", "0000000000000000");
        assertThat(t.diagnostics()).noneMatch(d -> d.message().startsWith("unrecognised"));

        Trace search = only("""
                PID: 4242   TASK: c000000012345600  CPU: 5   COMMAND: "iperf3"

                  KERNEL-MODE EXCEPTION FRAME AT c00000000f3bfa40:
                 Hardware Interrupt [501] exception frame:
                 R0:  c000000000d1e2f4    R1:  c00000000f3bfce0    R2:  c000000001a2b300
                 NIP: c000000000d1e300    MSR: 8000000000009033    OR3: c000000000d1e2f0
                 [NIP  : tcp_ack+452]
                """);
        assertThat(search.exceptions()).hasSize(1);
        assertThat(search.exceptions().get(0).kind()).isEqualTo("exception NIP");
        assertThat(search.exceptions().get(0).function()).isEqualTo("tcp_ack");
        assertThat(search.exceptions().get(0).offset()).isEqualTo(452L);
        assertThat(search.exceptions().get(0).registers()).containsEntry("TRAP", "501").hasSize(7);
    }

    @Test
    void readsArm64KernelExceptionBlockAndIrqMarker() {
        StringBuilder xs = new StringBuilder("    ");
        for (int i = 29, r = 1; i >= 0; i--, r++) {
            xs.append(String.format("%sX%d: %016x", i < 10 ? " " : "", i, 0xffff000003c40000L + i));
            xs.append(i == 0 || r % 3 == 0 ? "\n    " : "  ");
        }
        Trace t = only("""
                PID: 3310   TASK: ffff00001a2b3c00  CPU: 2   COMMAND: "ksoftirqd/2"
                 #0 [ffff80000a1b3a10] machine_kexec at ffff800008027a44
                 #1 [ffff80000a1b3a70] __crash_kexec at ffff80000814b2d8
                 #2 [ffff80000a1b3c00] die at ffff800008016c6c
                 #3 [ffff80000a1b3c60] el1h_64_sync at ffff800008011388
                     PC: ffff800008b5d0e4  [skb_release_data+148]
                     LR: ffff800008b5d0c0  [skb_release_data+112]
                     SP: ffff80000a1b3e50  PSTATE: 60400005
                """ + xs + """
                 #4 [ffff80000a1b3e50] skb_release_data at ffff800008b5d0e4
                 #5 [ffff80000a1b3e90] napi_consume_skb at ffff800008b60f2c [mlx5_core]
                --- <IRQ stack> ---
                 #6 [ffff80000c3dbd40] call_on_irq_stack at ffff80000801a2b4
                 #7 [ffff80000c3dbd60] do_interrupt_handler at ffff80000801c1a0
                """);
        assertThat(t.arch()).isEqualTo(Arch.ARM64);
        ExceptionFrame e = t.exceptions().get(0);
        assertThat(e.kind()).isEqualTo("exception PC");
        assertThat(e.afterFrame()).isEqualTo(3);
        assertThat(e.function()).isEqualTo("skb_release_data");
        assertThat(e.offset()).isEqualTo(148L);
        assertThat(e.registers()).hasSize(34).containsEntry("PC", "ffff800008b5d0e4").containsEntry("PSTATE", "60400005")
                .containsEntry("X29", "ffff000003c4001d").containsEntry("X0", "ffff000003c40000");
        assertThat(t.frames()).extracting(Frame::context).containsExactly(
                StackContext.IRQ, StackContext.IRQ, StackContext.IRQ, StackContext.IRQ, StackContext.IRQ, StackContext.IRQ,
                StackContext.TASK, StackContext.TASK);
        assertThat(t.frames().get(5).module()).isEqualTo("mlx5_core");
    }

    @Test
    void readsArm64AndRiscvUserModeBlocksAtSyscallEntry() {
        Trace arm = only("""
                PID: 977    TASK: ffff00000c1d2e00  CPU: 0   COMMAND: "curl"
                 #0 [ffff80000b2c3e60] __switch_to at ffff800008017e2c
                 #1 [ffff80000b2c3eb0] el0_svc at ffff800008d4e0a8
                     PC: 0000ffff8e2a1c40   LR: 0000ffff8e2a1b00   SP: 0000ffffd3c2b1a0
                    X29: 0000ffffd3c2b1a0  X28: 0000000000000000  X27: 0000000000000000
                     X2: 0000000000000040   X1: 0000ffffd3c2b1f8   X0: 0000000000000003
                    ORIG_X0: 0000000000000003  SYSCALLNO: 3f  PSTATE: 80001000
                """);
        ExceptionFrame e = arm.exceptions().get(0);
        assertThat(e.kind()).isEqualTo("user-mode registers");
        assertThat(e.afterFrame()).isEqualTo(1);
        assertThat(e.registers()).hasSize(12).containsEntry("SYSCALLNO", "3f").containsEntry("ORIG_X0", "0000000000000003");
        assertThat(arm.arch()).isEqualTo(Arch.ARM64);

        Trace compat = only("""
                PID: 978    TASK: ffff00000c1d3e00  CPU: 1   COMMAND: "armhf-app"
                 #0 [ffff80000b2d3e60] __switch_to at ffff800008017e2c
                 #1 [ffff80000b2d3fe0] el0t_32_sync at ffff800008011d48
                     PC: 0004a1c4  LR: 0004a0f0  SP: bec2d1a0  PSTATE: 60000010
                    X12: 00000000 X11: bec2d1cc X10: 00000000  X9: 0005c000
                     X3: 00000001  X2: 00000040  X1: bec2d1f8  X0: 00000003
                """);
        assertThat(compat.exceptions().get(0).kind()).isEqualTo("user-mode registers");
        assertThat(compat.exceptions().get(0).registers()).hasSize(12).containsEntry("PSTATE", "60000010");
        assertThat(compat.arch()).isEqualTo(Arch.ARM64);

        Trace rv = only("""
                PID: 88     TASK: ff60000002a1b000  CPU: 3   COMMAND: "wget"
                 #0 [ff20000010a3be30] riscv_crash_save_regs at ffffffff80011a3c
                 #1 [ff20000010a3bf90] do_trap_ecall_u at ffffffff80a1c2d4
                     PC: 0000003fb1a2c3d4   RA: 0000003fb1a2c300   SP: 0000003fffc1d2e0
                     ORIG_A0: 0000000000000003   SYSCALLNO: 000000000000003f
                """);
        assertThat(rv.arch()).isEqualTo(Arch.RISCV64);
        assertThat(rv.exceptions().get(0).kind()).isEqualTo("user-mode registers");
        assertThat(rv.exceptions().get(0).registers()).hasSize(5);
    }

    @Test
    void readsX86EipBlocksWithAndWithoutHeader() {
        Trace t = only("""
                PID: 1044   TASK: f1a2b000  CPU: 1   COMMAND: "ping"
                 #0 [f1a2dd80] crash_kexec at c04a1b2c
                 #1 [f1a2deb4] do_page_fault at c04271a3
                 #2 [f1a2dec0] error_code (via page_fault) at c09f0b6f
                    EAX: 00000000  EBX: f3a4c000  ECX: 00000020  EDX: f1a2df00  EBP: f1a2df20
                    DS:  007b      ESI: f2b1c0c0  ES:  007b      EDI: 00000000  GS:  00e0
                    CS:  0060      EIP: c0856c2a  ERR: ffffffff  EFLAGS: 00010246
                 #3 [f1a2def4] ip_rcv at c0856c2a
                 #4 [f1a2dfb0] sysenter_past_esp at c09f02dc
                    EAX: 00000066  EBX: 00000001  ECX: bf9e1c30  EDX: 00000000
                    DS:  007b      ESI: b7f1a000  ES:  007b      EDI: 00000000
                    SS:  007b      ESP: bf9e1c1c  EBP: bf9e1c48  GS:  0033
                    CS:  0073      EIP: b7f3e424  ERR: 00000066  EFLAGS: 00000246
                """);
        assertThat(t.arch()).isEqualTo(Arch.X86);
        assertThat(t.frames().get(2).function()).isEqualTo("error_code");
        ExceptionFrame k = t.exceptions().get(0);
        assertThat(k.kind()).isEqualTo("exception EIP");
        assertThat(k.afterFrame()).isEqualTo(2);
        assertThat(k.registers()).hasSize(14).containsEntry("GS", "00e0").containsEntry("EIP", "c0856c2a");
        ExceptionFrame u = t.exceptions().get(1);
        assertThat(u.kind()).isEqualTo("user-mode registers");
        assertThat(u.registers()).hasSize(16).containsEntry("CS", "0073");

        Trace e = only("""
                PID: 1044   TASK: f1a2b000  CPU: 1   COMMAND: "ping"

                 KERNEL-MODE EXCEPTION FRAME AT f1a2dec4:
                    [exception EIP: ip_rcv+58]
                    EAX: 00000000  EBX: f3a4c000  ECX: 00000020  EDX: f1a2df00  EBP: f1a2df20
                    DS:  007b      ESI: f2b1c0c0  ES:  007b      EDI: 00000000  GS:  00e0
                    CS:  0060      EIP: c0856c2a  ERR: ffffffff  EFLAGS: 00010246
                """);
        assertThat(e.exceptions()).hasSize(1);
        assertThat(e.exceptions().get(0).kind()).isEqualTo("exception EIP");
        assertThat(e.exceptions().get(0).function()).isEqualTo("ip_rcv");
        assertThat(e.exceptions().get(0).offset()).isEqualTo(58L);
        assertThat(e.exceptions().get(0).registers()).hasSize(14);
    }

    @Test
    void readsMips64AndLoongarch64ExceptionStacks() {
        StringBuilder mipsRows = new StringBuilder();
        StringBuilder laRows = new StringBuilder();
        for (int i = 0; i < 32; i += 4) {
            mipsRows.append(String.format("    $%2d   : %016x %016x %016x %016x%n", i, i, i + 1, i + 2, i + 3));
            laRows.append(String.format("    $%2d      : %016x %016x %016x %016x%n", i, i, i + 1, i + 2, i + 3));
        }
        Trace mips = only("""
                PID: 4801   TASK: 9800000243bd0000  CPU: 1   COMMAND: "nc"
                 #0 [980000024292f930] __crash_kexec at ffffffff8031a2c4
                 #1 [980000024292fbd0] tlb_do_page_fault_1 at ffffffff8024c1d0
                """ + mipsRows + """
                    Hi    : 0000000000000000
                    Lo    : 0000000000000000
                    epc   : ffffffff80912c48 udp_queue_rcv_skb+0x18
                    ra    : ffffffff80913a20 udp_rcv+0xc0
                    Status: 0000000014009ce3
                    Cause : 000000000080000c
                    BadVA : 0000000000000000
                 #2 [980000024292fd00] udp_queue_rcv_skb at ffffffff80912c48
                """);
        assertThat(mips.arch()).isEqualTo(Arch.MIPS64);
        ExceptionFrame m = mips.exceptions().get(0);
        assertThat(m.kind()).isEqualTo("exception EPC");
        assertThat(m.function()).isEqualTo("udp_queue_rcv_skb");
        assertThat(m.offset()).isEqualTo(0x18L);
        assertThat(m.afterFrame()).isEqualTo(1);
        assertThat(m.registers()).hasSize(39).containsEntry("$0", "0000000000000000").containsEntry("$31", "000000000000001f")
                .containsEntry("HI", "0000000000000000").containsEntry("EPC", "ffffffff80912c48")
                .containsEntry("RA", "ffffffff80913a20").containsEntry("STATUS", "0000000014009ce3").containsEntry("BADVA", "0000000000000000");

        Trace la = only("""
                PID: 1900   TASK: 900000009a560000  CPU: 2   COMMAND: "nc"
                 #0 [900000009bf0fb60] __crash_kexec at 90000000002f1a80
                 #1 [900000009bf0fc80] handle_tlb_load at 9000000000221c40
                """ + laRows + """
                    era      : 9000000000b31c48 udp_queue_rcv_skb+0x8
                    ra       : 9000000000b3a11c udp_rcv+0x5c
                    CSR crmd : 00000000000000b0
                    CSR prmd : 0000000000000004
                    CSR ecfg : 0000000000071c1c
                    CSR estat: 0000000000010000
                    CSR euen : 0000000000000000
                    BadVA    : 0000000000000000
                """);
        assertThat(la.arch()).isEqualTo(Arch.LOONGARCH64);
        ExceptionFrame l = la.exceptions().get(0);
        assertThat(l.kind()).isEqualTo("exception ERA");
        assertThat(l.function()).isEqualTo("udp_queue_rcv_skb");
        assertThat(l.offset()).isEqualTo(8L);
        assertThat(l.registers()).hasSize(40).containsEntry("CSR_ESTAT", "0000000000010000").containsEntry("ERA", "9000000000b31c48");
    }

    @Test
    void readsArm32FramesWithoutStackAddresses() {
        Trace t = only("""
                PID: 1      TASK: c7838000  CPU: 0   COMMAND: "init"
                 #0 [<c00d8a3c>] (crash_kexec) from [<c0011e98>]
                 #1 [<c0011d80>] (die) from [<c0015b34>]
                    pc : [<c0221a44>]    lr : [<c0222b10>]    psr: 60000093
                    sp : c7839e40  ip : 00000000  fp : c7839e5c
                    r10: 00000000  r9 : c7838000  r8 : 00000000
                    r7 : 00000063  r6 : c05a1b2c  r5 : 00000000  r4 : c0621a00
                    r3 : 00000000  r2 : 00000001  r1 : 60000093  r0 : 00000000
                    Flags: nZCv  IRQs off  FIQs on  Mode SVC_32  ISA ARM
                 #2 [<c0221a44>] (sysrq_handle_crash+0x10 [crashmod]) from [<c0222b10>]
                """);
        assertThat(t.arch()).isEqualTo(Arch.ARM);
        assertThat(t.frames()).hasSize(3);
        Frame f = t.frames().get(2);
        assertThat(f.function()).isEqualTo("sysrq_handle_crash");
        assertThat(f.offset()).isEqualTo(16L);
        assertThat(f.module()).isEqualTo("crashmod");
        assertThat(f.address()).isEqualTo("c0221a44");
        assertThat(f.stackAddress()).isNull();
        ExceptionFrame e = t.exceptions().get(0);
        assertThat(e.kind()).isEqualTo("exception PC");
        assertThat(e.registers()).hasSize(17).containsEntry("PC", "c0221a44").containsEntry("PSR", "60000093").containsEntry("R0", "00000000");
    }
}
