package dev.pktpath.testing;

import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import dev.pktpath.parse.ParseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus's report files, read in place (never copied into the project): every file of
 * {@code crash-bt/}, {@code syzkaller/} and {@code satyr/} but the notes on their origin, in name
 * order. Fails rather than giving an empty list, so a test over the corpus cannot pass vacuously.
 */
public final class CorpusFiles {
    public static final Path ROOT = Path.of("../shared/corpus");
    private static final List<Path> REPORTS = list();

    private CorpusFiles() {
    }

    public static List<Path> reports() {
        return REPORTS;
    }

    /** The same, for {@code @MethodSource}. */
    public static Stream<Path> stream() {
        return REPORTS.stream();
    }

    /** The traces of one corpus file, read and parsed as the command line does. */
    public static List<Trace> traces(Path file) throws ParseException {
        return new DumpParser().parse(file.toString(), InputReader.read(file.toString(), null)).traces();
    }

    private static List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("crash-bt", "syzkaller", "satyr")) {
            try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
                s.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().matches(".*\\.(src|md|tsv)$"))
                        .sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("the corpus is not at " + ROOT.toAbsolutePath(), e);
            }
        }
        if (out.size() < 100) {
            throw new IllegalStateException("only " + out.size() + " corpus files under " + ROOT.toAbsolutePath());
        }
        return List.copyOf(out);
    }
}
