package dev.pktpath.session;

import dev.pktpath.analysis.TraceAnalysis;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The traces of a dump that is still being read: one loading thread appends, any thread reads.
 * Append-only, so an index once valid stays valid and means the same trace; a reader sees a prefix
 * of the traces ({@link #size()} is published after the trace it counts). Kept in fixed chunks so
 * that growing never copies (a foreach bt of 190,000 tasks) and a reader never sees a half-copied array.
 */
public final class TraceList extends AbstractList<TraceAnalysis> implements RandomAccess {
    private static final int SHIFT = 12;
    private static final int CHUNK = 1 << SHIFT;

    private volatile TraceAnalysis[][] chunks = new TraceAnalysis[8][];
    private volatile int size;

    /** Appends a trace; only the loading thread calls this. */
    @Override
    public boolean add(TraceAnalysis a) {
        int n = size;
        int c = n >>> SHIFT;
        TraceAnalysis[][] cs = chunks;
        if (c == cs.length) {
            cs = java.util.Arrays.copyOf(cs, cs.length * 2);
        }
        if (cs[c] == null) {
            cs[c] = new TraceAnalysis[CHUNK];
        }
        cs[c][n & (CHUNK - 1)] = a;
        chunks = cs;
        size = n + 1;
        return true;
    }

    @Override
    public TraceAnalysis get(int index) {
        int n = size;
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException("trace index " + index + " of " + n);
        }
        return chunks[index >>> SHIFT][index & (CHUNK - 1)];
    }

    @Override
    public int size() {
        return size;
    }
}
