package dev.pktpath.render;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class RangesTest {
    @Test
    void runsOfConsecutiveNumbersBecomeRanges() {
        assertThat(Ranges.of(List.of(0, 1, 2, 3, 7, 9, 10, 11, 12), 80)).isEqualTo("0-3 7 9-12");
        assertThat(Ranges.of(List.of(5L), 80)).isEqualTo("5");
        assertThat(Ranges.of(List.of(), 80)).isEmpty();
    }

    @Test
    void aLineTooNarrowEndsWithHowManyNumbersAreLeft() {
        List<Integer> odd = new ArrayList<>();
        for (int i = 1; i < 200; i += 2) {
            odd.add(i);
        }
        String s = Ranges.of(odd, 30);
        assertThat(s).startsWith("1 3 5 7 ").endsWith(" more)");
        assertThat(s.length()).isLessThanOrEqualTo(30);
        // each shown number and the tail's count add up to all of them
        int shown = s.substring(0, s.indexOf(" (+")).split(" ").length;
        assertThat(s).endsWith("(+" + (odd.size() - shown) + " more)");
    }

    @Test
    void theFirstRunIsShownEvenWhenItAloneIsTooWide() {
        assertThat(Ranges.of(List.of(100000, 100001, 100005), 5)).isEqualTo("100000-100001 (+1 more)");
    }

    /** The one-pass writer gives what the first version (every run written, then cut) gave. */
    @Property(tries = 500)
    void sameAsWritingEveryRunThenCutting(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 120) Integer> numbers,
                                          @ForAll @IntRange(min = 1, max = 60) int width) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(numbers));
        assertThat(Ranges.of(sorted, width)).isEqualTo(everyRunThenCut(sorted, width));
    }

    private static String everyRunThenCut(List<Integer> sorted, int width) {
        List<String> parts = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int n = sorted.size();
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            parts.add(j == i ? Integer.toString(sorted.get(i)) : sorted.get(i) + "-" + sorted.get(j));
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
