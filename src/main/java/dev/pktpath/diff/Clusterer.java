package dev.pktpath.diff;

import dev.pktpath.model.Frame;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Groups traces into buckets of identical, then similar, stacks (in the spirit of panicparse's
 * goroutine buckets), in two passes:
 * <ol>
 *   <li>hash: traces whose normalised function names are identical, frame for frame, share a
 *       bucket (a {@link Variant}); this is linear in the number of frames;</li>
 *   <li>merge: variants are taken biggest first; each joins the existing cluster whose
 *       representative it is most similar to ({@link Similarity}), if that similarity reaches the
 *       threshold, else it founds a new cluster and becomes its representative.</li>
 * </ol>
 * Only representatives are compared, never all members. A cheap upper bound of the similarity (from
 * the stack lengths and the multiset of names the two stacks share) skips diffs that cannot reach
 * the threshold, and a variant is compared with at most {@value #MAX_CANDIDATES} clusters (the
 * biggest), so a dump of 100,000 unrelated stacks stays fast; realistic dumps have far fewer clusters.
 */
public final class Clusterer {
    /** Default similarity needed to merge stacks that are not identical. */
    public static final double DEFAULT_THRESHOLD = 0.8;
    /** At most this many clusters are examined for each variant. */
    public static final int MAX_CANDIDATES = 128;

    private final double threshold;
    private final boolean reliableOnly;

    /**
     * @param threshold    similarity needed to merge stacks that are not identical, in [0, 1]
     * @param reliableOnly compare only reliable frames (see {@link DiffOptions#reliableOnly()})
     */
    public Clusterer(double threshold, boolean reliableOnly) {
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1: " + threshold);
        }
        this.threshold = threshold;
        this.reliableOnly = reliableOnly;
    }

    public Clusterer(double threshold) {
        this(threshold, false);
    }

    public Clusterer() {
        this(DEFAULT_THRESHOLD);
    }

    /** A stack as the clustering compares it: the names, their ids, the ids sorted for the bound. */
    private static final class Stack {
        final int[] ids;
        final int[] sorted;
        final List<String> names;
        final List<Trace> traces = new ArrayList<>();

        Stack(int[] ids, List<String> names) {
            this.ids = ids;
            this.names = names;
            this.sorted = ids.clone();
            Arrays.sort(sorted);
        }
    }

    /** Wraps an int[] with value equality for the hash pass. */
    private record Key(int[] ids, int hash) {
        static Key of(int[] ids) {
            return new Key(ids, Arrays.hashCode(ids));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.ids, ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    public Clustering cluster(List<Trace> traces) {
        Accumulator acc = accumulator(UnaryOperator.identity());
        for (Trace t : traces) {
            acc.add(t);
        }
        return acc.finish();
    }

    /**
     * Clusters traces handed over one at a time (a dump read as it goes), keeping per trace only what
     * {@code keep} makes of it once its stack key is taken: {@link #member} keeps the id and the task, so
     * clustering a {@code foreach bt} of hundreds of megabytes holds no frames beyond one stack per
     * distinct key. {@link #cluster} keeps the traces whole.
     */
    public Accumulator accumulator(UnaryOperator<Trace> keep) {
        return new Accumulator(keep);
    }

    /**
     * What a bucket needs of a member trace: its id, format, arch and task (pid, CPU, command, for the
     * members line), without frames, registers or notes. The command string is shared between tasks
     * that run the same one through {@code commands}.
     */
    public static Trace member(Trace t, Map<String, String> commands) {
        Task task = t.task();
        String command = task.command() == null ? null : commands.computeIfAbsent(task.command(), c -> c);
        return new Trace(t.id(), t.format(), t.arch(), new Task(task.pid(), null, task.cpu(), command), null, null,
                List.of(), List.of(), Map.of(), List.of(), t.firstLine(), t.lastLine());
    }

    /** Takes traces one at a time; {@link #finish} clusters them. Not thread-safe. */
    public final class Accumulator {
        private final UnaryOperator<Trace> keep;
        private final FrameKeys keys = new FrameKeys();
        private final Map<Key, Stack> byKey = new HashMap<>();
        private final List<Stack> stacks = new ArrayList<>();
        private int count;

        private Accumulator(UnaryOperator<Trace> keep) {
            this.keep = keep;
        }

        public void add(Trace t) {
            count++;
            int[] ids = new int[t.frames().size()];
            int n = 0;
            for (Frame f : t.frames()) {
                if (!reliableOnly || f.reliable()) {
                    ids[n++] = keys.id(keys.name(f));
                }
            }
            if (n < ids.length) {
                ids = Arrays.copyOf(ids, n);
            }
            Key k = Key.of(ids);
            Stack s = byKey.get(k);
            if (s == null) {
                List<String> names = new ArrayList<>(ids.length);
                for (Frame f : t.frames()) {
                    if (!reliableOnly || f.reliable()) {
                        names.add(keys.name(f));
                    }
                }
                s = new Stack(ids, names);
                byKey.put(k, s);
                stacks.add(s);
            }
            s.traces.add(keep.apply(t));
        }

        /** Traces added so far. */
        public int count() {
            return count;
        }

        public Clustering finish() {
            return merge(stacks, count);
        }
    }

    private Clustering merge(List<Stack> stacks, int traceCount) {
        // Biggest first; among equals, the one seen first in the input.
        stacks.sort(Comparator.comparingInt((Stack s) -> -s.traces.size()));

        List<Stack> reps = new ArrayList<>();
        List<List<Variant>> members = new ArrayList<>();
        for (Stack s : stacks) {
            int best = -1;
            Alignment bestAlignment = null;
            if (threshold < 1.0) {
                int limit = Math.min(reps.size(), MAX_CANDIDATES);
                for (int c = 0; c < limit; c++) {
                    Stack r = reps.get(c);
                    int n = r.ids.length;
                    int m = s.ids.length;
                    double bound = Similarity.upperBound(n, m, Math.min(n, m));
                    if (bound < threshold || (bestAlignment != null && bound <= bestAlignment.similarity())) {
                        continue;
                    }
                    bound = Similarity.upperBound(n, m, common(r.sorted, s.sorted));
                    if (bound < threshold || (bestAlignment != null && bound <= bestAlignment.similarity())) {
                        continue;
                    }
                    Alignment al = align(r, s);
                    if (al.similarity() >= threshold && (bestAlignment == null || al.similarity() > bestAlignment.similarity())) {
                        best = c;
                        bestAlignment = al;
                    }
                }
            }
            if (best < 0) {
                reps.add(s);
                List<Variant> v = new ArrayList<>();
                v.add(new Variant(s.traces, s.names, align(s, s)));
                members.add(v);
            } else {
                members.get(best).add(new Variant(s.traces, s.names, bestAlignment));
            }
        }
        List<Cluster> clusters = new ArrayList<>(members.size());
        for (List<Variant> v : members) {
            clusters.add(new Cluster(v));
        }
        clusters.sort(Comparator.comparingInt((Cluster c) -> -c.size())
                .thenComparingInt(Cluster::firstTraceId));
        return new Clustering(traceCount, threshold, reliableOnly, clusters);
    }

    /** The representative (A) against the variant (B), in the canonical orientation of {@link StackDiff}. */
    private static Alignment align(Stack rep, Stack s) {
        if (rep == s) {
            return StackDiff.fromMatches(s.ids.length, s.ids.length, identity(s.ids.length), identity(s.ids.length));
        }
        if (StackDiff.canonicalOrder(rep.names, s.names) > 0) {
            return StackDiff.fromIds(s.ids, rep.ids).mirrored();
        }
        return StackDiff.fromIds(rep.ids, s.ids);
    }

    private static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** Size of the multiset intersection of two sorted arrays: an upper bound of the LCS length. */
    static int common(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }
}
