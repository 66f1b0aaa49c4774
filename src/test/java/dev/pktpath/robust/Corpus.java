package dev.pktpath.robust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The shared corpus, read in place (never copied into the project): every report file of the three folders. */
final class Corpus {
    static final Path ROOT = Path.of("../shared/corpus");
    static final List<Path> FILES = list();

    private Corpus() {
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
                throw new UncheckedIOException(e);
            }
        }
        out.add(Cli.SEED);
        return out;
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
