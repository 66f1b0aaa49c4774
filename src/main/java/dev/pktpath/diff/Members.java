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
        // per command: {tasks, rank of the first}
        Map<String, int[]> commands = new HashMap<>();
        List<String> order = new ArrayList<>();
        // CPUs and PIDs as primitives, sorted once and made distinct: a bucket of a big foreach bt has
        // tens of thousands of PIDs, which a TreeSet of boxed numbers took long to build
        long[] cpus = new long[size];
        long[] pids = new long[size];
        int cpuCount = 0;
        int pidCount = 0;
        int unknown = 0;
        int place = 0;
        for (List<Trace> l : lists) {
            for (Trace t : l) {
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
        // Most tasks first; ties by the first task's rank (swapper/8 before swapper/10). By insertion:
        // a bucket has a few commands, and List.sort for each of thousands of buckets had C2 compile
        // all of TimSort
        String[] names = order.toArray(new String[0]);
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
        return new Members(counted, distinctCpus(cpus, cpuCount), distinctPids(pids, pidCount), unknown);
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
