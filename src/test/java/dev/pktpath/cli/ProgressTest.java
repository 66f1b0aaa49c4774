package dev.pktpath.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The progress line on stderr: drawn only when stderr is a terminal, erased before the command ends.
 * The input comes through a pipe that pauses for longer than the progress delay, so reading surely
 * takes "more than a moment" without a big file.
 */
class ProgressTest {
    private static final Path SEED = Path.of("src/main/resources/dev/pktpath/seed-packet-path.txt");

    @Test
    void lineNamesTheInputHowFarAndHowManyTraces() {
        assertThat(Progress.line("big.txt", 84L << 20, 200L << 20, 80123)).isEqualTo("reading big.txt  42%  84 MB of 200 MB  80123 traces");
        assertThat(Progress.line("-", 3L << 19, -1, 1)).isEqualTo("reading -  1.5 MB  1 trace");
    }

    @Test
    void terminalDevicesAreTheTtysAndPseudoTerminals() {
        assertThat(Tty.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Tty.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Tty.isTerminalDevice("/dev/null")).isFalse();
        assertThat(Tty.isTerminalDevice("pipe:[12345]")).isFalse();
        assertThat(Tty.isTerminalDevice("/tmp/out.txt")).isFalse();
    }

    /** {@code (cat seed; sleep 1.5; cat seed) | pktpath-tui print -}: the output, and stderr as given. */
    private static String slowPipeline(Path out) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "(cat '" + SEED + "'; sleep 1.5; cat '" + SEED + "') | '" + java + "' -XX:TieredStopAtLevel=1 -cp '"
                + System.getProperty("java.class.path") + "' dev.pktpath.cli.Main print - > '" + out + "'";
    }

    private static String[] runShell(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t = new Thread(() -> copy(p.getErrorStream(), err));
        t.start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        t.join();
        return new String[]{String.valueOf(p.exitValue()), new String(stdout, StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process is gone
        }
    }

    @Test
    void noProgressWhenStderrIsNotATerminal(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        String[] r = runShell(List.of("sh", "-c", slowPipeline(out)));
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[2]).as("stderr").isEmpty();
        assertThat(Files.readString(out)).startsWith("trace 1/1  ").doesNotContain("reading");
    }

    @Test
    void progressOnATerminalIsErasedAndNeverInTheOutput(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives a pseudo-terminal");
        Path out = dir.resolve("out.txt");
        // the transcript of the pseudo-terminal is what reached stderr (stdout goes to the file)
        String[] r = runShell(List.of("/usr/bin/script", "-qefc", "sh -c \"" + slowPipeline(out).replace("\"", "\\\"") + "\"", "/dev/null"));
        assumeTrue(r[0].equals("0"), "script could not run here: " + r[2]);
        String tty = r[1];
        assertThat(tty).contains("\rreading -  ");
        // every drawing is followed, at the end, by an erasure: nothing of the line stays on the screen
        String last = tty.substring(tty.lastIndexOf("reading"));
        assertThat(last).matches("(?s)reading -  [^\r]*\r *\r");
        assertThat(Files.readString(out)).startsWith("trace 1/1  ").doesNotContain("reading");
    }
}
