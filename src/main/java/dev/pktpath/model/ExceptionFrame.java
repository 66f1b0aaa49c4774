package dev.pktpath.model;

import java.util.Map;

/**
 * A register block: crash's {@code [exception RIP: skb_clone+208]} with the RIP..SS lines after it,
 * arm64 {@code PC: .. LR: ..}, ppc64 {@code [NIP : f+off]}, s390 {@code PSW:} blocks, or a
 * user-mode register block printed at the end of a syscall stack.
 *
 * @param afterFrame index of the frame printed just above the block (-1 when it comes first)
 * @param kind       what introduced the block, e.g. {@code exception RIP}, or {@code registers}
 * @param function   faulting function when the header names one, else null
 * @param registers  every register printed, names upper-case as printed, in print order
 */
public record ExceptionFrame(int afterFrame, String kind, String function, Long offset,
                             Map<String, String> registers, int line) {
    public ExceptionFrame {
        registers = RegisterMap.copyOf(registers);
    }
}
