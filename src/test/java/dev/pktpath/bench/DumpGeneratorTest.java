package dev.pktpath.bench;

import dev.pktpath.model.Arch;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    void foreachBtHasEveryLineVariantAndVariedStacks() throws IOException {
        int[] tasks = new int[1];
        String text = crash(42, 600_000, tasks);
        Dump d = new DumpParser().parse("gen", text);
        List<Trace> traces = d.traces();
        // every frame line the generator wrote is a frame of the parse (wrapped module tails included)
        long frameLines = text.lines().filter(l -> l.strip().matches("#\\d+ \\[[0-9a-f]+\\] .*")).count();
        assertThat(traces.stream().mapToLong(t -> t.frames().size()).sum()).isEqualTo(frameLines);
        assertThat(traces).extracting(Trace::arch).contains(Arch.X86_64, Arch.ARM64, Arch.PPC64);
        List<Frame> frames = traces.stream().flatMap(t -> t.frames().stream()).toList();
        assertThat(frames).anySatisfy(f -> assertThat(f.source()).isNotNull());          // bt -l
        assertThat(frames).anySatisfy(f -> assertThat(f.stackData()).isNotEmpty());      // bt -f
        assertThat(frames).anySatisfy(f -> assertThat(f.module()).isNotNull());
        assertThat(frames).anySatisfy(f -> assertThat(f.reliable()).isFalse());          // ppc64 (unreliable)
        assertThat(traces).anySatisfy(t -> {
            assertThat(t.arch()).isEqualTo(Arch.X86_64);
            assertThat(t.exceptions()).isNotEmpty();
        });
        assertThat(traces).anySatisfy(t -> {
            assertThat(t.arch()).isEqualTo(Arch.ARM64);
            assertThat(t.exceptions()).isNotEmpty();
        });
        assertThat(text).contains("\r\n", "--- <IRQ stack> ---", "\t #", "\n #");
        Set<List<String>> stacks = new HashSet<>();
        for (Trace t : traces) {
            stacks.add(t.frames().stream().map(Frame::function).toList());
        }
        assertThat(stacks).hasSizeGreaterThan(traces.size() / 10);
    }

    @Test
    void exactTaskCount() throws IOException {
        StringWriter w = new StringWriter();
        assertThat(new DumpGenerator(3).writeCrashTasks(w, 250)).isEqualTo(250);
        assertThat(new DumpParser().parse("gen", w.toString()).traces()).hasSize(250);
    }

    @Test
    void consoleLogParsesIntoOneTracePerReport() throws IOException {
        int[] reports = new int[1];
        String text = console(42, 300_000, reports);
        Dump d = new DumpParser().parse("gen", text);
        assertThat(d.traces()).hasSize(reports[0]);
        assertThat(d.traces()).allSatisfy(t -> assertThat(t.frames()).isNotEmpty());
        assertThat(d.traces()).extracting(Trace::arch).contains(Arch.X86_64, Arch.ARM64);
        assertThat(d.traces()).anySatisfy(t -> assertThat(t.frames()).anySatisfy(f -> assertThat(f.reliable()).isFalse()));
        // console prefixes: timestamps, printk level, caller id, syslog, dmesg -T
        assertThat(text).contains("] BUG: ", "<4>[", "][ T", " host kernel: ", "[Thu Nov 26 ");
    }
}
