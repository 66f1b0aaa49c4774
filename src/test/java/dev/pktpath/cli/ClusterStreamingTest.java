package dev.pktpath.cli;

import dev.pktpath.bench.DumpGenerator;
import dev.pktpath.diff.Clusterer;
import dev.pktpath.diff.Clustering;
import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import dev.pktpath.render.ClusterRenderer;
import dev.pktpath.render.TextStyle;
import dev.pktpath.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cluster} reads the dump as a stream; what it prints must be what clustering the whole parsed dump gives. */
class ClusterStreamingTest {
    static java.util.stream.Stream<Path> corpus() throws Exception {
        return StreamedOutputTest.someOfTheCorpus();
    }

    private static Dump parse(Path p) throws Exception {
        return new DumpParser().parse(p.toString(), InputReader.read(p.toString(), null));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void clusterPrintsWhatClusteringTheWholeDumpGives(Path file) throws Exception {
        String name = file.toString();
        Dump dump = parse(file);
        InProcessCli.Result r = InProcessCli.runAsMain("cluster", "--json", name);
        if (dump.traces().isEmpty()) {
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip()).isEqualTo("pktpath-tui: " + name + ": no backtrace found");
            return;
        }
        assertThat(r.out()).isEqualTo(new ClusterRenderer().json(name, new Clusterer().cluster(dump.traces())));
    }

    @Test
    void aGeneratedForeachClustersAsAWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("foreach.txt");
        try (var w = Files.newBufferedWriter(file)) {
            new DumpGenerator(11).writeCrashForeach(w, 1_000_000);
        }
        String name = file.toString();
        Clustering whole = new Clusterer(0.7, true).cluster(parse(file).traces());
        assertThat(InProcessCli.runAsMain("cluster", "--json", "--threshold", "0.7", "--reliable", name).out())
                .isEqualTo(new ClusterRenderer().json(name, whole));
        assertThat(InProcessCli.runAsMain("cluster", "--ascii", "--color=never", "--width", "100", "--threshold", "0.7", "--reliable", name).out())
                .isEqualTo(new ClusterRenderer().text(name, whole, new TextStyle(false, true, 100)));
    }
}
