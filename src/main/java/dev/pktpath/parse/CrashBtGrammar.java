package dev.pktpath.parse;

import java.util.regex.Pattern;

/**
 * Every line shape of crash's {@code bt} family apart from register lines (those are in
 * {@link CrashBtRegisters}), in one place. Each pattern matches a line that {@link LineCleaner}
 * cleaned and that was then stripped of surrounding blanks.
 *
 * <p>Sample lines in comments come from the seed sample where it shows the shape; the others are
 * our own lines written to follow the {@code fprintf} formats in crash's sources (kernel.c, task.c,
 * x86_64.c, x86.c, arm64.c, arm.c, ppc64.c, s390x.c, riscv64.c, mips64.c, loongarch64.c), not copied
 * from any capture.
 */
final class CrashBtGrammar {
    private CrashBtGrammar() {
    }

    private static final String HEX = "[0-9a-fA-F]+";
    /** A decimal or {@code 0x} hex offset or size, as {@code bt} prints with radix 10 or 16. */
    private static final String NUM = "(?:0[xX][0-9a-fA-F]+|\\d+)";

    /**
     * task.c print_task_header: {@code PID: 0      TASK: ffffffff81a8d020  CPU: 3   COMMAND: "swapper"}.
     * CPU may be {@code -} or {@code ?}; PID and COMMAND {@code ?} for an unknown task.
     * Groups: pid, task, cpu, quoted command, bare command, rest.
     */
    static final Pattern TASK_HEADER = Pattern.compile(
            "^PID:\\s*(\\d+|\\?)\\s+TASK:\\s*(" + HEX + ")\\s+CPU:\\s*(\\S+)\\s+COMMAND:\\s*(?:\"(.*)\"|(\\S+))(.*)$");

    /**
     * A frame line of every architecture but 32-bit ARM, optionally without the stack address:
     * {@code #9 [ffff880028203518] dev_hard_start_xmit at ffffffff81421d2e} (seed),
     * {@code #32 [ffff880028203d08] bnx2_poll_work at ffffffffa02ecd5f [bnx2]} (seed),
     * own samples: {@code #1 [ffff88003a13bc40] tcp_ack+0x1c4 at ffffffff8147a1e4} ({@code bt -sx}),
     * {@code #4 [c0000000012bfd70] some_func at c00000000008a1b4  (unreliable)} (ppc64),
     * {@code #3 [BSP:e00000012a4b8f60] ia64_func at a000000100012340} (ia64).
     * Groups: level, stack address, symbol (function[+offset[/size]] and maybe "(via x)"), address, rest.
     */
    static final Pattern FRAME = Pattern.compile(
            "^#(\\d+)\\s+(?:\\[(?:BSP:)?(" + HEX + ")\\]\\s+)?(\\S(?:.*?\\S)??)\\s+at\\s+(" + HEX + ")(?:\\s+(.*))?$");

    /**
     * 32-bit ARM (arm.c): own sample {@code #2 [<c0221a44>] (sysrq_handle_crash [crashmod]) from [<c0222b10>]}.
     * The first address is the frame's pc, the one after {@code from} its return address.
     * Groups: level, address, symbol, module, from.
     */
    static final Pattern ARM_FRAME = Pattern.compile(
            "^#(\\d+)\\s+\\[<(" + HEX + ")>\\]\\s+\\((\\S+?)(?:\\s+\\[([^\\]]+)\\])?\\)\\s+from\\s+\\[<(" + HEX + ")>\\](.*)$");

    /** The symbol part of a frame: {@code skb_clone+208}, {@code tcp_ack+0x1a/0x30}. Groups: function, offset, size. */
    static final Pattern SYMBOL = Pattern.compile("^(.+?)(?:\\+(" + NUM + ")(?:/(" + NUM + "))?)?$");

    /** x86 names a trampoline's target: own sample {@code error_code (via page_fault)}. Groups: function, via. */
    static final Pattern VIA = Pattern.compile("^(\\S+)\\s+\\(via\\s+(\\S+)\\)$");

    /** The same note after the address (x86_64): own sample tail {@code  (via system_call)}. */
    static final Pattern VIA_TAIL = Pattern.compile("\\(via\\s+\\S+\\)");

    /** The tail of a frame line: module {@code [bnx2]} (seed). */
    static final Pattern MODULE = Pattern.compile("\\[([A-Za-z0-9_.\\-]+)\\]");

    /**
     * The end of a frame line that a mail client wrapped onto a line of its own: own samples {@code [bnx2]},
     * {@code (unreliable)}, {@code [overlay]  (unreliable)}.
     */
    static final Pattern WRAPPED_TAIL = Pattern.compile("^(?:\\[[A-Za-z0-9_.\\-]+\\])?\\s*(?:\\(unreliable\\))?$");

    /** ppc64 marks frames it cannot vouch for: own sample tail {@code  (unreliable)}. */
    static final Pattern UNRELIABLE = Pattern.compile("\\(unreliable\\)");

    /**
     * Stack markers, which crash prints AFTER the frames that ran on the named stack
     * (x86_64.c, arm64.c, riscv64.c, kernel.c): own samples {@code --- <IRQ stack> ---},
     * {@code --- <NMI exception stack> ---}, {@code --- <soft IRQ> ---}, and ppc64's
     * {@code ---<Emergency Stack>---}. Group: the stack's name.
     */
    static final Pattern STACK_MARKER = Pattern.compile("^---\\s*<\\s*+(\\S(?:.*?\\S)??)\\s*>\\s*---$");

    /** {@code bt -l}: own sample {@code /usr/src/linux/net/core/skbuff.c: 1234} under a frame. Groups: file, line. */
    static final Pattern SOURCE_LINE = Pattern.compile("^(/\\S+|\\S+\\.(?:[chSs]|rs|cc|cpp|inc)):\\s*(\\d+)$");

    /**
     * {@code bt -f}/{@code -F} stack words: own samples {@code ffff88012fd10440: 0000000000000002 ffffffff81421d2e},
     * {@code c0b1fe90: [kmalloc-64]  tcp_ack+112}. Group: address.
     */
    static final Pattern STACK_DATA = Pattern.compile("^([0-9a-fA-F]{6,}):(?:\\s+.*)?$");

    /** {@code bt -f} frame summaries (x86, mips64): own sample {@code [RA: c01a2b3c  SP: c1f0dee4  FP: c1f0df00  SIZE: 32]}. */
    static final Pattern FRAME_SUMMARY = Pattern.compile("^\\[(?:RA|PC):\\s*" + HEX + ".*SIZE:\\s*\\d+\\]$");

    /**
     * {@code bt -t}/{@code -T} and "text symbols on stack": own sample {@code [c1f0df10] schedule_timeout at c0275a4e}.
     * Groups: stack address, symbol, address, rest.
     */
    static final Pattern TEXT_SYMBOL = Pattern.compile(
            "^\\[(" + HEX + ")\\]\\s+(\\S(?:.*?\\S)??)\\s+at\\s+(" + HEX + ")(?:\\s+(.*))?$");

    /** {@code bt -t} heading: own sample {@code START: schedule at c0275a4e}. */
    static final Pattern TEXT_START = Pattern.compile("^START:\\s+\\S.*\\sat\\s+" + HEX + "$");

    /** {@code crash> bt -a}, a bare {@code crash>}. */
    static final Pattern PROMPT = Pattern.compile("^crash(?:\\d+)?>(?:\\s.*)?$");

    /** crash's {@code sys} block: own sample {@code PANIC: "Oops: 0000 [#1] SMP " (check log for details)}. */
    static final Pattern PANIC = Pattern.compile("^PANIC:\\s*\"(.*?)\\s*\".*$");

    /** x86_64.c's warning under an exception frame that failed verification. */
    static final Pattern BOGUS_FRAME = Pattern.compile("^bt:\\s+WARNING:\\s+possibly bogus exception frame.*$");

    /**
     * Other things crash says in the middle of a backtrace, kept as notes: {@code bt: cannot resolve stack trace:},
     * {@code (active)}, {@code (no stack)}, {@code CPU 1 IRQ STACK: (none found)}, {@code Task runs in userspace},
     * {@code CPU offline}, {@code possible stack overflow: ...}, {@code cannot find the stack info.},
     * the stack-transition error ({@code process stack pointer: ffff88003a13bf58}),
     * gdb's {@code [Detaching after fork from child process 1234]}, debug output
     * ({@code < exception frame at: ffff88012fd10440 >}, {@code rsp: ... textaddr: ...}).
     */
    static final Pattern CRASH_MESSAGE = Pattern.compile(
            "^(?:bt:\\s.*"
                    + "|\\((?:active|no stack)\\)"
                    + "|CPU\\s+\\d+\\s+(?:HARD |SOFT )?IRQ STACK:.*"
                    + "|(?:NMI|MC) EMERGENCY STACK:.*"
                    + "|Task runs in userspace|CPU offline"
                    + "|possible stack overflow:.*|cannot find the stack info\\.?"
                    + "|cannot transition from .*|(?:exception|IRQ|process) stack pointer:.*|current stack base:.*"
                    + "|\\[Detaching after .*\\]|\\[New .*\\]"
                    + "|<\\s*exception frame at:.*>"
                    + "|(?:rsp|prev_sp):\\s.*"
                    + "|\\S+:\\s+invalid (?:input|address|kernel virtual address).*)$");

    /** The {@code (active)} line under a task header on a live system. */
    static final Pattern ACTIVE = Pattern.compile("^\\(active\\)$");

    /**
     * Elision, by crash ({@code < recursive_loop ...>} style loop folding) or by whoever pasted:
     * {@code ...}, {@code ... ...}, {@code [...]}, {@code ...snip...}, {@code <snip>}.
     */
    static final Pattern ELISION = Pattern.compile(
            "^(?:(?:\\.{3,}|…)(?:\\s*\\S.*)?|\\[\\s*(?:\\.{3,}|…|snip.*)\\s*\\]|<\\s*\\S+\\s*\\.{3,}\\s*>|<?\\s*snip(?:ped)?\\b.*)$",
            Pattern.CASE_INSENSITIVE);
}
