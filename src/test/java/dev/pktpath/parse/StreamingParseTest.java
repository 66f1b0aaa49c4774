package dev.pktpath.parse;

import dev.pktpath.bench.DumpGenerator;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Trace;
import dev.pktpath.testing.CorpusFiles;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming, block-parallel parse gives what a whole-file parse gives: on every corpus file, on
 * generated dumps and console logs of a few megabytes, and whatever the block size (blocks are cut where
 * a trace starts, and what crosses a cut, the PANIC string, the dump's architecture, a console report's
 * printer, line numbers and ids, must come out the same).
 */
class StreamingParseTest {
    private static final Path CORPUS = Path.of("../shared/corpus");
    private static String crashMix;
    private static String consoleMix;
    private static String generatedCrash;
    private static String generatedConsole;

    static Stream<Path> corpus() {
        return CorpusFiles.stream();
    }

    @BeforeAll
    static void inputs() throws IOException, ParseException {
        // every crash-bt file one after the other: traces of many architectures, PANIC lines, register
        // blocks, prompts; and every syzkaller and satyr report one after the other (caller ids, glued lines)
        StringBuilder crash = new StringBuilder();
        StringBuilder console = new StringBuilder();
        for (Path p : corpus().toList()) {
            String text = InputReader.read(p.toString(), null, true);
            (p.toString().contains("crash-bt") ? crash : console).append(text).append('\n');
        }
        crashMix = crash.toString();
        consoleMix = console.toString();
        StringWriter w = new StringWriter();
        new DumpGenerator(7).writeCrashForeach(w, 3_000_000);
        generatedCrash = w.toString();
        w = new StringWriter();
        new DumpGenerator(7).writeConsoleLog(w, 3_000_000);
        generatedConsole = w.toString();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void streamGivesWhatParseGivesOnEveryCorpusFile(Path p) throws ParseException {
        String text = InputReader.read(p.toString(), null, true);
        Dump whole = new DumpParser().parse(p.toString(), text);
        assertSame(streamed(new DumpParser(), text), whole);
        assertSame(new DumpParser(97, 2).parse("x", text), whole);
    }

    @Test
    void generatedDumpsGiveTheSameTracesInBlocksAsInOne() throws ParseException {
        for (String text : List.of(generatedCrash, generatedConsole)) {
            Dump one = new DumpParser(Integer.MAX_VALUE / 4, 1).parse("one", text);
            assertThat(one.traces()).hasSizeGreaterThan(1000);
            assertSame(new DumpParser().parse("x", text), one);
            assertSame(new DumpParser(64 * 1024, 2).parse("x", text), one);
            assertSame(streamed(new DumpParser(100_000, 2), text), one);
        }
    }

    @Test
    void anOpenFileStreamsAsItsTextParses(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.txt");
        Files.writeString(f, generatedCrash);
        Dump whole = new DumpParser().parse(f.toString(), generatedCrash);
        List<Trace> got = new ArrayList<>();
        List<long[]> progress = new ArrayList<>();
        List<Diagnostic> outside;
        try (TextInput in = InputReader.open(f.toString(), null, false)) {
            outside = new DumpParser(200_000, 2).stream(f.toString(), in, got::add, (d, t) -> progress.add(new long[] {d, t}));
        }
        assertSame(new Dump("x", got, outside), whole);
        assertThat(progress).hasSizeGreaterThan(2);
        assertThat(progress.get(progress.size() - 1)).containsExactly(Files.size(f), Files.size(f));
    }

    @Test
    void anInterruptStopsTheStreamWithoutAnError() throws ParseException {
        List<Trace> got = new ArrayList<>();
        try {
            new DumpParser(50_000, 2).stream("x", TextInput.of("x", generatedCrash), t -> {
                got.add(t);
                if (got.size() == 10) {
                    Thread.currentThread().interrupt();
                }
            }, ParseListener.NONE);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(got).hasSize(10);
        assertThat(got.get(9).id()).isEqualTo(10);
    }

    @Property(tries = 25)
    void crashOutputInBlocksOfAnySizeParsesAsAWhole(@ForAll @IntRange(min = 1, max = 40_000) int blockSize,
                                                    @ForAll @IntRange(min = 1, max = 3) int threads) {
        Dump whole = new DumpParser().parse("mix", crashMix);
        assertSame(new DumpParser(blockSize, threads).parse("mix", crashMix), whole);
    }

    @Property(tries = 25)
    void consoleLogsInBlocksOfAnySizeParseAsAWhole(@ForAll @IntRange(min = 1, max = 40_000) int blockSize,
                                                   @ForAll @IntRange(min = 1, max = 3) int threads) {
        Dump whole = new DumpParser().parse("mix", consoleMix);
        assertSame(new DumpParser(blockSize, threads).parse("mix", consoleMix), whole);
    }

    @Property(tries = 10)
    void generatedConsoleLogsInBlocksOfAnySizeParseAsAWhole(@ForAll @IntRange(min = 1000, max = 300_000) int blockSize) {
        Dump whole = new DumpParser().parse("gen", generatedConsole);
        assertSame(new DumpParser(blockSize, 2).parse("gen", generatedConsole), whole);
    }

    private static Dump streamed(DumpParser parser, String text) throws ParseException {
        List<Trace> got = new ArrayList<>();
        List<Diagnostic> outside = parser.stream("x", TextInput.of("x", text), got::add, ParseListener.NONE);
        return new Dump("x", got, outside);
    }

    private static void assertSame(Dump actual, Dump expected) {
        assertThat(actual.traces()).hasSameSizeAs(expected.traces());
        for (int i = 0; i < expected.traces().size(); i++) {
            assertThat(actual.traces().get(i)).as("trace %d", i + 1).isEqualTo(expected.traces().get(i));
        }
        assertThat(actual.diagnostics()).isEqualTo(expected.diagnostics());
    }
}
