package dev.pktpath.diff;

import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in a bucket: commands with how many tasks run each (most first, ties in input order), the distinct CPUs and
 * PIDs, sorted. Unknown fields are left out, and counted in {@code unknownTask}.
 */
public record Members(List<Map.Entry<String, Integer>> commands, List<Integer> cpus, List<Long> pids, int unknownTask) {
    public Members {
        commands = List.copyOf(commands);
        cpus = List.copyOf(cpus);
        pids = List.copyOf(pids);
    }

    /** The members of {@code traces}; commands that run as many tasks come in list order. */
    public static Members of(List<Trace> traces) {
        return collect(List.of(traces), false);
    }

    /**
     * The members of a bucket, as {@link #of(List)} gives them for {@link Cluster#members()} (commands
     * that run as many tasks in input order), without ordering the members first: a bucket of a big
     * foreach bt holds tens of thousands of traces, and that order only decides ties between commands.
     */
    public static Members of(Cluster cluster) {
        List<List<Trace>> lists = new ArrayList<>(cluster.variants().size());
        for (Variant v : cluster.variants()) {
            lists.add(v.traces());
        }
        return collect(lists, true);
    }

    /** The traces of {@code lists}, ranked by trace id or else by their place in the lists. */
    private static Members collect(List<List<Trace>> lists, boolean rankById) {
        int size = 0;
        for (List<Trace> l : lists) {
            size += l.size();
        }
        Counts counts = new Counts(size);
        for (List<Trace> l : lists) {
            counts.add(l, rankById);
        }
        Map<String, int[]> commands = counts.commands;
        // Most tasks first; ties by the first task's rank (swapper/8 before swapper/10). By insertion:
        // a bucket has a few commands, and List.sort for each of thousands of buckets had C2 compile
        // all of TimSort
        String[] names = counts.order.toArray(new String[0]);
        for (int i = 1; i < names.length; i++) {
            String c = names[i];
            int[] key = commands.get(c);
            int j = i - 1;
            while (j >= 0 && before(key, commands.get(names[j]))) {
                names[j + 1] = names[j];
                j--;
            }
            names[j + 1] = c;
        }
        List<Map.Entry<String, Integer>> counted = new ArrayList<>(names.length);
        for (String c : names) {
            counted.add(Map.entry(c, commands.get(c)[0]));
        }
        return new Members(counted, distinctCpus(counts.cpus, counts.cpuCount), distinctPids(counts.pids, counts.pidCount),
                counts.unknown);
    }

    /**
     * The tasks of a bucket as they are counted, list by list: a loop of its own (for the JIT: inside
     * {@link #collect} it had that method compiled three times in a cluster run).
     */
    private static final class Counts {
        /** Per command: {tasks, rank of the first}. */
        final Map<String, int[]> commands = new HashMap<>();
        /** The commands in the order first seen. */
        final List<String> order = new ArrayList<>();
        // CPUs and PIDs as primitives, sorted once and made distinct: a bucket of a big foreach bt has
        // tens of thousands of PIDs, which a TreeSet of boxed numbers took long to build
        final long[] cpus;
        final long[] pids;
        int cpuCount;
        int pidCount;
        int unknown;
        int place;

        Counts(int size) {
            cpus = new long[size];
            pids = new long[size];
        }

        /** Counts {@code traces}' tasks, ranked by trace id or else by their place in the lists so far. */
        void add(List<Trace> traces, boolean rankById) {
            for (Trace t : traces) {
                int rank = rankById ? t.id() : place++;
                Task task = t.task();
                String command = task.command();
                if (command != null) {
                    int[] c = commands.get(command);
                    if (c == null) {
                        commands.put(command, new int[]{1, rank});
                        order.add(command);
                    } else {
                        c[0]++;
                        c[1] = Math.min(c[1], rank);
                    }
                }
                Integer cpu = task.cpu();
                if (cpu != null) {
                    cpus[cpuCount++] = cpu;
                }
                Long pid = task.pid();
                if (pid != null) {
                    pids[pidCount++] = pid;
                }
                if (command == null && pid == null && cpu == null) {
                    unknown++;
                }
            }
        }
    }

    /** Whether a command counted {@code a} ({tasks, first rank}) comes before one counted {@code b}. */
    private static boolean before(int[] a, int[] b) {
        return a[0] > b[0] || (a[0] == b[0] && a[1] < b[1]);
    }

    private static List<Integer> distinctCpus(long[] values, int count) {
        List<Integer> out = new ArrayList<>();
        for (long v : SmallSorts.sortedDistinct(values, count)) {
            out.add((int) v);
        }
        return out;
    }

    private static List<Long> distinctPids(long[] values, int count) {
        List<Long> out = new ArrayList<>();
        for (long v : SmallSorts.sortedDistinct(values, count)) {
            out.add(v);
        }
        return out;
    }
}
