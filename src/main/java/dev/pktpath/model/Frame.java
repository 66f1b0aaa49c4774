package dev.pktpath.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One frame of a backtrace, as printed: {@code #9 [ffff880028203518] dev_hard_start_xmit at ffffffff81421d2e}
 * or {@code  ? tcp_ack+0x1a/0x30 [tcp]}. Addresses are lowercase hex without {@code 0x}; null when absent.
 *
 * @param index        position in the trace's frame list, innermost first
 * @param level        the {@code #N} crash printed; null for console frames
 * @param reliable     false for {@code ? } frames and frames crash marks unreliable
 * @param source       {@code file:line} when printed (crash {@code bt -l}, symbolised console reports)
 * @param line         1-based line number in the input where the frame was printed
 * @param raw          the input line as read (after prefix cleaning), for the details view
 * @param stackData    lines crash printed under the frame with {@code bt -f}/{@code -F} (stack words,
 *                     {@code [RA: .. SP: .. FP: .. SIZE: ..]}), kept as printed; empty when none
 */
public record Frame(
        int index,
        Integer level,
        String function,
        Long offset,
        Long size,
        String address,
        String stackAddress,
        String module,
        boolean reliable,
        StackContext context,
        String source,
        boolean inlined,
        int line,
        String raw,
        List<String> stackData) {

    public Frame {
        stackData = stackData == null ? List.of() : List.copyOf(stackData);
        // a foreach bt of 190,000 tasks names a few thousand functions millions of times: one copy each
        function = Names.intern(function);
        module = Names.intern(module);
    }

    /** The frame without {@code bt -f} stack data: the shape most producers (console reports) need. */
    public Frame(int index, Integer level, String function, Long offset, Long size, String address,
                 String stackAddress, String module, boolean reliable, StackContext context, String source,
                 boolean inlined, int line, String raw) {
        this(index, level, function, offset, size, address, stackAddress, module, reliable, context, source,
                inlined, line, raw, List.of());
    }

    /** GCC clone suffixes that do not change which function it is: {@code .isra.0}, {@code .constprop.3}, {@code .part.1}, {@code .cold}. */
    private static final Pattern CLONE_SUFFIX =
            Pattern.compile("(\\.(isra|constprop|part|cold|llvm|lto_priv)(\\.\\d+)?)+$");

    /** The function name compared across traces: clone suffixes removed. */
    public String normalizedName() {
        if (function == null) {
            return "";
        }
        // most names carry no clone suffix: skip the regex (a matcher per call) when there is no dot
        return function.indexOf('.') < 0 ? function : CLONE_SUFFIX.matcher(function).replaceAll("");
    }

    public Frame withIndex(int newIndex) {
        return new Frame(newIndex, level, function, offset, size, address, stackAddress, module,
                reliable, context, source, inlined, line, raw, stackData);
    }
}
