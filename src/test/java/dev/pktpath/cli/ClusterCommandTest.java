package dev.pktpath.cli;

import dev.pktpath.testing.InProcessCli;
import org.junit.jupiter.api.Test;

import static dev.pktpath.testing.InProcessCli.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code pktpath-tui cluster} through the real command line. */
class ClusterCommandTest {
    private static final String IDLE_062 = "../shared/corpus/crash-bt/062-commit-bt-a-n-idle-x86_64.txt";
    private static final String SMALL = "src/test/resources/dev/pktpath/diff/small-foreach.txt";

    @Test
    void bucketsBiggestFirst() {
        InProcessCli.Result r = run("cluster", IDLE_062);
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("6 traces in 2 buckets, threshold 0.80")
                .contains("bucket 1: 5 traces, identical stacks\n  traces    1-5\n")
                .contains("bucket 2: 1 trace\n");
        assertThat(r.out().indexOf("bucket 1")).isLessThan(r.out().indexOf("bucket 2"));
    }

    @Test
    void jsonHasTheContractFields() {
        InProcessCli.Result r = run("cluster", "--json", IDLE_062);
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("{\"schema\":\"pktpath-tui/1\",")
                .contains("\"buckets\":[{\"size\":5,\"traces\":[1,2,3,4,5],\"frames\":[],")
                .contains("{\"size\":1,\"traces\":[6],\"frames\":[\"machine_kexec\",\"__crash_kexec\",\"panic\",");
    }

    @Test
    void thresholdOptionSplitsVariants() {
        assertThat(run("cluster", SMALL).out()).contains("in 3 buckets");
        InProcessCli.Result r = run("cluster", "--threshold", "1", SMALL);
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("8 traces in 4 buckets, identical stacks only");
        assertThat(run("cluster", "--threshold", "0.9", SMALL).out()).contains("in 4 buckets");
        assertThat(run("cluster", "--threshold", "0.5", SMALL).out()).contains("in 3 buckets");
    }

    @Test
    void badThresholdIsAUsageError() {
        InProcessCli.Result r = run("cluster", "--threshold", "1.5", SMALL);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("pktpath-tui cluster: --threshold must be between 0 and 1, not 1.5");
        assertThat(run("cluster", "--threshold", "NaN", SMALL).status()).isEqualTo(2);
        assertThat(run("cluster", "--threshold", "lots", SMALL).status()).isEqualTo(2);
    }

    @Test
    void unreadableInputExitsOne() {
        InProcessCli.Result r = run("cluster", "/nonexistent/foreach.txt");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("pktpath-tui: /nonexistent/foreach.txt: no such file");
        assertThat(r.out()).isEmpty();
    }
}
