package dev.pktpath.robust;

import dev.pktpath.testing.CorpusFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared corpus, read in place (never copied into the project): every report file of the three folders. */
final class Corpus {
    static final Path ROOT = CorpusFiles.ROOT;
    static final List<Path> FILES = list();

    private Corpus() {
    }

    private static List<Path> list() {
        List<Path> out = new ArrayList<>(CorpusFiles.reports());
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
