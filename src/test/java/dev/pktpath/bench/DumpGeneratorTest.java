package dev.pktpath.bench;

import dev.pktpath.model.Dump;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark inputs: the same seed gives the same text, and the text parses into one trace per task or report. */
class DumpGeneratorTest {

    private static String crash(long seed, int bytes, int[] count) throws IOException {
        StringWriter w = new StringWriter();
        count[0] = new DumpGenerator(seed).writeCrashForeach(w, bytes);
        return w.toString();
    }

    private static String console(long seed, int bytes, int[] count) throws IOException {
        StringWriter w = new StringWriter();
        count[0] = new DumpGenerator(seed).writeConsoleLog(w, bytes);
        return w.toString();
    }

    @Test
    void sameSeedSameText() throws IOException {
        int[] n = new int[1];
        assertThat(crash(7, 200_000, n)).isEqualTo(crash(7, 200_000, n));
        assertThat(console(7, 200_000, n)).isEqualTo(console(7, 200_000, n));
        assertThat(crash(7, 200_000, n)).isNotEqualTo(crash(8, 200_000, n));
    }

    @Test
    void foreachBtParsesIntoOneTracePerTask() throws IOException {
        int[] tasks = new int[1];
        String text = crash(42, 300_000, tasks);
        assertThat(text.length()).isGreaterThanOrEqualTo(300_000);
        long headers = text.lines().filter(l -> l.startsWith("PID: ")).count();
        assertThat(headers).isEqualTo(tasks[0]);

        Dump d = new DumpParser().parse("gen", text);
        assertThat(d.traces()).hasSize(tasks[0]);
        // every task has a stack; the generator's tasks are numbered from 1 in order
        assertThat(d.traces()).allSatisfy(t -> assertThat(t.frames()).isNotEmpty());
        Trace last = d.traces().get(d.traces().size() - 1);
        assertThat(last.task()).isNotNull();
        assertThat(last.task().pid()).isEqualTo((long) tasks[0]);
    }

    @Test
    void consoleLogParsesIntoOneTracePerReport() throws IOException {
        int[] reports = new int[1];
        String text = console(42, 300_000, reports);
        Dump d = new DumpParser().parse("gen", text);
        assertThat(d.traces()).hasSize(reports[0]);
        assertThat(d.traces()).allSatisfy(t -> assertThat(t.frames()).isNotEmpty());
    }
}
