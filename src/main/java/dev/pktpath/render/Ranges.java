package dev.pktpath.render;

import java.util.ArrayList;
import java.util.List;

/** Writes sorted numbers compactly, as crash users write CPU lists: {@code 0-3 7 9-12}. */
public final class Ranges {
    private Ranges() {
    }

    /** Compact form of ascending numbers, cut to {@code width} characters with a {@code (+N more)} tail. */
    public static String of(List<? extends Number> sorted, int width) {
        List<String> parts = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int n = sorted.size();
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && sorted.get(j + 1).longValue() == sorted.get(j).longValue() + 1) {
                j++;
            }
            long first = sorted.get(i).longValue();
            parts.add(j == i ? Long.toString(first) : first + "-" + sorted.get(j).longValue());
            starts.add(i);
            i = j + 1;
        }
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < parts.size(); p++) {
            int after = p + 1 < parts.size() ? n - starts.get(p + 1) : 0;
            int reserve = after > 0 ? (" (+" + after + " more)").length() : 0;
            String sep = b.length() == 0 ? "" : " ";
            if (b.length() > 0 && b.length() + sep.length() + parts.get(p).length() + reserve > width) {
                b.append(" (+").append(n - starts.get(p)).append(" more)");
                break;
            }
            b.append(sep).append(parts.get(p));
        }
        return b.toString();
    }
}
