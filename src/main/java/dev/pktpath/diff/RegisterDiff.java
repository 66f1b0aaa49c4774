package dev.pktpath.diff;

import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The registers of two traces side by side: those of the oops header (console reports) or of the
 * first exception frame (crash), i.e. {@link Trace#registers()}. Rows follow A's print order, then
 * any register only B printed; a value absent on one side is null.
 *
 * @param blockA what A's registers came from ({@code exception RIP: skb_clone+208}, {@code registers after #9},
 *               {@code report header}), null when A has none
 * @param blockB the same for B
 */
public record RegisterDiff(String blockA, String blockB, List<Change> rows) {
    public RegisterDiff {
        rows = List.copyOf(rows);
    }

    /** One register: its name as printed and the two values (lowercase hex, null when absent). */
    public record Change(String name, String a, String b) {
        public boolean changed() {
            return !Objects.equals(a, b);
        }
    }

    public static RegisterDiff of(Trace a, Trace b) {
        Set<String> names = new LinkedHashSet<>(a.registers().keySet());
        names.addAll(b.registers().keySet());
        List<Change> rows = new ArrayList<>(names.size());
        for (String n : names) {
            rows.add(new Change(n, a.registers().get(n), b.registers().get(n)));
        }
        return new RegisterDiff(block(a), block(b), rows);
    }

    /** Number of registers whose values differ (including those printed on one side only). */
    public int changedCount() {
        int n = 0;
        for (Change c : rows) {
            if (c.changed()) {
                n++;
            }
        }
        return n;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    private static String block(Trace t) {
        if (t.registers().isEmpty()) {
            return null;
        }
        if (!t.exceptions().isEmpty() && t.exceptions().get(0).registers().equals(t.registers())) {
            ExceptionFrame e = t.exceptions().get(0);
            if (e.function() == null && e.kind().equals("registers") && e.afterFrame() >= 0
                    && e.afterFrame() < t.frames().size()) {
                // crash's register block with no header, e.g. the user-mode registers after a syscall frame
                Integer level = t.frames().get(e.afterFrame()).level();
                return "registers after " + (level != null ? "#" + level : "frame " + e.afterFrame());
            }
            StringBuilder s = new StringBuilder(e.kind());
            if (e.function() != null) {
                s.append(": ").append(e.function());
                if (e.offset() != null) {
                    s.append('+').append(e.offset());
                }
            }
            return s.toString();
        }
        return "report header";
    }
}
