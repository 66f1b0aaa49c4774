package dev.pktpath.parse.crashbt;

import dev.pktpath.model.Dump;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;
import dev.pktpath.parse.DumpParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every file of {@code ../shared/corpus/} (crash-bt, syzkaller, satyr, recursively; read in place) goes
 * through the parser without an exception and within a second, and the result keeps the model's
 * invariants: frame indexes are positions, exception frames point at a frame of their trace or -1,
 * trace ids count from 1, every diagnostic names a line of the input. Crash captures are read as crash
 * output and console logs never are.
 */
class CorpusParsesTest {
    static Stream<Path> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("../shared/corpus"))) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void parsesWithoutExceptionAndKeepsInvariants(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        int lines = DumpParser.splitLines(text).size();
        Dump dump = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> new DumpParser().parse(file.getFileName().toString(), text));
        assertThat(dump).isNotNull();
        for (int t = 0; t < dump.traces().size(); t++) {
            Trace trace = dump.traces().get(t);
            assertThat(trace.id()).isEqualTo(t + 1);
            for (int i = 0; i < trace.frames().size(); i++) {
                Frame f = trace.frames().get(i);
                assertThat(f.index()).isEqualTo(i);
                assertThat(f.function()).isNotBlank();
                assertThat(f.line()).isBetween(1, lines);
            }
            for (ExceptionFrame e : trace.exceptions()) {
                assertThat(e.afterFrame()).isBetween(-1, trace.frames().size() - 1);
                assertThat(e.kind()).isNotBlank();
            }
            trace.diagnostics().forEach(d -> assertThat(d.line()).isBetween(1, lines));
        }
        dump.diagnostics().forEach(d -> assertThat(d.line()).isBetween(1, lines));
        String folder = file.getParent().getFileName().toString();
        if (folder.equals("crash-bt") && file.toString().endsWith(".txt")) {
            // every capture of crash's bt is read as crash output, whatever else it holds
            assertThat(dump.traces()).isNotEmpty().allMatch(t -> t.format() == TraceFormat.CRASH_BT);
        } else {
            // crash detection never takes a console log for crash output
            assertThat(dump.traces()).noneMatch(t -> t.format() == TraceFormat.CRASH_BT);
        }
    }
}
