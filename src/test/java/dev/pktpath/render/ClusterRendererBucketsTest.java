package dev.pktpath.render;

import dev.pktpath.diff.Clusterer;
import dev.pktpath.diff.Clustering;
import dev.pktpath.model.Trace;
import dev.pktpath.testing.GeneratedTraces;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many buckets are written on several threads and joined ({@link ClusterRenderer#PARALLEL_FROM}):
 * the result must be what writing them one after another gives. A clustering cut to fewer buckets
 * than that is written on one thread; its buckets must be the first ones of the whole clustering's
 * text and JSON, character for character.
 */
class ClusterRendererBucketsTest {
    @Test
    void bucketsWrittenApartAreThoseWrittenOneAfterAnother() {
        List<Trace> traces = GeneratedTraces.parse(31, 32, 400_000);
        Clustering all = new Clusterer(1.0, false).cluster(traces);
        assertThat(all.clusters()).hasSizeGreaterThan(ClusterRenderer.PARALLEL_FROM + 20);
        Clustering first = new Clustering(all.traceCount(), all.threshold(), all.reliableOnly(),
                all.clusters().subList(0, ClusterRenderer.PARALLEL_FROM - 1));
        ClusterRenderer r = new ClusterRenderer();

        String whole = r.text("x", all, TextStyle.PLAIN);
        String part = r.text("x", first, TextStyle.PLAIN);
        assertThat(afterFirstLine(whole)).startsWith(afterFirstLine(part));
        assertThat(whole).contains("\nbucket " + all.clusters().size() + ": ");

        String wholeJson = r.json("x", all);
        String partJson = r.json("x", first);
        String partBuckets = partJson.substring(partJson.indexOf("\"buckets\":["), partJson.length() - "]}\n".length());
        assertThat(wholeJson).contains(partBuckets + ",{\"size\":");
    }

    private static String afterFirstLine(String s) {
        return s.substring(s.indexOf('\n') + 1);
    }
}
