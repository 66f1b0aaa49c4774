package dev.pktpath.diff;

import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

    public static Members of(List<Trace> traces) {
        Map<String, Integer> commands = new LinkedHashMap<>();
        // CPUs and PIDs as primitives, sorted once and made distinct: a bucket of a big foreach bt has
        // tens of thousands of PIDs, which a TreeSet of boxed numbers took long to build
        long[] cpus = new long[traces.size()];
        long[] pids = new long[traces.size()];
        int cpuCount = 0;
        int pidCount = 0;
        int unknown = 0;
        for (Trace t : traces) {
            Task task = t.task();
            if (task.command() != null) {
                commands.merge(task.command(), 1, Integer::sum);
            }
            if (task.cpu() != null) {
                cpus[cpuCount++] = task.cpu();
            }
            if (task.pid() != null) {
                pids[pidCount++] = task.pid();
            }
            if (task.command() == null && task.pid() == null && task.cpu() == null) {
                unknown++;
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(commands.entrySet());
        // Most tasks first; a stable sort keeps ties in input order (swapper/8 before swapper/10).
        sorted.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed());
        List<Map.Entry<String, Integer>> copy = new ArrayList<>();
        for (Map.Entry<String, Integer> e : sorted) {
            copy.add(Map.entry(e.getKey(), e.getValue()));
        }
        return new Members(copy, distinctCpus(cpus, cpuCount), distinctPids(pids, pidCount), unknown);
    }

    private static List<Integer> distinctCpus(long[] values, int count) {
        List<Integer> out = new ArrayList<>();
        for (long v : sortedDistinct(values, count)) {
            out.add((int) v);
        }
        return out;
    }

    private static List<Long> distinctPids(long[] values, int count) {
        List<Long> out = new ArrayList<>();
        for (long v : sortedDistinct(values, count)) {
            out.add(v);
        }
        return out;
    }

    /** The first {@code count} values, sorted, each once. */
    private static long[] sortedDistinct(long[] values, int count) {
        SmallSorts.sort(values, 0, count);
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (n == 0 || values[i] != values[n - 1]) {
                values[n++] = values[i];
            }
        }
        return Arrays.copyOf(values, n);
    }
}
