package dev.pktpath.model;

import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.LineCleaner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over the whole corpus, a frame's raw line (kept, or rebuilt from the fields) is text of the input
 * line it came from: the compact frame never invents a line. And a copy through the record-shaped
 * constructor is equal to the frame (the encoding depends on the components only).
 */
class FrameCorpusTest {

    @Test
    void rawLinesComeFromTheInputAndFramesSurviveACopy() throws IOException {
        int frames = 0;
        int rebuilt = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("../shared/corpus"))) {
            // every dump: crash-bt/*.txt and the console reports without an extension; not notes or sources
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().matches(".*\\.(src|md|tsv)"))
                    .sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            List<String> lines = DumpParser.splitLines(text);
            Dump dump = new DumpParser().parse(file.toString(), text);
            for (Trace t : dump.traces()) {
                for (Frame f : t.frames()) {
                    frames++;
                    if (!f.keepsRawLine() && f.raw() != null) {
                        rebuilt++;
                    }
                    String input = LineCleaner.clean(lines.get(f.line() - 1));
                    // a wrapped tail ("[module]" on the next line) is appended to the frame's line
                    assertThat(input.contains(f.raw()) || f.raw().startsWith(input.strip()))
                            .as("%s:%d %s", file, f.line(), f.raw()).isTrue();
                    Frame copy = new Frame(f.index(), f.level(), f.function(), f.offset(), f.size(), f.address(),
                            f.stackAddress(), f.module(), f.reliable(), f.context(), f.source(), f.inlined(), f.line(),
                            f.raw(), f.stackData());
                    assertThat(copy).isEqualTo(f).hasSameHashCodeAs(f);
                    assertThat(f.withIndex(f.index())).isEqualTo(f);
                }
            }
        }
        assertThat(frames).isGreaterThan(1000);
        // most lines are of the usual shapes: if none were rebuilt, the shapes no longer match the parsers
        assertThat(rebuilt).isGreaterThan(frames / 4);
    }
}
