package dev.pktpath.tui;

import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The address ranges the trace's stacks occupy, from the {@code [stack address]} crash prints per
 * frame: one range per run of frames on the same stack (task, IRQ, NMI ...), widened to whole
 * 4 KiB pages, since the registers of a frame point a little above or below its own slot.
 * A register value inside one of them is a pointer into a stack, and the registers pane says so.
 */
final class StackRanges {
    private final List<long[]> ranges = new ArrayList<>();

    StackRanges(Trace trace) {
        StackContext ctx = null;
        long lo = 0, hi = 0;
        boolean open = false;
        for (Frame f : trace.frames()) {
            Long sp = parse(f.stackAddress());
            if (sp == null) {
                continue;
            }
            if (open && f.context() == ctx) {
                lo = Long.compareUnsigned(sp, lo) < 0 ? sp : lo;
                hi = Long.compareUnsigned(sp, hi) > 0 ? sp : hi;
            } else {
                if (open) {
                    add(lo, hi);
                }
                lo = hi = sp;
                ctx = f.context();
                open = true;
            }
        }
        if (open) {
            add(lo, hi);
        }
    }

    private void add(long lo, long hi) {
        ranges.add(new long[]{lo & ~0xfffL, hi | 0xfffL});
    }

    boolean contains(String hexValue) {
        Long v = parse(hexValue);
        if (v == null || v == 0) {
            return false;
        }
        for (long[] r : ranges) {
            if (Long.compareUnsigned(v, r[0]) >= 0 && Long.compareUnsigned(v, r[1]) <= 0) {
                return true;
            }
        }
        return false;
    }

    private static Long parse(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() > 16) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
