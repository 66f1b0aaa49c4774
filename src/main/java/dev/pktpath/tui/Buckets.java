package dev.pktpath.tui;

import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.diff.Cluster;
import dev.pktpath.diff.Clusterer;
import dev.pktpath.diff.Clustering;
import dev.pktpath.model.Trace;
import dev.pktpath.session.LoadedDump;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The traces pane's buckets for one dump (as {@code cluster} makes them), with what each redraw needs
 * worked out once: which bucket holds each trace, each bucket's first trace and its member list as
 * text. A foreach bt of 190,000 tasks makes buckets of tens of thousands of traces, which a redraw
 * must not sort or search.
 */
final class Buckets {
    /** The longest member list kept for a row: wider than any terminal. */
    private static final int IDS_ROOM = 400;

    final LoadedDump dump;
    /** How many traces the dump had when they were bucketed (a dump still loading has more later). */
    final int traceCount;
    final Clustering clustering;
    private final int[] bucketOfTrace;
    private final int[] firstTrace;
    private final String[] ids;

    private Buckets(LoadedDump dump, int traceCount, Clustering clustering, int[] bucketOfTrace, int[] firstTrace, String[] ids) {
        this.dump = dump;
        this.traceCount = traceCount;
        this.clustering = clustering;
        this.bucketOfTrace = bucketOfTrace;
        this.firstTrace = firstTrace;
        this.ids = ids;
    }

    static Buckets of(LoadedDump d, Background.Progress p) {
        int n = d == null ? 0 : d.traces().size();
        List<Trace> traces = new ArrayList<>(n);
        int maxId = 0;
        for (int i = 0; i < n; i++) {
            Trace t = d.traces().get(i).trace();
            traces.add(t);
            maxId = Math.max(maxId, t.id());
        }
        if (p != null) {
            p.set(0.05);
        }
        Clustering c = new Clusterer().cluster(traces);
        if (p != null) {
            p.set(0.9);
        }
        int[] indexOfId = new int[maxId + 1];
        Arrays.fill(indexOfId, -1);
        for (int i = 0; i < n; i++) {
            TraceAnalysis a = d.traces().get(i);
            if (a.trace().id() >= 0) {
                indexOfId[a.trace().id()] = i;
            }
        }
        List<Cluster> clusters = c.clusters();
        int[] bucketOf = new int[n];
        int[] first = new int[clusters.size()];
        String[] text = new String[clusters.size()];
        for (int b = 0; b < clusters.size(); b++) {
            List<Integer> members = clusters.get(b).traceIds();
            for (int id : members) {
                if (id >= 0 && id < indexOfId.length && indexOfId[id] >= 0) {
                    bucketOf[indexOfId[id]] = b;
                }
            }
            int firstId = clusters.get(b).firstTraceId();
            first[b] = firstId >= 0 && firstId < indexOfId.length ? indexOfId[firstId] : -1;
            text[b] = TracesPane.ids(members, IDS_ROOM);
        }
        return new Buckets(d, n, c, bucketOf, first, text);
    }

    List<Cluster> clusters() {
        return clustering.clusters();
    }

    /** The bucket holding trace {@code index} (0 when none does). */
    int bucketOf(int index) {
        return index >= 0 && index < bucketOfTrace.length ? bucketOfTrace[index] : 0;
    }

    /** The index of bucket {@code b}'s first trace, or -1. */
    int firstTrace(int b) {
        return b >= 0 && b < firstTrace.length ? firstTrace[b] : -1;
    }

    /** Bucket {@code b}'s members as {@code 1-5,9}, cut to a terminal's width. */
    String ids(int b) {
        return ids[b];
    }
}
