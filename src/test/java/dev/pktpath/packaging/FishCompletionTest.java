package dev.pktpath.packaging;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sources the fish completions in fish and asks fish itself ({@code complete -C}) what it would offer. */
class FishCompletionTest {
    static final Path LIVE = Path.of("completions/pktpath-tui.fish").toAbsolutePath();

    @TempDir
    Path dir;
    Path fake;

    @BeforeEach
    void setUp() throws IOException {
        Processes.assumeInstalled("fish");
        fake = dir.resolve("fakepkt.fish");
        Files.writeString(fake, FishCompletion.write(FakeCli.model()));
        Files.createFile(dir.resolve("dump-a.txt"));
        Files.createFile(dir.resolve("dump-b.txt"));
    }

    /** The candidates fish offers for {@code line}, without their descriptions, sorted. */
    List<String> complete(Path script, String line) throws Exception {
        Processes.Result r = Processes.run(dir, Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.toString()),
                List.of("fish", "--no-config", "-c", "source $argv[1]; and complete -C $argv[2]", script.toString(), line));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return r.out().lines().map(l -> l.split("\t")[0]).sorted().toList();
    }

    @Test
    void liveScriptCompletesSubcommandsAndFiles() throws Exception {
        assertThat(complete(LIVE, "pktpath-tui pr")).containsExactly("print");
        assertThat(complete(LIVE, "pktpath-tui ")).contains("print", "journey", "diff", "cluster", "repl",
                "subsystems", "dump-a.txt");
        assertThat(complete(LIVE, "pktpath-tui print du")).containsExactly("dump-a.txt", "dump-b.txt");
    }

    @Test
    void liveScriptCompletesColourValuesAndOptions() throws Exception {
        assertThat(complete(LIVE, "pktpath-tui --color=")).containsExactly("--color=always", "--color=auto", "--color=never");
        assertThat(complete(LIVE, "pktpath-tui print --color n")).containsExactly("never");
        assertThat(complete(LIVE, "pktpath-tui print --js")).containsExactly("--json");
        // --trace takes a number: no file names
        assertThat(complete(LIVE, "pktpath-tui print --trace ")).isEmpty();
        assertThat(complete(LIVE, "pktpath-tui print --subsystem net-tc")).containsExactly("net-tcp");
        // print's own options are not offered before the subcommand
        assertThat(complete(LIVE, "pktpath-tui --js")).isEmpty();
    }

    @Test
    void completesSubsystemAndStageNames() throws Exception {
        assertThat(complete(fake, "fakepkt print --subsystem net-tc")).containsExactly("net-tcp");
        assertThat(complete(fake, "fakepkt print -s ")).contains("net", "net-ipv4", "mm", "unknown");
        assertThat(complete(fake, "fakepkt print --stage=driver")).containsExactly("--stage=driver-rx", "--stage=driver-tx");
    }

    @Test
    void bothPositionalsOfDiffCompleteFiles() throws Exception {
        assertThat(complete(fake, "fakepkt diff dump-a.txt dump-b")).containsExactly("dump-b.txt");
        assertThat(complete(fake, "fakepkt --rules dump-")).containsExactly("dump-a.txt", "dump-b.txt");
    }
}
