package dev.pktpath.diff;

import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Traces with identical normalised stacks (one hash bucket), and how their stack differs from the
 * representative of the cluster they joined.
 *
 * @param traces           the member traces, in input order
 * @param frames           the normalised function names of the shared stack, innermost first (the
 *                         compared frames: without {@code ?} frames when those were left out)
 * @param fromRepresentative the alignment of the cluster's representative stack (A) with this
 *                         stack (B): all {@code equal} for the representative variant itself
 */
public record Variant(List<Trace> traces, List<String> frames, Alignment fromRepresentative) {
    public Variant {
        traces = List.copyOf(traces);
        frames = List.copyOf(frames);
    }

    public int size() {
        return traces.size();
    }

    public List<Integer> traceIds() {
        List<Integer> ids = new ArrayList<>(traces.size());
        for (Trace t : traces) {
            ids.add(t.id());
        }
        return ids;
    }

    public double similarity() {
        return fromRepresentative.similarity();
    }
}
