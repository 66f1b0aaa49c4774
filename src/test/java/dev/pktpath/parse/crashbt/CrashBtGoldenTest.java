package dev.pktpath.parse.crashbt;

import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * Golden tests: every crash {@code bt} capture in {@code ../shared/corpus/crash-bt/} (read in place) and the
 * seed sample, parsed and compared with a hand-checked expected parse in
 * {@code src/test/resources/golden/crash-bt/NAME.json}. Run with {@code -Dgolden.refresh=true} to rewrite the
 * expected files from the parser; then review the diff of every rewritten file against its input by hand.
 */
class CrashBtGoldenTest {
    static final Path CORPUS = Path.of("../shared/corpus/crash-bt");
    static final Path GOLDEN = Path.of("src/test/resources/golden/crash-bt");
    static final String SEED = "seed-packet-path.txt";

    static Stream<String> captures() throws IOException {
        List<String> names = new ArrayList<>();
        names.add(SEED);
        try (Stream<Path> files = Files.list(CORPUS)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().forEach(names::add);
        }
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void parseMatchesGolden(String name) throws Exception {
        String text = name.equals(SEED) ? InputReader.readSample() : InputReader.read(CORPUS.resolve(name).toString(), null);
        Dump dump = new DumpParser().parse(name, text);
        String actual = GoldenJson.of(dump);
        Path expectedFile = GOLDEN.resolve(name.replaceFirst("\\.txt$", "") + ".json");
        if (Boolean.getBoolean("golden.refresh")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(expectedFile)) {
            fail("no golden file " + expectedFile + " (run with -Dgolden.refresh=true, then check it by hand)");
        }
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("parse of " + name + " differs from " + expectedFile + ":\n" + LineDiff.diff(expected, actual));
        }
    }
}
