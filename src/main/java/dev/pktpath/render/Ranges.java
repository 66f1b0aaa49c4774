package dev.pktpath.render;

import java.util.List;

/** Writes sorted numbers compactly, as crash users write CPU lists: {@code 0-3 7 9-12}. */
public final class Ranges {
    private Ranges() {
    }

    /**
     * Compact form of ascending numbers, cut to {@code width} characters with a {@code (+N more)} tail.
     * One pass that stops where the width is reached: a bucket of a big {@code foreach bt} holds tens of
     * thousands of trace ids, of which a line shows a dozen runs.
     */
    public static String of(List<? extends Number> sorted, int width) {
        StringBuilder b = new StringBuilder();
        int n = sorted.size();
        int i = 0;
        while (i < n) {
            int j = i;
            long first = sorted.get(i).longValue();
            long last = first;
            while (j + 1 < n && sorted.get(j + 1).longValue() == last + 1) {
                j++;
                last++;
            }
            String part = j == i ? Long.toString(first) : first + "-" + last;
            // the numbers after this run, which a tail would then count
            int after = n - (j + 1);
            int reserve = after > 0 ? (" (+" + after + " more)").length() : 0;
            if (b.length() > 0 && b.length() + 1 + part.length() + reserve > width) {
                b.append(" (+").append(n - i).append(" more)");
                break;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(part);
            i = j + 1;
        }
        return b.toString();
    }
}
