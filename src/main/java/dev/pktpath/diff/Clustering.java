package dev.pktpath.diff;

import java.util.List;

/**
 * The buckets of a multi-task dump, biggest first.
 *
 * @param traceCount how many traces were clustered
 * @param threshold  the similarity a stack needed to join a bucket it is not identical to
 * @param reliableOnly whether unreliable ({@code ?}) frames were left out of the stacks compared
 */
public record Clustering(int traceCount, double threshold, boolean reliableOnly, List<Cluster> clusters) {
    public Clustering {
        clusters = List.copyOf(clusters);
    }
}
