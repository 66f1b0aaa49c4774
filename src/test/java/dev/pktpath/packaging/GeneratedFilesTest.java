package dev.pktpath.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The completions and the man page are generated from the live picocli model; this test regenerates
 * them and fails when the checked-in copies differ, so they never drift from the commands. After
 * adding or changing a command or option, refresh them with
 * {@code mvn -B -q test -Dtest=GeneratedFilesTest -Dpackaging.refresh=true} and review the diff.
 */
class GeneratedFilesTest {
    @Test
    void checkedInCompletionsAndManPageMatchTheCommandModel() throws IOException {
        boolean refresh = Boolean.getBoolean("packaging.refresh");
        List<String> stale = new ArrayList<>();
        for (Map.Entry<Path, String> e : GeneratedFiles.render().entrySet()) {
            Path file = e.getKey();
            String now = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            if (e.getValue().equals(now)) {
                continue;
            }
            if (refresh) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                System.out.println("refreshed " + file);
            } else {
                stale.add(file + (now == null ? " (missing)" : " (first difference at line "
                        + firstDifference(now, e.getValue()) + ")"));
            }
        }
        if (!stale.isEmpty()) {
            fail("generated files are out of date with the command model: " + String.join(", ", stale)
                    + "\nRefresh them with:  " + Generated.REFRESH + "\nand review the diff.");
        }
    }

    @Test
    void generationIsDeterministic() throws IOException {
        assertThat(GeneratedFiles.render()).isEqualTo(GeneratedFiles.render());
    }

    private static int firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return Math.min(x.length, y.length) + 1;
    }
}
