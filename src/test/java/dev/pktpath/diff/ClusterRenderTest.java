package dev.pktpath.diff;

import dev.pktpath.model.Dump;
import dev.pktpath.render.ClusterRenderer;
import dev.pktpath.render.TextStyle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cluster text and JSON on {@code small-foreach.txt}: our own eight tasks written in crash's
 * {@code foreach bt} format (two idle CPUs, four tasks in pselect6, one in select, the bash task
 * that triggered the crash), not corpus text.
 */
class ClusterRenderTest {
    private static Dump small() throws IOException {
        return Fixtures.parse("small-foreach.txt", resource("small-foreach.txt"));
    }

    @Test
    void textMatchesTheGolden() throws IOException {
        Clustering c = new Clusterer().cluster(small().traces());
        assertThat(new ClusterRenderer().text("small-foreach.txt", c, TextStyle.PLAIN))
                .isEqualTo(resource("small-foreach.cluster.txt"));
    }

    @Test
    void jsonFollowsTheContract() throws IOException {
        Clustering c = new Clusterer().cluster(small().traces());
        String json = new ClusterRenderer().json("small-foreach.txt", c);
        assertThat(json).startsWith("{\"schema\":\"pktpath-tui/1\",\"source\":\"small-foreach.txt\",\"traceCount\":8,"
                + "\"threshold\":0.8,\"reliableOnly\":false,\"buckets\":[{\"size\":5,\"traces\":[3,4,5,6,7],\"frames\":[\"__schedule\",\"schedule\","
                + "\"schedule_hrtimeout_range_clock\",\"schedule_hrtimeout_range\",\"do_select\",\"core_sys_select\","
                + "\"do_pselect\",\"__x64_sys_pselect6\",\"do_syscall_64\",\"entry_SYSCALL_64_after_hwframe\"],"
                + "\"representative\":3,\"similarity\":0.8369,"
                + "\"commands\":[{\"command\":\"nginx\",\"count\":3},{\"command\":\"sshd\",\"count\":2}],"
                + "\"cpus\":[0,1,2,3],\"pids\":[812,977,1201,1202,1203],\"differAt\":[6,7],"
                + "\"variants\":[{\"size\":4,\"traces\":[3,4,5,6],");
        assertThat(json).contains("{\"size\":1,\"traces\":[7],\"frames\":[\"__schedule\",\"schedule\","
                + "\"schedule_hrtimeout_range_clock\",\"schedule_hrtimeout_range\",\"do_select\",\"core_sys_select\","
                + "\"kern_select\",\"__x64_sys_select\",\"do_syscall_64\",\"entry_SYSCALL_64_after_hwframe\"],"
                + "\"similarity\":0.8369,\"ops\":[{\"op\":\"equal\",\"a\":[0,1,2,3,4,5],\"b\":[0,1,2,3,4,5]},"
                + "{\"op\":\"replace\",\"a\":[6,7],\"b\":[6,7]},{\"op\":\"equal\",\"a\":[8,9],\"b\":[8,9]}]}");
        assertThat(json).contains("{\"size\":2,\"traces\":[1,2],").contains("{\"size\":1,\"traces\":[8],");
        assertThat(json.indexOf("\"size\":2,\"traces\":[1,2]")).isLessThan(json.indexOf("\"size\":1,\"traces\":[8]"));
        assertThat(json).endsWith("]}\n");
    }

    @Test
    void textFitsTheWidthAndAsciiIsAscii() {
        Dump big = Fixtures.parse("foreach.txt", ForeachBtGenerator.text(ForeachBtGenerator.tasks(7), 7));
        Clustering c = new Clusterer().cluster(big.traces());
        String text = new ClusterRenderer().text("foreach.txt", c, new TextStyle(false, true, 80));
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(text.chars()).allMatch(ch -> ch < 0x7f);
        assertThat(text).contains("bucket 1: 120 traces, 2 variants, similarity >= 0.84")
                .contains("  commands  nginx (90), sshd (30)\n")
                .contains("  PIDs      1000-1119\n");
        // 120 scattered trace ids do not fit a line: the rest are counted.
        assertThat(text).containsPattern("  traces    [0-9 -]+ \\(\\+\\d+ more\\)\n");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ClusterRenderTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
