package dev.pktpath.repl;

import dev.pktpath.testing.InProcessCli;
import dev.pktpath.testing.InProcessCli.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pktpath-tui repl} through the real command line, in process, with stdin redirected (not a terminal). */
class ReplCliTest {
    private static final String SEED = "../shared/samples/seed-packet-path.txt";
    private final InputStream realStdin = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(realStdin);
    }

    static Result run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return InProcessCli.run(args);
    }

    @Test
    void commandsOnStdinRunWithoutPromptsOrEcho() {
        Result r = run("""
                title
                frame 9
                regs
                """, "repl", SEED);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).doesNotContain(Repl.PROMPT).doesNotContain("\u001b").doesNotContain("frame 9\n")
                .doesNotContain("d1: ");
        assertThat(r.out()).contains("#9 dev_hard_start_xmit").contains("address    ffffffff81421d2e")
                .contains("exception RIP: skb_clone").contains("RAX: 000000000000f4cc");
    }

    @Test
    void aFailingCommandMakesTheExitStatusOne() {
        Result r = run("trace 3\nframe 1\n", "repl", SEED);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("pktpath-tui: stdin:1: no trace 3 in d1 (it has 1)");
        assertThat(r.out()).contains("#1 crash_kexec");
    }

    @Test
    void scriptFromAFile(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("cmds.txt"), "# the first frame after #0 whose name has skb in it\nsearch skb\nfilter\nunfilter\n");
        Result r = run("", "repl", "--script", script.toString(), SEED);
        assertThat(r.status()).as(r.err()).isZero();
        // the answers and nothing else: no prompt, no echo of the commands, no comment
        assertThat(r.out()).startsWith("#17 tcp_transmit_skb\n  address    ffffffff814751de\n")
                .contains("  input      line 26: #17 [ffff8800282037c8] tcp_transmit_skb at ffffffff814751de\n")
                .endsWith("\nfilter: none\nfilter: none\n")
                .doesNotContain("search").doesNotContain("the first frame");
    }

    @Test
    void aDumpThatCannotBeReadIsOneLineAndStatusOne() {
        Result r = run("dumps\n", "repl", "/nonexistent/dump.txt");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("pktpath-tui: /nonexistent/dump.txt: no such file");
        assertThat(r.out()).isEqualTo("no dump loaded\n");
    }

    @Test
    void missingScriptFile() {
        Result r = run("", "repl", "--script", "/nonexistent/cmds.txt");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("pktpath-tui: /nonexistent/cmds.txt: no such file");
    }

    @Test
    void stdinCannotBeBothScriptAndDump() {
        Result r = run("bt\n", "repl", "-");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("stdin holds the commands");
    }

    @Test
    void aDumpOnStdinWithTheScriptInAFile(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("cmds.txt"), "dumps\n");
        Result r = run(Files.readString(Path.of(SEED)), "repl", "--script", script.toString(), "-");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("* d1  -  1 trace\n");
    }

    @Test
    void helpNamesTheOptions() {
        Result r = run("", "repl", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("--script=FILE").contains("--no-history").contains("XDG_STATE_HOME");
    }
}
