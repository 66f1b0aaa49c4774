package dev.pktpath.diff;

import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A bucket of tasks with the same or similar stacks. The first variant is the representative (the
 * biggest group of identical stacks); the others joined because their stack is at least as similar
 * to it as the threshold.
 */
public record Cluster(List<Variant> variants) {
    public Cluster {
        variants = List.copyOf(variants);
    }

    public Variant representative() {
        return variants.get(0);
    }

    /** The representative stack's normalised function names, innermost first. */
    public List<String> frames() {
        return representative().frames();
    }

    public int size() {
        int n = 0;
        for (Variant v : variants) {
            n += v.size();
        }
        return n;
    }

    /** The smallest trace id among the members (variants list their traces in input order). */
    public int firstTraceId() {
        int min = Integer.MAX_VALUE;
        for (Variant v : variants) {
            if (!v.traces().isEmpty()) {
                min = Math.min(min, v.traces().get(0).id());
            }
        }
        return min;
    }

    /** Every member trace, in input order. */
    public List<Trace> members() {
        if (variants.size() == 1) {
            // a variant lists its traces in input order already
            return new ArrayList<>(representative().traces());
        }
        // ordered by id through one primitive sort of (id, position) pairs: the buckets of a big
        // foreach bt hold tens of thousands of traces, and a comparator sort of them was a good part of
        // the time cluster spent after the parse
        List<Trace> all = new ArrayList<>(size());
        for (Variant v : variants) {
            all.addAll(v.traces());
        }
        long[] order = new long[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = (long) all.get(i).id() << 32 | i;
        }
        SmallSorts.sort(order);
        List<Trace> sorted = new ArrayList<>(order.length);
        for (long o : order) {
            sorted.add(all.get((int) o));
        }
        return sorted;
    }

    /** The member traces' ids, ascending. */
    public List<Integer> traceIds() {
        long[] ids = new long[size()];
        int n = 0;
        for (Variant v : variants) {
            for (Trace t : v.traces()) {
                ids[n++] = t.id();
            }
        }
        long[] sorted = SmallSorts.sortedDistinct(ids, n);
        List<Integer> out = new ArrayList<>(sorted.length);
        for (long id : sorted) {
            out.add((int) id);
        }
        return out;
    }

    /** The lowest similarity of a variant to the representative (1 when all stacks are identical). */
    public double minSimilarity() {
        double min = 1.0;
        for (Variant v : variants) {
            min = Math.min(min, v.similarity());
        }
        return min;
    }

    /** True when every member has exactly the representative's stack. */
    public boolean identical() {
        return variants.size() == 1;
    }

    /**
     * Indexes of representative frames where some variant differs: frames it deletes or replaces,
     * and, for frames it inserts, the representative frame they are inserted before (the last frame
     * when they come after all of them).
     */
    public SortedSet<Integer> differAt() {
        SortedSet<Integer> at = new TreeSet<>();
        int last = frames().size() - 1;
        for (Variant v : variants) {
            int next = 0;
            for (EditOp op : v.fromRepresentative().ops()) {
                if (op.kind() != EditKind.EQUAL) {
                    if (op.a().isEmpty()) {
                        if (last >= 0) {
                            at.add(Math.min(next, last));
                        }
                    } else {
                        at.addAll(op.a());
                    }
                }
                if (!op.a().isEmpty()) {
                    next = op.a().get(op.a().size() - 1) + 1;
                }
            }
        }
        return at;
    }

    /** Number of member traces whose stack differs from the representative at this frame index. */
    public int differingAt(int repIndex) {
        int n = 0;
        int last = frames().size() - 1;
        for (Variant v : variants) {
            int next = 0;
            boolean hit = false;
            for (EditOp op : v.fromRepresentative().ops()) {
                if (op.kind() != EditKind.EQUAL) {
                    hit |= op.a().isEmpty() ? Math.min(next, last) == repIndex : op.a().contains(repIndex);
                }
                if (!op.a().isEmpty()) {
                    next = op.a().get(op.a().size() - 1) + 1;
                }
            }
            if (hit) {
                n += v.size();
            }
        }
        return n;
    }
}
