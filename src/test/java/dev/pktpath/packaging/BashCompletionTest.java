package dev.pktpath.packaging;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the bash script in bash, fills COMP_WORDS and COMP_CWORD the way bash does when the user
 * presses Tab (with '=' as a word break), calls the completion function and reads COMPREPLY.
 */
class BashCompletionTest {
    static final Path LIVE = Path.of("completions/pktpath-tui.bash").toAbsolutePath();

    @TempDir
    Path dir;
    Path fake;

    @BeforeEach
    void setUp() throws IOException {
        Processes.assumeInstalled("bash");
        fake = dir.resolve("fakepkt.bash");
        Files.writeString(fake, BashCompletion.write(FakeCli.model()));
        Files.createFile(dir.resolve("dump-a.txt"));
        Files.createFile(dir.resolve("dump-b.txt"));
        Files.createDirectory(dir.resolve("dumps"));
    }

    /** The words of the command line; the last one is the word being completed. */
    List<String> complete(Path script, String function, String... words) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c",
                "source \"$1\" || exit 9; fn=$2; shift 2; COMP_WORDS=(\"$@\"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                        + " COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; \"$fn\"; printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash", script.toString(), function));
        cmd.addAll(Arrays.asList(words));
        Processes.Result r = Processes.run(dir, Map.of(), cmd);
        assertThat(r.status()).as(r.err()).isZero();
        return r.out().lines().filter(l -> !l.isEmpty()).sorted().toList();
    }

    @Test
    void liveScriptRegistersForTheCommandAndCompletesSubcommands() throws Exception {
        Processes.Result r = Processes.run(dir, Map.of(), List.of("bash", "--norc", "--noprofile", "-c",
                "source \"$1\" && complete -p pktpath-tui", "bash", LIVE.toString()));
        assertThat(r.out().strip()).isEqualTo("complete -F _pktpath_tui pktpath-tui");
        assertThat(complete(LIVE, "_pktpath_tui", "pktpath-tui", "pr")).containsExactly("print");
        assertThat(complete(LIVE, "_pktpath_tui", "pktpath-tui", "")).contains("print", "journey", "diff",
                "cluster", "repl", "subsystems", "dump-a.txt", "dumps");
    }

    @Test
    void liveScriptCompletesColourValuesInEveryForm() throws Exception {
        // bash splits --color=al into "--color" "=" "al"
        assertThat(complete(LIVE, "_pktpath_tui", "pktpath-tui", "--color", "=", "")).containsExactly("always", "auto", "never");
        assertThat(complete(LIVE, "_pktpath_tui", "pktpath-tui", "print", "--color", "=", "n")).containsExactly("never");
        assertThat(complete(LIVE, "_pktpath_tui", "pktpath-tui", "print", "--color", "a")).containsExactly("always", "auto");
        // when '=' is not a word break the value arrives glued to the option
        assertThat(complete(LIVE, "_pktpath_tui", "pktpath-tui", "--color=al")).containsExactly("--color=always");
    }

    @Test
    void liveScriptCompletesPrintOptionsAndFiles() throws Exception {
        assertThat(complete(LIVE, "_pktpath_tui", "pktpath-tui", "print", "--js")).containsExactly("--json");
        assertThat(complete(LIVE, "_pktpath_tui", "pktpath-tui", "print", "du")).containsExactly("dump-a.txt", "dump-b.txt", "dumps");
        assertThat(complete(LIVE, "_pktpath_tui", "pktpath-tui", "--rules", "dump-")).containsExactly("dump-a.txt", "dump-b.txt");
        // --trace takes a number: nothing to offer, and certainly not file names
        assertThat(complete(LIVE, "_pktpath_tui", "pktpath-tui", "print", "--trace", "")).isEmpty();
        assertThat(complete(LIVE, "_pktpath_tui", "pktpath-tui", "print", "--subsystem", "net-tc")).containsExactly("net-tcp");
        assertThat(complete(LIVE, "_pktpath_tui", "pktpath-tui", "--color", "never", "print", "--subsystem", "")).contains("net", "net-ipv4", "mm", "unknown");
    }

    @Test
    void completesSubsystemAndStageNames() throws Exception {
        assertThat(complete(fake, "_fakepkt", "fakepkt", "print", "--subsystem", "net-tc")).containsExactly("net-tcp");
        assertThat(complete(fake, "_fakepkt", "fakepkt", "print", "-s", "ne")).contains("net", "net-driver", "net-udp", "netfilter")
                .doesNotContain("mm");
        assertThat(complete(fake, "_fakepkt", "fakepkt", "print", "--stage", "=", "l3")).containsExactly("l3-rx", "l3-tx");
    }

    @Test
    void anOptionValueIsNotTakenForTheSubcommand() throws Exception {
        // "print" here is the value of --rules, so the command is still the root one
        assertThat(complete(fake, "_fakepkt", "fakepkt", "--rules", "print", "pr")).containsExactly("print");
        assertThat(complete(fake, "_fakepkt", "fakepkt", "--rules", "print", "--")).contains("--color", "--rules")
                .doesNotContain("--json");
    }

    @Test
    void bothPositionalsOfDiffCompleteFiles() throws Exception {
        assertThat(complete(fake, "_fakepkt", "fakepkt", "diff", "dump-a.txt", "dump-b")).containsExactly("dump-b.txt");
    }
}
