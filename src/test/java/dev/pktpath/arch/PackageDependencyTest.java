package dev.pktpath.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the architecture's line: dependencies point one way (model <- parse/analysis <- diff <- render
 * <- session <- tui/repl <- cli), and nothing below the front ends imports Lanterna, JLine or picocli.
 * Reads the sources' import lines, so it needs no library and sees exactly what a reviewer sees.
 */
class PackageDependencyTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/pktpath");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    /** For each package, the project packages it may use (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "model", Set.of(),
            "parse", Set.of("model"),
            "analysis", Set.of("model"),
            "diff", Set.of("model", "analysis"),
            "render", Set.of("model", "analysis", "diff"),
            "session", Set.of("model", "parse", "analysis", "diff", "render"),
            "tui", Set.of("model", "parse", "analysis", "diff", "render", "session"),
            "repl", Set.of("model", "parse", "analysis", "diff", "render", "session"),
            "bench", Set.of("model", "parse", "analysis", "diff", "render", "session", "tui"),
            "cli", Set.of("model", "parse", "analysis", "diff", "render", "session", "tui", "repl", "bench"));

    private static final Map<String, String> FRONT_END_LIBRARIES = Map.of(
            "com.googlecode.lanterna", "tui", "org.jline", "repl", "picocli", "cli");

    @Test
    void dependenciesPointOneWay() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(f).getName(0).toString();
                assertThat(ALLOWED).as("package %s is not in the architecture table", pkg).containsKey(pkg);
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String imported = m.group(1);
                    if (imported.startsWith("dev.pktpath.")) {
                        String target = imported.substring("dev.pktpath.".length()).split("\\.")[0];
                        if (!target.equals(pkg) && !ALLOWED.get(pkg).contains(target)) {
                            violations.add(f + " imports " + imported);
                        }
                    }
                    FRONT_END_LIBRARIES.forEach((lib, home) -> {
                        boolean frontEnd = pkg.equals(home) || pkg.equals("cli") || pkg.equals("bench");
                        if (imported.startsWith(lib) && !frontEnd) {
                            violations.add(f + " imports " + imported + " (only " + home + " and cli may)");
                        }
                    });
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
