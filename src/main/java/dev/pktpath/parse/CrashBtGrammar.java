package dev.pktpath.parse;

import java.util.regex.Pattern;

/**
 * Every line shape of crash's {@code bt} family, in one place. Each pattern matches a line that
 * {@link LineCleaner} cleaned and that was then stripped of surrounding blanks.
 */
final class CrashBtGrammar {
    private CrashBtGrammar() {
    }

    /** {@code PID: 0      TASK: ffffffff81a8d020  CPU: 3   COMMAND: "swapper"} */
    static final Pattern TASK_HEADER = Pattern.compile(
            "^PID:\\s*(\\d+)\\s+TASK:\\s*([0-9a-fA-F]+)\\s+CPU:\\s*(\\d+|-)\\s+COMMAND:\\s*\"(.*)\"(.*)$");

    /**
     * {@code #9 [ffff880028203518] dev_hard_start_xmit at ffffffff81421d2e},
     * {@code #0 [ffff8800664a1c90] machine_kexec+0x167 at ffffffff810327b7} ({@code bt -sx}),
     * {@code #32 [ffff880028203d08] bnx2_poll_work at ffffffffa02ecd5f [bnx2]}.
     * Groups: level, stack address, function, offset, size, address, rest.
     */
    static final Pattern FRAME = Pattern.compile(
            "^#(\\d+)\\s+(?:\\[([0-9a-fA-F]+)\\]\\s+)?(.+?)(?:\\+(0x[0-9a-fA-F]+|\\d+)(?:/(0x[0-9a-fA-F]+|\\d+))?)?\\s+at\\s+([0-9a-fA-F]+)(.*)$");

    /** The tail of a frame line: {@code  [bnx2]} module, {@code  (unreliable)}. */
    static final Pattern MODULE = Pattern.compile("\\[([A-Za-z0-9_.\\-]+)\\]");

    /** {@code [exception RIP: skb_clone+208]}, {@code [exception EIP: ...]}, {@code [exception RIP: unknown or invalid address]} */
    static final Pattern EXCEPTION_HEADER = Pattern.compile(
            "^\\[exception\\s+([A-Z]+):\\s*(.+?)(?:\\+(0x[0-9a-fA-F]+|\\d+))?\\]\\s*$");

    /** {@code RIP: ffffffff81415f40  RSP: ffff8800282034c0  RFLAGS: 00010246} */
    static final Pattern REGISTER_LINE = Pattern.compile(
            "^(?:[A-Z][A-Z0-9_]*:\\s*[0-9a-fA-F]+\\s*)+$");
    static final Pattern REGISTER = Pattern.compile("([A-Z][A-Z0-9_]*):\\s*([0-9a-fA-F]+)");

    /** {@code --- <IRQ stack> ---}, {@code --- <NMI exception stack> ---}, {@code --- <soft IRQ> ---} */
    static final Pattern STACK_MARKER = Pattern.compile("^---\\s*<(.+?)>\\s*---\\s*$");

    /** {@code /usr/src/linux/net/core/skbuff.c: 1234} under a frame printed with {@code bt -l} */
    static final Pattern SOURCE_LINE = Pattern.compile("^(/\\S+?|\\S+\\.[chS]):\\s*(\\d+)\\s*$");

    /** {@code crash> bt -a} */
    static final Pattern PROMPT = Pattern.compile("^crash(?:\\d+)?>.*$");

    /** {@code PANIC: "Oops: 0000 [#1] SMP " (check log for details)} */
    static final Pattern PANIC = Pattern.compile("^PANIC:\\s*\"(.*?)\\s*\".*$");
}
