package dev.pktpath.parse;

import java.util.regex.Pattern;

/**
 * The register-block grammars of crash's {@code bt}, per architecture, in one place. A block is
 * opened by a header line or a register line and read by {@link CrashBtRegisterBlock}.
 *
 * <p>Samples beside the patterns are our own lines, written to follow the {@code fprintf} formats in
 * crash's sources (the file named beside each), except where the seed sample shows the shape.
 */
final class CrashBtRegisters {
    private CrashBtRegisters() {
    }

    private static final String HEX = "[0-9a-fA-F]+";
    /** A register value: plain hex, or ARM's {@code [<c0221a44>]}. */
    private static final String VALUE = "(?:\\[<" + HEX + ">\\]|" + HEX + ")";
    /**
     * A register name as crash prints it: {@code RIP}, {@code R8}, {@code ORIG_RAX}, {@code X29},
     * riscv's lower-case {@code epc}/{@code s10}, ppc64's {@code Syscall Result}, loongarch's {@code CSR crmd}.
     */
    private static final String NAME = "(?:CSR\\s+[a-z]+|Syscall Result|[A-Za-z][A-Za-z0-9_]*)";

    // ---- headers -------------------------------------------------------------------------------

    /**
     * x86_64.c / x86.c: {@code [exception RIP: skb_clone+208]} (seed), own samples
     * {@code [exception EIP: do_page_fault+0x2c]}, {@code [exception RIP: unknown or invalid address]},
     * {@code [exception RIP: user space]}. Groups: register, what follows the colon.
     */
    static final Pattern EXCEPTION_HEADER = Pattern.compile("^\\[exception\\s+([A-Z]+):\\s*+((?:.*?\\S)??)\\s*\\]$");

    /**
     * {@code bt -e} (x86.c, x86_64.c, arm64.c, riscv64.c, ppc64.c): own samples
     * {@code KERNEL-MODE EXCEPTION FRAME AT: ffff80001234bd40}, {@code USER-MODE EXCEPTION FRAME AT c1f0dfc4:}.
     * Groups: mode, address.
     */
    static final Pattern SEARCH_HEADER = Pattern.compile("^(KERNEL|USER)-MODE EXCEPTION FRAME AT:?\\s*(" + HEX + "):?$");

    /** ppc64.c ppc64_print_eframe: own sample {@code Data Access [300] exception frame:}. Groups: trap name, trap. */
    static final Pattern PPC_EFRAME_HEADER = Pattern.compile("^(\\S(?:.*?\\S)??)\\s+\\[(" + HEX + ")\\]\\s+exception frame:$");

    /**
     * s390x.c show_trace: own samples {@code KERNEL-MODE INTERRUPT FRAME; pt_regs at 3f2e1d60:} and, with
     * {@code bt -e}, {@code USER-MODE INTERRUPT FRAME at 3f2e1c00} followed by {@code pt_regs at 3f2e1d60:}.
     * Groups: mode.
     */
    static final Pattern S390_IFRAME_HEADER = Pattern.compile(
            "^(KERNEL|USER)-MODE INTERRUPT FRAME(?:;\\s*pt_regs at " + HEX + ":|\\s+at\\s+" + HEX + ")$");
    static final Pattern S390_PT_REGS_AT = Pattern.compile("^pt_regs at " + HEX + ":$");

    /** s390x.c s390x_print_lowcore: own sample {@code LOWCORE INFO:}. */
    static final Pattern S390_LOWCORE_HEADER = Pattern.compile("^LOWCORE INFO:$");

    // ---- register lines ------------------------------------------------------------------------

    /**
     * A line of {@code NAME: value} pairs, every architecture:
     * {@code RBP: ffff880028203510   R8: 0000000000000000   R9: d84156c5635688c0} (seed), own samples
     * {@code DS:  007b      ESI: c1f0dfb8  ES:  007b      EDI: 00000000} (x86),
     * {@code X29: ffff80001234bd40  X28: ffff000012345600  X27: 0000000000000000} (arm64),
     * {@code  t1 : ffffffff80012344 t2 : 0000000000000000 s0 : ff20000000a3bd90} (riscv64),
     * {@code R0:  c000000000123450   R1:  c00000000f3bfa10   R2:  c000000001a2b300} (ppc64),
     * {@code DSISR: 0000000042000000     Syscall Result: 0000000000000000} (ppc64),
     * {@code CSR crmd : 00000000000000b0} (loongarch64), {@code pc : [<c0221a44>]    lr : [<c0222b10>]    psr: 60000093} (arm).
     */
    static final Pattern PAIRS_LINE = Pattern.compile(
            "^(?:" + NAME + "\\s*:\\s*" + VALUE + "(?=\\s|$)\\s*)++$");
    /** One pair of {@link #PAIRS_LINE}. Groups: name, value. */
    static final Pattern PAIR = Pattern.compile("(?<!\\S)(" + NAME + ")\\s*:\\s*(" + VALUE + ")(?=\\s|$)");

    /**
     * arm64.c / riscv64.c kernel-mode frames name the symbol of PC and LR/RA:
     * own samples {@code PC: ffff800010a1b2c4  [tcp_ack+356]}, {@code LR: ffff800010a1b200  [unknown or invalid address]}.
     * Groups: register, value, symbol.
     */
    static final Pattern SYMBOLIC_PAIR = Pattern.compile("^([A-Z][A-Z0-9_]*):\\s*(" + HEX + ")\\s+\\[(.+)\\]$");

    /**
     * mips64.c / loongarch64.c name the symbol after the value: own samples
     * {@code epc   : ffffffff80912c48 udp_rcv+0x18}, {@code era      : 9000000000b31c48 udp_rcv+0x8}.
     * Groups: register, value, symbol.
     */
    static final Pattern TRAILING_SYMBOL_PAIR = Pattern.compile("^(epc|era|ra)\\s*:\\s*(" + HEX + ")\\s+(\\S.*)$");

    /**
     * mips64.c / loongarch64.c general registers, four a row: own sample
     * {@code $ 4   : 0000000000000063 ffffffff80f1a6c8 0000000000000000 0000000000000001}.
     * Groups: first register number, four values.
     */
    static final Pattern GPR_ROW = Pattern.compile(
            "^\\$\\s*(\\d{1,3})\\s*:\\s*(" + HEX + ")\\s+(" + HEX + ")\\s+(" + HEX + ")\\s+(" + HEX + ")$");

    /** ppc64.c ppc64_print_nip_lr: own samples {@code [NIP  : tcp_ack+0x1c4]}, {@code [LR   : tcp_rcv_established+0x6a8]}. */
    static final Pattern PPC_SYMBOLIC = Pattern.compile("^\\[(NIP|LR)\\s*:\\s*+(.+?)\\]$");

    /**
     * s390x.c print_ptregs: own samples {@code PSW:  0704d00180000000 00000000004d2a1c (tcp_ack+356)},
     * {@code PSW:  0705200180000000 000003ff8a1b2c3e (user space)}. Groups: mask, address, symbol.
     */
    static final Pattern S390_PSW = Pattern.compile("^PSW:\\s+(" + HEX + ")\\s+(" + HEX + ")\\s+\\((.+)\\)$");

    /** s390x.c print_ptregs: own sample {@code GPRS: 0000000000000000 0000000000000001 00000000004d2a1c 000000003f2e1d60}. */
    static final Pattern S390_GPRS = Pattern.compile("^GPRS:\\s+(" + HEX + "(?:\\s+" + HEX + ")*)$");

    /** A bare row of values continuing GPRS or a lowcore group: own sample {@code 0x0000000000000001 0x00000000004d2a1c}. */
    static final Pattern VALUE_ROW = Pattern.compile("^(?:0[xX])?" + HEX + "(?:\\s+(?:0[xX])?" + HEX + ")*+$");

    /**
     * s390x.c lowcore lines: own samples {@code -psw      : 0x0404c00180000000 0x00000000004d2a1c},
     * {@code -prefix   : 0x0017d000}, {@code -cpu timer: 0x7fffffe0bf8a3c00}. Groups: name, value, second value.
     */
    static final Pattern S390_LOWCORE_VALUE = Pattern.compile(
            "^-(psw|prefix|cpu timer|clock cmp)\\s*:\\s*((?:0[xX])?" + HEX + ")(?:\\s+((?:0[xX])?" + HEX + "))?$");
    /** own sample {@code -function : tcp_ack at 4d2a1c}. Groups: function, address. */
    static final Pattern S390_LOWCORE_FUNCTION = Pattern.compile("^-function\\s*:\\s*(\\S+)\\s+at\\s+(" + HEX + ")$");
    /** own sample {@code -general registers:}. Group: which group. */
    static final Pattern S390_LOWCORE_GROUP = Pattern.compile("^-(general|access|control|floating point|vector) registers:$");

    /** arm.c: own sample {@code Flags: nZCv  IRQs off  FIQs on  Mode SVC_32  ISA ARM}. */
    static final Pattern ARM_FLAGS = Pattern.compile("^Flags:\\s+[NnZzCcVv]{4}\\s+IRQs.*$");

    /** What crash prints when a register holds no known text address. */
    static final String UNKNOWN_ADDRESS = "unknown or invalid address";
}
