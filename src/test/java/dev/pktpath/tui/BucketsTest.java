package dev.pktpath.tui;

import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code b} toggles the traces pane between tasks and buckets. The corpus {@code bt -a} dump has
 * five idle swapper tasks with no frames and one bash task that crashed: two buckets.
 */
class BucketsTest {
    private static VirtualScreen bta() throws IOException {
        return new VirtualScreen(Fixtures.corpus("062-commit-bt-a-n-idle-x86_64.txt", false, true), 120, 40);
    }

    @Test
    void bShowsBucketsAndBackTasks() throws IOException {
        VirtualScreen v = bta();
        v.type("b");
        assertThat(v.text()).contains("Buckets (2 of 6 traces)");
        assertThat(v.status()).contains("2 buckets of 6 traces");
        assertThat(v.rowWith("traces 1-5")).contains("5 tasks").contains("0 frames");
        assertThat(v.rowWith("traces 6 ")).contains("1 task ").contains("10 frames").contains("kernel panic in sysrq_handle_crash");
        // the crashing task is selected, so its bucket is
        assertThat(v.rowWith("traces 6 ")).startsWith("|>");
        assertThat(v.text()).doesNotContain("swapper/8");
        v.type("b");
        assertThat(v.text()).contains("Traces (6)").contains("swapper/8");
    }

    @Test
    void jkMoveBetweenBucketsOnTheTracesPane() throws IOException {
        VirtualScreen v = bta();
        v.type("b").shiftTab();
        assertThat(v.text()).contains("[Buckets (2 of 6 traces)]");
        v.type("k");
        assertThat(v.status()).contains("trace 1/6").contains("bucket 1/2: 5 traces");
        assertThat(v.rowWith("traces 1-5")).startsWith("|>");
        v.type("j");
        assertThat(v.status()).contains("trace 6/6");
        assertThat(v.rowWith("traces 6 ")).startsWith("|>");
    }

    @Test
    void idListsFoldRuns() {
        assertThat(TracesPane.ids(List.of(1, 2, 3, 5, 7, 8))).isEqualTo("1-3,5,7-8");
        assertThat(TracesPane.ids(List.of(4))).isEqualTo("4");
    }

    @Test
    void oneTraceHasNoBuckets() {
        VirtualScreen v = new VirtualScreen(Fixtures.seed(false, true), 100, 30);
        v.type("b");
        assertThat(v.status()).contains("error: buckets need a dump with several traces");
    }
}
