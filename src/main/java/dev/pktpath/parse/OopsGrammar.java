package dev.pktpath.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Every line shape of a kernel console report, in one place. Each pattern runs on a line whose
 * console prefix {@link ConsolePrefix} removed and that was then stripped of surrounding blanks.
 * Callers test a cheap precondition (a character, {@code contains("+0x")}) before a pattern, so a
 * 200 MB log does not pay for every regex on every line. No pattern nests unbounded quantifiers.
 */
final class OopsGrammar {
    private OopsGrammar() {
    }

    /** What a report header line does to the report being read. */
    enum Role {
        /** Starts a new report ({@code BUG: ...}, {@code WARNING: ...}). */
        START,
        /** Continues the open report when there is one ({@code Oops: 0000 [#1] SMP}), else starts one. */
        CONTINUE,
        /** Starts a report whose headline the next START header replaces while no stack was read yet
         * ({@code list_del corruption...} before {@code kernel BUG at lib/list_debug.c:56!}). */
        PREAMBLE,
        /** Continues the open report while it has no stack yet, else starts one: kmemleak's
         * {@code unreferenced object ...} after syzkaller's {@code BUG: memory leak}, or the next leak. */
        JOIN_EMPTY
    }

    /** A header token: the line (or the line after a one-word tag like {@code watchdog: }) starts with it. */
    record Header(String token, Role role) {
    }

    /**
     * Report headers, as printed by the kernel (and by syzkaller's own tools for SYZFAIL lines).
     * Samples: {@code BUG: unable to handle kernel NULL pointer dereference at 0000000000000010},
     * {@code WARNING: CPU: 0 PID: 1 at net/core/dev.c:2592 skb_warn_bad_offload+0x2bc/0x3b0},
     * {@code general protection fault: 0000 [#1] SMP KASAN}, {@code kernel BUG at mm/slab.c:4417!},
     * {@code INFO: task syz-executor:1234 blocked for more than 120 seconds.},
     * {@code watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [syz-executor:1234]},
     * {@code rcu: INFO: rcu_sched detected stalls on CPUs/tasks:},
     * {@code Unable to handle kernel paging request at virtual address dead000000000108},
     * {@code Internal error: Oops: 96000006 [#1] PREEMPT SMP}, {@code UBSAN: array-index-out-of-bounds in ...},
     * {@code unreferenced object 0xffff88810b2a5c00 (size 32):}.
     * Order matters only for shared prefixes: the first token that matches wins.
     */
    static final List<Header> HEADERS = List.of(
            new Header("BUG: ", Role.START),
            new Header("BUG:", Role.START),
            new Header("WARNING: ", Role.START),
            new Header("WARNING:", Role.START),
            new Header("INFO: ", Role.START),
            new Header("general protection fault", Role.START),
            new Header("Oops: general protection fault", Role.START),
            new Header("segment-related general protection fault", Role.START),
            new Header("stack segment: ", Role.START),
            new Header("divide error: ", Role.START),
            new Header("divide_error: ", Role.START),
            new Header("kernel BUG at ", Role.START),
            new Header("Kernel BUG at ", Role.START),
            new Header("Kernel BUG ", Role.START),
            new Header("PANIC: double fault", Role.START),
            new Header("Unable to handle kernel ", Role.START),
            new Header("Unhandled fault", Role.START),
            new Header("UBSAN: ", Role.START),
            new Header("unreferenced object 0x", Role.JOIN_EMPTY),
            new Header("VFS: Close: file count is ", Role.START),
            new Header("VFS: Busy inodes after unmount", Role.START),
            new Header("Kernel stack overflow", Role.CONTINUE),
            new Header("kernel stack overflow", Role.CONTINUE),
            new Header("SYZFAIL:", Role.START),
            new Header("SYZFATAL:", Role.START),
            new Header("fatal error: ", Role.START),
            new Header("panic: ", Role.START),
            new Header("SeaBIOS (version", Role.START),
            new Header("Kernel panic - not syncing", Role.CONTINUE),
            new Header("Oops", Role.CONTINUE),
            new Header("Internal error: ", Role.CONTINUE),
            new Header("invalid opcode: ", Role.CONTINUE),
            new Header("list_add corruption", Role.PREAMBLE),
            new Header("list_del corruption", Role.PREAMBLE),
            new Header("list_add double add", Role.PREAMBLE),
            new Header("refcount_t: ", Role.PREAMBLE));

    /**
     * Headers found anywhere in a line, because a message without a newline often runs into them:
     * {@code kasan: GPF could be caused by NULL-ptr deref or user memory accessgeneral protection fault: 0000 [#1]}.
     */
    static final List<String> ANYWHERE = List.of("general protection fault: ");

    /** Lines that look like headers but are not reports (tools, boot chatter, info notes). */
    static final List<String> NOT_HEADERS = List.of(
            "BUG: no syscalls can create resource",
            "WARNING: /etc/ssh/moduli",
            "WARNING: workqueue cpumask",
            "WARNING: the mand mount option",
            "INFO: lockdep is turned off",
            "INFO: NMI handler",
            "INFO: Stall ended before state dump start",
            "INFO: recovery required on readonly filesystem",
            "INFO: sys_",
            "INFO: no syscalls can create resource",
            "Oops#",
            "panic: failed to start executor binary");

    /**
     * Tags printk puts before some headers: {@code watchdog: }, {@code rcu: }, {@code NMI watchdog: },
     * a device's {@code usb 5-1: }. At most three words, the last glued to its colon.
     */
    static final Pattern HEADER_TAG = Pattern.compile("^(?:[\\w.\\-]{1,16} ){0,2}[\\w.\\-]{1,20}: ");

    /** A slab debug header: {@code BUG kmalloc-8 (Tainted: G    B         ): Object already free}. */
    static final Pattern SLAB_BUG = Pattern.compile("^BUG [\\w\\-:]+ \\(.*\\): ");

    /** {@code CPU: 1 PID: 42 Comm: syz-executor Not tainted 4.15.0+ #221} (also {@code CPU: 0 UID: 0 PID: ..}) */
    static final Pattern CPU_LINE = Pattern.compile(
            "^CPU: (\\d+) (?:UID: \\d+ )?PID: (\\d+) Comm: (\\S+)");
    /** {@code Pid: 3201, comm: modprobe Not tainted 2.6.32} (older x86) */
    static final Pattern PID_LINE = Pattern.compile("^Pid: (\\d+), comm: (\\S+)");
    /** {@code INFO: task syz-executor3:4567 blocked for more than 120 seconds.} */
    static final Pattern HUNG_TASK = Pattern.compile("^INFO: task (.+):(\\d+) blocked for more than");
    /** {@code Process insmod (pid: 1234, stack limit = 0xdf8a0238)} (arm), {@code Process swapper (pid: 0, threadinfo ...} */
    static final Pattern PROCESS_LINE = Pattern.compile("^Process (\\S+) \\(pid: (\\d+)");

    /**
     * A frame with an offset:
     * {@code dump_stack+0x194/0x257},
     * {@code ? arch_local_irq_restore+0x53/0x53},
     * {@code [<ffffffff8103210b>] machine_kexec+0x1a/0x30 [kdump]},
     * {@code [<ffffffff81041234>] ? tcp_ack+0x1a/0x30},
     * {@code [c000000010f930b0] [c000000008068df8] .eeh_dev_check_failure+0x278/0x390 (unreliable)} (ppc64),
     * {@code ([<000003ff8086d036>] will_oops_init+0x36/0x1000 [will_oops])} (s390),
     * {@code dump_stack+0x1b2/0x281 lib/dump_stack.c:53} (symbolised).
     * Groups: first address, second address, "? ", function, offset, size, rest.
     */
    static final Pattern FRAME = Pattern.compile(
            "^\\(?(?:\\[<?([0-9a-fA-F]{4,16})>?\\] ?)?(?:\\[<?([0-9a-fA-F]{4,16})>?\\] ?)?\\s*(\\? ?)?"
                    + "([A-Za-z_.$][\\w.$:]*)\\+0x([0-9a-fA-F]+)/0x([0-9a-fA-F]+)(.*)$");

    /** A symbolised inline frame: {@code __dump_stack lib/dump_stack.c:17 [inline]}. Groups: function, file:line. */
    static final Pattern INLINE_FRAME = Pattern.compile(
            "^([A-Za-z_][\\w.$]*) (\\S+\\.[chS]:\\d+) \\[inline\\]$");

    /**
     * decode_stacktrace.sh output: {@code dump_stack_lvl (lib/dump_stack.c:107 (discriminator 1))},
     * {@code skb_clone (net/core/skbuff.c:1234) (inlined)}. Groups: "? ", function, offset, size, file:line, inlined.
     */
    static final Pattern DECODED_FRAME = Pattern.compile(
            "^(\\? ?)?([A-Za-z_][\\w.$]*)(?:\\+0x([0-9a-fA-F]+)/0x([0-9a-fA-F]+))? \\((\\S+?\\.[chS]:\\d+)(?: \\([^)]*\\))?\\)( \\(inlined\\))?$");

    /** The tail of a frame: {@code  [bnx2]}, {@code  net/core/skbuff.c:1234}, {@code  [inline]}, {@code  (unreliable)}. */
    static final Pattern FRAME_MODULE = Pattern.compile("^\\s*\\[([\\w\\-]+)\\]");
    static final Pattern FRAME_SOURCE = Pattern.compile("(?<![\\w./\\-])([\\w./\\-]+\\.(?:c|h|S|rs):\\d+)");

    /**
     * ARM's unwinder: {@code [<c0014318>] (dump_backtrace_log_lvl) from [<c001457c>] (show_stack+0x24/0x2c)},
     * {@code [<c0013a10>] (unwind_backtrace+0x0/0xf0) from [<c0011050>] (show_stack+0x10/0x14)},
     * symbolised: {@code [<817b2528>] (dump_backtrace) from [<817b261c>] (show_stack+0x18/0x1c arch/arm/kernel/traps.c:256)}.
     * Groups: address, function, offset, size, module, caller address, caller, caller offset, caller size, caller module.
     */
    static final Pattern ARM_FRAME = Pattern.compile(
            "^\\[<([0-9a-fA-F]+)>\\] \\(([\\w.$]+)(?:\\+0x([0-9a-fA-F]+)/0x([0-9a-fA-F]+))?(?: \\[([\\w\\-]+)\\])?(?: [^)\\s]+:\\d+)?(?: \\[inline\\])?\\)"
                    + " from \\[<([0-9a-fA-F]+)>\\] \\(([\\w.$]+)(?:\\+0x([0-9a-fA-F]+)/0x([0-9a-fA-F]+))?(?: \\[([\\w\\-]+)\\])?(?: [^)\\s]+:\\d+)?(?: \\[inline\\])?\\)$");

    /** ARM since 5.x: {@code unwind_backtrace from show_stack+0x10/0x14}. Groups: function, caller, caller offset, caller size, caller module. */
    static final Pattern ARM_FRAME_SHORT = Pattern.compile(
            "^([\\w.$]+) from ([\\w.$]+)\\+0x([0-9a-fA-F]+)/0x([0-9a-fA-F]+)(?: \\[([\\w\\-]+)\\])?$");

    /**
     * The faulting location of the report header, every arch:
     * {@code RIP: 0010:skb_clone+0x1a/0x30}, {@code RIP: 0010:[<ffffffff81415f40>]  [<ffffffff81415f40>] skb_clone+0xd0/0x1c0},
     * {@code IP: [<ffffffff81415f40>] skb_clone+0xd0/0x1c0}, {@code EIP: [<c04a1b2c>] func+0x1/0x2 SS:ESP 0068:f1a2b3c4},
     * {@code EIP is at func+0x1/0x2}, {@code pc : skb_clone+0x1a/0x30}, {@code PC is at skb_clone+0x1a/0x30},
     * {@code NIP [c000000008068dfc] .eeh_dev_check_failure+0x27c/0x390},
     * {@code Krnl PSW : 0704f00180000000 000003ff8086d03a (will_oops_init+0x3a/0x1000 [will_oops])},
     * {@code epc : bpf_prog_run+0x10/0x20}.
     * Groups: tag, address, function, offset, size.
     */
    static final Pattern IP_LINE = Pattern.compile(
            "^(RIP|IP|EIP|NIP|pc|PC is at|EIP is at|Krnl PSW|epc)\\s*:?\\s*(?:[0-9a-fA-F]{4}:)?"
                    + "(?:\\[<?([0-9a-fA-F]+)>?\\]\\s*)?(?:\\[<?[0-9a-fA-F]+>?\\]\\s*)?(?:[0-9a-fA-F]{16} ){0,2}"
                    + "\\(?\\.?([A-Za-z_][\\w.$]*)\\+0x([0-9a-fA-F]+)/0x([0-9a-fA-F]+)");
    /**
     * A WARNING header that names where it fired, used as the faulting location when no register
     * dump names one: {@code WARNING: CPU: 1 PID: 4090 at arch/riscv/mm/physaddr.c:16 __virt_to_phys+0x44/0x5c}.
     * Groups: function, offset, size.
     */
    static final Pattern WARNING_AT = Pattern.compile(
            "WARNING: (?:CPU: \\d+ PID: \\d+ )?at \\S+ \\.?([A-Za-z_][\\w.$]*)\\+0x([0-9a-fA-F]+)/0x([0-9a-fA-F]+)");

    /**
     * A user-mode or unsymbolised RIP: {@code RIP: 0033:0x7fad92c3c370}, {@code RIP: 0010:0x86},
     * a jump to NULL: {@code RIP: 0010:[<0000000000000000>]  [<          (null)>]           (null)}.
     * Groups: segment, address.
     */
    static final Pattern RIP_RAW = Pattern.compile(
            "^RIP: ([0-9a-fA-F]{4}):(?:0x|\\[<)?([0-9a-fA-F]+)(?:>\\] +\\[< *\\(null\\)>\\] +\\(null\\))?\\s*$");

    /** ppc64 {@code GPR00: c000000008068df8 c000000010f930b0 c0000000091380e0 0000000000000015}. Group: first number. */
    static final Pattern PPC_GPR = Pattern.compile("^GPR(\\d\\d): ((?:[0-9a-fA-F]{8,16}+ ?){1,8}+)$");
    /** s390 {@code Krnl GPRS: 0000000000010000 070000000020db8e 0000000000000030 00000000000000d7}. */
    static final Pattern S390_GPRS = Pattern.compile("^Krnl GPRS: ((?:[0-9a-fA-F]{8,16} ?){1,4})$");
    /** s390 continuation: {@code 000003ff8086d036 0400000000000000 0000000000000000 000003ff00000000}. */
    static final Pattern HEX_WORDS = Pattern.compile("^(?:[0-9a-fA-F]{16} ?){4}$");

    /** {@code ---[ end trace 4e37b1eb61ae9844 ]---}, {@code ---[ end Kernel panic - not syncing: Fatal exception ]---} */
    static final String END_TRACE = "---[ end ";
}
