package dev.pktpath.diff;

import dev.pktpath.model.Arch;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        /** The member traces whole ({@link #cluster}), or null when they are kept as {@link #members}. */
        final List<Trace> traces;
        final MemberColumns members;

        Stack(int[] ids, List<String> names, boolean whole) {
            this.traces = whole ? new ArrayList<>() : null;
            this.members = whole ? null : new MemberColumns();
            this.ids = ids;
            this.names = names;
            this.sorted = ids.clone();
            SmallSorts.sort(sorted);
        }

        int size() {
            return traces != null ? traces.size() : members.size;
        }

        List<Trace> traces() {
            return traces != null ? traces : members.traces();
        }
    }

    /**
     * What a bucket needs of each member trace, in columns of primitives (some 30 bytes a trace, and no
     * object per trace for the garbage collector to copy while a big dump streams by): id, task
     * (pid, CPU, command), format, arch and lines. Made into slim {@link Trace}s (no frames) at the end.
     */
    private static final class MemberColumns {
        private static final long NO_PID = Long.MIN_VALUE;
        private static final int NO_CPU = Integer.MIN_VALUE;
        int size;
        int[] id = new int[4];
        long[] pid = new long[4];
        int[] cpu = new int[4];
        int[] command = new int[4];
        /** format ordinal in the high half, arch ordinal in the low half */
        int[] kind = new int[4];
        int[] firstLine = new int[4];
        int[] lastLine = new int[4];
        /** The command names, shared by every stack of one run; set by {@link Accumulator#finish}. */
        List<String> names;

        void add(Trace t, Map<String, Integer> commandIds, List<String> commandNames) {
            if (size == id.length) {
                int n = size * 2;
                id = Arrays.copyOf(id, n);
                pid = Arrays.copyOf(pid, n);
                cpu = Arrays.copyOf(cpu, n);
                command = Arrays.copyOf(command, n);
                kind = Arrays.copyOf(kind, n);
                firstLine = Arrays.copyOf(firstLine, n);
                lastLine = Arrays.copyOf(lastLine, n);
            }
            Task task = t.task();
            id[size] = t.id();
            pid[size] = task.pid() == null ? NO_PID : task.pid();
            cpu[size] = task.cpu() == null ? NO_CPU : task.cpu();
            Integer c = task.command() == null ? Integer.valueOf(-1) : commandIds.get(task.command());
            if (c == null) {
                c = commandNames.size();
                commandNames.add(task.command());
                commandIds.put(task.command(), c);
            }
            command[size] = c;
            kind[size] = t.format().ordinal() << 16 | t.arch().ordinal();
            firstLine[size] = t.firstLine();
            lastLine[size] = t.lastLine();
            size++;
        }

        List<Trace> traces() {
            List<Trace> out = new ArrayList<>(size);
            TraceFormat[] formats = TraceFormat.values();
            Arch[] arches = Arch.values();
            for (int i = 0; i < size; i++) {
                String name = command[i] < 0 ? null : names.get(command[i]);
                // negative numbers (which no parser reads) mean absent to the unboxed factory: boxed then
                Task task = (pid[i] == NO_PID || pid[i] >= 0) && (cpu[i] == NO_CPU || cpu[i] >= 0)
                        ? Task.withoutAddress(pid[i] == NO_PID ? -1 : pid[i], cpu[i] == NO_CPU ? -1 : cpu[i], name)
                        : new Task(pid[i] == NO_PID ? null : pid[i], null, cpu[i] == NO_CPU ? null : cpu[i], name);
                out.add(new Trace(id[i], formats[kind[i] >>> 16], arches[kind[i] & 0xffff], task, null, null,
                        List.of(), List.of(), Map.of(), List.of(), firstLine[i], lastLine[i]));
            }
            return out;
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
        Accumulator acc = new Accumulator(true);
        for (Trace t : traces) {
            acc.add(t);
        }
        return acc.finish();
    }

    /**
     * Clusters traces handed over one at a time (a dump read as it goes), keeping per trace only its
     * stack's key and, in columns of numbers, its id and task: clustering a {@code foreach bt} of
     * hundreds of megabytes holds no frames beyond one stack per distinct key. The buckets' member traces
     * are then slim: id, format, arch, task and lines, without frames, registers or notes (all that the
     * cluster output shows of them). {@link #cluster} keeps the traces whole.
     */
    public Accumulator accumulator() {
        return new Accumulator(false);
    }

    /** Takes traces one at a time; {@link #finish} clusters them. Not thread-safe. */
    public final class Accumulator {
        private final boolean whole;
        private final FrameKeys keys = new FrameKeys();
        private final Map<Key, Stack> byKey = new HashMap<>();
        private final List<Stack> stacks = new ArrayList<>();
        private final Map<String, Integer> commandIds = new HashMap<>();
        private final List<String> commandNames = new ArrayList<>();
        private int count;

        private Accumulator(boolean whole) {
            this.whole = whole;
        }

        public void add(Trace t) {
            count++;
            int[] ids = new int[t.frames().size()];
            int n = 0;
            for (Frame f : t.frames()) {
                if (!reliableOnly || f.reliable()) {
                    ids[n++] = keys.nameId(f);
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
                s = new Stack(ids, names, whole);
                byKey.put(k, s);
                stacks.add(s);
            }
            if (whole) {
                s.traces.add(t);
            } else {
                s.members.add(t, commandIds, commandNames);
            }
        }

        /** Traces added so far. */
        public int count() {
            return count;
        }

        public Clustering finish() {
            for (Stack s : stacks) {
                if (s.members != null) {
                    s.members.names = commandNames;
                }
            }
            return merge(stacks, count);
        }
    }

    private Clustering merge(List<Stack> stacks, int traceCount) {
        // Biggest first; among equals, the one seen first in the input.
        stacks.sort(Comparator.comparingInt((Stack s) -> -s.size()));

        List<Stack> reps = new ArrayList<>();
        List<List<Variant>> members = new ArrayList<>();
        for (Stack s : stacks) {
            Choice best = threshold < 1.0 ? closest(reps, s) : null;
            if (best == null) {
                reps.add(s);
                List<Variant> v = new ArrayList<>();
                v.add(new Variant(s.traces(), s.names, align(s, s)));
                members.add(v);
            } else {
                members.get(best.rep()).add(new Variant(s.traces(), s.names, best.alignment()));
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

    /** A representative chosen for a stack: its index and the alignment of the two. */
    private record Choice(int rep, Alignment alignment) {
    }

    /**
     * The representative among the first {@link #MAX_CANDIDATES} that {@code s} is most similar to,
     * when that reaches the threshold (the first of equals); null when none does. A method of its own
     * so that the JIT compiles it as such rather than {@link #merge} by on-stack replacement, twice.
     */
    private Choice closest(List<Stack> reps, Stack s) {
        int best = -1;
        Alignment bestAlignment = null;
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
        return best < 0 ? null : new Choice(best, bestAlignment);
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
