package dev.pktpath.packaging;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Puts the zsh completion function on $fpath of a real interactive zsh (driven through zsh/zpty by
 * zsh-list-choices.zsh), types a command line, presses Ctrl-D and reads the choices zsh lists.
 */
class ZshCompletionTest {
    private static final Pattern ESCAPE = Pattern.compile("\u001b\\[[?0-9;]*[A-Za-z]");

    @TempDir
    Path dir;
    Path live;
    Path fake;
    Path harness;

    @BeforeEach
    void setUp() throws IOException {
        Processes.assumeInstalled("zsh");
        live = Files.createDirectory(dir.resolve("live"));
        Files.copy(Path.of("completions/_pktpath-tui"), live.resolve("_pktpath-tui"));
        fake = Files.createDirectory(dir.resolve("fake"));
        Files.writeString(fake.resolve("_fakepkt"), ZshCompletion.write(FakeCli.model()));
        harness = dir.resolve("zsh-list-choices.zsh");
        try (InputStream in = getClass().getResourceAsStream("zsh-list-choices.zsh")) {
            Files.copy(in, harness);
        }
        Path work = Files.createDirectory(dir.resolve("work"));
        Files.createFile(work.resolve("dump-a.txt"));
        Files.createFile(work.resolve("dump-b.txt"));
    }

    /** The words zsh lists for {@code typed}: the first word of each described line, every word otherwise. */
    List<String> choices(Path fpath, String typed) throws Exception {
        Processes.Result r = Processes.run(dir.resolve("work"), Map.of("HOME", dir.toString()),
                List.of("zsh", "-f", harness.toString(), fpath.toString(), typed), 150);
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = ESCAPE.matcher(r.out()).replaceAll("").lines().toList();
        List<String> words = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            if (!in) {
                in = line.contains(typed.strip());
                continue;
            }
            if (line.contains("EN''D")) {
                break;
            }
            if (line.startsWith("GROUP:") || line.isBlank()) {
                continue;
            }
            if (line.contains(" # ")) {
                words.add(line.strip().split("\\s+")[0]);
            } else {
                words.addAll(List.of(line.strip().split("\\s+")));
            }
        }
        return words.stream().sorted().toList();
    }

    @Test
    void liveFunctionCompletesSubcommandsAndFilesAtTheStart() throws Exception {
        assertThat(choices(live, "pktpath-tui pr")).containsExactly("print");
        assertThat(choices(live, "pktpath-tui ")).contains("print", "journey", "diff", "cluster", "repl",
                "subsystems", "dump-a.txt", "dump-b.txt");
    }

    @Test
    void liveFunctionCompletesColourValuesAndPrintOptions() throws Exception {
        assertThat(choices(live, "pktpath-tui --color=")).containsExactly("always", "auto", "never");
        assertThat(choices(live, "pktpath-tui print --")).contains("--json", "--trace", "--color", "--rules",
                "--help", "--version");
        assertThat(choices(live, "pktpath-tui print du")).containsExactly("dump-a.txt", "dump-b.txt");
        assertThat(choices(live, "pktpath-tui print --subsystem net-tc")).containsExactly("net-tcp");
    }

    @Test
    void completesSubsystemAndStageNames() throws Exception {
        assertThat(choices(fake, "fakepkt print --subsystem net-tc")).containsExactly("net-tcp");
        assertThat(choices(fake, "fakepkt print --stage l4")).containsExactly("l4-rx", "l4-tx");
    }

    @Test
    void describesOptionsWhoseHelpHasBracketsColonsAndQuotes() throws Exception {
        assertThat(choices(fake, "fakepkt --ru")).containsExactly("--rules");
        assertThat(choices(fake, "fakepkt --rules dump-")).containsExactly("dump-a.txt", "dump-b.txt");
    }
}
