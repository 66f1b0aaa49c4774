package dev.pktpath.tui;

import com.googlecode.lanterna.input.KeyType;
import dev.pktpath.analysis.Analyzer;
import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import dev.pktpath.session.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corpus inputs (read in place) opened in the explorer and walked with the keys a user tries first,
 * alternately at the smallest supported size and at a large one: the screen always has its title
 * and status line, and nothing throws. Every crash-bt and satyr input; one syzkaller report in
 * eight, to keep the build quick (the syzkaller parser has its own tests over all of them).
 */
class CorpusScreensTest {
    static Stream<Path> inputs() throws IOException {
        Path root = Path.of("../shared/corpus");
        try (Stream<Path> files = Files.walk(root)) {
            java.util.List<Path> all = files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".src") && !p.toString().endsWith(".md") && !p.toString().endsWith(".tsv"))
                    .sorted().toList();
            java.util.List<Path> chosen = new java.util.ArrayList<>();
            int syz = 0;
            for (Path p : all) {
                if (!p.toString().contains("/syzkaller/") || syz++ % 8 == 0) {
                    chosen.add(p);
                }
            }
            return chosen.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void everyInputDrawsAndSurvivesTheKeys(Path input) throws Exception {
        Dump dump;
        try {
            dump = new DumpParser().parse(input.getFileName().toString(), InputReader.read(input.toString(), System.in));
        } catch (dev.pktpath.parse.ParseException e) {
            return; // refused as input with a one-line reason: the CLI's business, not the screen's
        }
        if (dump.traces().isEmpty()) {
            return;
        }
        Session s = new Session(Analyzer.builtIn());
        s.add(dump);
        int[] size = Math.floorMod(input.hashCode(), 2) == 0 ? new int[]{60, 16} : new int[]{132, 43};
        VirtualScreen v = new VirtualScreen(s, size[0], size[1]);
        for (String keys : new String[]{"jG", "JK", "][", "\tj\tj", "\tG\t", "\n", "? q", "/.\nnN", "fnet\nF", ":regs\n"}) {
            v.type(keys);
            assertThat(v.status()).as(input + " after " + keys + ":\n" + v.text()).contains("? help");
        }
        v.press(KeyType.Escape).press(KeyType.End).resize(size[0] + 1, size[1] + 1);
        assertThat(v.title()).as(v.text()).isNotBlank();
        assertThat(v.status()).contains("? help");
        assertThat(v.explorer.isDone()).isFalse();
    }
}
