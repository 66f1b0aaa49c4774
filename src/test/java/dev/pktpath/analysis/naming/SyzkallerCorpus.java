package dev.pktpath.analysis.naming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One report of syzkaller's test corpus ({@code ../shared/corpus/syzkaller/}), read in place:
 * a header ({@code TITLE:}, {@code CORRUPTED: Y}, ...), a blank line, then the console log.
 * The console part ends at a {@code REPORT:} line: what follows it is syzkaller's own extraction of
 * the report (prefixes stripped, lines picked), not console input, so it is not fed to the parser.
 */
public record SyzkallerCorpus(Path file, String title, boolean corrupted, String console) {
    public static final Path DIR = Path.of("../shared/corpus/syzkaller");

    public static List<SyzkallerCorpus> all() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(Files::isRegularFile).sorted().map(SyzkallerCorpus::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SyzkallerCorpus read(Path p) {
        String text;
        try {
            text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = text.lines().toList();
        String title = null;
        boolean corrupted = false;
        int i = 0;
        for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            String l = lines.get(i);
            if (l.startsWith("TITLE: ")) {
                title = l.substring(7);
            } else if (l.equals("CORRUPTED: Y")) {
                corrupted = true;
            }
        }
        List<String> console = new ArrayList<>();
        for (i++; i < lines.size() && !lines.get(i).equals("REPORT:"); i++) {
            console.add(lines.get(i));
        }
        return new SyzkallerCorpus(p, title, corrupted, String.join("\n", console) + "\n");
    }

    /** The function after the last " in " of the title, or null. */
    public String expectedGuilty() {
        if (title == null) {
            return null;
        }
        int k = title.lastIndexOf(" in ");
        return k < 0 ? null : title.substring(k + 4).strip();
    }

    public String name() {
        return file.getFileName().toString();
    }
}
