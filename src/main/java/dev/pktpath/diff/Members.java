package dev.pktpath.diff;

import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
        TreeSet<Integer> cpus = new TreeSet<>();
        TreeSet<Long> pids = new TreeSet<>();
        int unknown = 0;
        for (Trace t : traces) {
            Task task = t.task();
            if (task.command() != null) {
                commands.merge(task.command(), 1, Integer::sum);
            }
            if (task.cpu() != null) {
                cpus.add(task.cpu());
            }
            if (task.pid() != null) {
                pids.add(task.pid());
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
        return new Members(copy, new ArrayList<>(cpus), new ArrayList<>(pids), unknown);
    }
}
