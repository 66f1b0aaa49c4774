package dev.pktpath.parse;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A frame's {@code bt -f} stack data lines ({@code ffff88012fd10440: 0000000000000002 ffffffff81421d2e},
 * own sample), kept as one string of the lines end to end and where each ends, and cut into a line only
 * when asked for. The stack words are a third of a big foreach bt's lines (a million in 200 MB, most
 * of them never printed by {@code cluster} or {@code journey}); one string per line was a million small
 * objects to make, copy into a list and collect. Unmodifiable; equal to any list of the same lines.
 */
final class CrashBtStackWords extends AbstractList<String> implements RandomAccess {
    private final String text;
    /** Where line {@code i} ends in {@link #text}; it starts where line {@code i - 1} ends (0 for the first). */
    private final int[] ends;

    CrashBtStackWords(String text, int[] ends) {
        this.text = text;
        this.ends = ends;
    }

    @Override
    public String get(int index) {
        return text.substring(index == 0 ? 0 : ends[index - 1], ends[index]);
    }

    @Override
    public int size() {
        return ends.length;
    }
}
