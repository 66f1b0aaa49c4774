package dev.pktpath.cli;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.bench.DumpGenerator;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.render.TextRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When the streaming printer writes, with which count, and when it tells the reader to stop. */
class TracePrinterTest {
    private static final Analyzer ANALYZER = Analyzer.builtIn();
    private static List<Trace> traces;

    @BeforeAll
    static void generate() throws IOException {
        StringWriter w = new StringWriter();
        new DumpGenerator(3).writeCrashForeach(w, 1_500_000);
        traces = new DumpParser().parse("gen.txt", w.toString()).traces();
        assertThat(traces.size()).isGreaterThan(TracePrinter.HOLD_TRACES + 10);
    }

    /** Records what is emitted: trace id and the count its header was given. */
    private static final class Log {
        final List<int[]> emitted = new ArrayList<>();

        TracePrinter<Integer> printer(Integer only, TracePrinter.Count count, PrintWriter out) {
            return new TracePrinter<>(ANALYZER, only, count, (a, n) -> a.trace().id(), (id, n) -> emitted.add(new int[]{id, n}), out);
        }
    }

    private static PrintWriter sink() {
        return new PrintWriter(new StringWriter());
    }

    @Test
    void oneTraceStopsTheReadingOnceItIsWritten() {
        Log log = new Log();
        TracePrinter<Integer> p = log.printer(5, TracePrinter.Count.ONE, sink());
        for (int i = 0; i < 4; i++) {
            assertThat(p.accept(traces.get(i))).isTrue();
        }
        assertThat(p.accept(traces.get(4))).as("stop after trace 5").isFalse();
        assertThat(log.emitted).hasSize(1);
        assertThat(log.emitted.get(0)).containsExactly(5, 1);
        assertThat(p.found()).isTrue();
    }

    @Test
    void aSmallDumpIsHeldUntilItsEndAndGetsItsTotal() {
        Log log = new Log();
        TracePrinter<Integer> p = log.printer(null, TracePrinter.Count.TOTAL, sink());
        for (int i = 0; i < 10; i++) {
            assertThat(p.accept(traces.get(i))).isTrue();
        }
        assertThat(log.emitted).isEmpty();
        p.finish();
        assertThat(log.emitted).hasSize(10).allSatisfy(e -> assertThat(e[1]).isEqualTo(10));
        assertThat(log.emitted.stream().mapToInt(e -> e[0])).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aBigDumpIsWrittenOnceMoreThanCanBeHeldHaveComeWithoutATotal() {
        Log log = new Log();
        TracePrinter<Integer> p = log.printer(null, TracePrinter.Count.TOTAL, sink());
        for (int i = 0; i < TracePrinter.HOLD_TRACES; i++) {
            p.accept(traces.get(i));
        }
        assertThat(log.emitted).isEmpty();
        p.accept(traces.get(TracePrinter.HOLD_TRACES));
        assertThat(log.emitted).hasSize(TracePrinter.HOLD_TRACES + 1)
                .allSatisfy(e -> assertThat(e[1]).isEqualTo(TextRenderer.COUNT_UNKNOWN));
        for (int i = TracePrinter.HOLD_TRACES + 1; i < traces.size(); i++) {
            p.accept(traces.get(i));
        }
        p.finish();
        assertThat(log.emitted.stream().mapToInt(e -> e[0]).toArray())
                .isEqualTo(traces.stream().mapToInt(Trace::id).toArray());
    }

    @Test
    void jsonIsWrittenInBatchesFromTheStart() {
        Log log = new Log();
        TracePrinter<Integer> p = log.printer(null, TracePrinter.Count.NONE, sink());
        for (int i = 0; i < TracePrinter.BATCH_TRACES; i++) {
            p.accept(traces.get(i));
        }
        assertThat(log.emitted).hasSize(TracePrinter.BATCH_TRACES);
    }

    @Test
    void aClosedOutputStopsTheReading() {
        PrintWriter broken = new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        });
        TracePrinter<String> p = new TracePrinter<>(ANALYZER, null, TracePrinter.Count.NONE, (a, n) -> "x", (s, n) -> broken.print(s), broken);
        boolean more = true;
        int i = 0;
        while (more && i < traces.size()) {
            more = p.accept(traces.get(i++));
        }
        assertThat(more).isFalse();
        assertThat(i).isEqualTo(TracePrinter.BATCH_TRACES);
    }
}
