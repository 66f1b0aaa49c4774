package dev.pktpath.tui;

import dev.pktpath.testing.TmuxShell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * End to end in a real terminal: the shaded jar ({@code target/pktpath-tui.jar}, built in
 * {@code package}, which is why this is an integration test run by failsafe in {@code verify})
 * started in a detached tmux session of fixed size, keys sent with send-keys, the screen read with
 * capture-pane. Every wait polls the pane; nothing sleeps for a fixed time. Each test uses its own
 * tmux server socket, so it never touches the user's sessions. Skipped with a message when tmux is
 * missing (.ci/run installs it).
 */
class TmuxExplorerIT {
    private static final Path JAR = Path.of("target/pktpath-tui.jar").toAbsolutePath();
    private static final String CORPUS = Path.of("../shared/corpus/crash-bt").toAbsolutePath().normalize() + "/";
    /** The JVM running this test, so the shell needs no java on its PATH. */
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    private TmuxShell shell;

    @BeforeAll
    static void needsTmuxAndTheJar() {
        assumeTrue(TmuxShell.available(), "tmux is not installed: skipping the end-to-end explorer tests (.ci/run installs it)");
        assertThat(JAR).as("the shaded jar, built by package before this integration test").exists();
    }

    @BeforeEach
    void startTerminal() throws Exception {
        shell = TmuxShell.start("it", tmp, TIMEOUT);
        shell.type("cd " + Path.of("").toAbsolutePath());
        shell.enter();
    }

    @AfterEach
    void stopTerminal() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void sampleOpensMovesAndQuitsWithTheTerminalRestored() throws Exception {
        explore("--sample");
        String screen = shell.waitFor("the explorer", s -> s.contains("frame 1/34") && s.contains("? help"));
        assertThat(screen).contains("seed-packet-path.txt").contains("Frames (34)").contains("machine_kexec")
                .contains("exception RIP: skb_clone+208").contains("? help");
        shell.keys("j", "j", "j");
        shell.waitFor("frame 4/34", s -> s.contains("frame 4/34"));
        shell.keys("G");
        assertThat(shell.waitFor("last frame", s -> s.contains("frame 34/34"))).contains("bnx2_poll");
        shell.keys("q");
        assertRestored();
    }

    @Test
    void multiTaskDumpShowsTheTasks() throws Exception {
        explore(CORPUS + "062-commit-bt-a-n-idle-x86_64.txt");
        String screen = shell.waitFor("the traces pane", s -> s.contains("Traces (6)") && s.contains("? help"));
        assertThat(screen).contains("trace 6/6").contains("swapper/12").contains("sysrq_handle_crash");
        shell.keys("[");
        assertThat(shell.waitFor("trace 5", s -> s.contains("trace 5/6") && s.contains("? help"))).contains("this trace has no frames");
        shell.keys("]", "q");
        assertRestored();
    }

    @Test
    void diffViewAndBucketsInARealTerminal() throws Exception {
        explore(CORPUS + "062-commit-bt-a-n-idle-x86_64.txt");
        shell.waitFor("the traces pane", s -> s.contains("Traces (6)") && s.contains("? help"));
        shell.type(":diff 3 6");
        shell.enter();
        // poll until the whole view is drawn (a capture can land mid-redraw)
        shell.waitFor("the diff view", s -> s.contains("Diff d1#3 vs d1#6") && s.contains("| #9 do_syscall_64")
                && s.contains("n/N next/prev diff"));
        shell.keys("n");
        shell.waitFor("a jump", s -> s.contains("difference 1/"));
        shell.keys("Escape");
        shell.waitFor("the explorer again", s -> s.contains("Traces (6)") && !s.contains("Diff d1#3"));
        shell.keys("b");
        assertThat(shell.waitFor("buckets", s -> s.contains("Buckets (2 of 6 traces)"))).contains("traces 1-5");
        shell.keys("q");
        assertRestored();
    }

    @Test
    void resizeRedrawsAtOnce() throws Exception {
        explore(CORPUS + "054-commit-foreach-nmi-softirq-x86_64.txt");
        shell.waitFor("the explorer", s -> s.contains("frame 1/15"));
        shell.resize(80, 24);
        String small = shell.waitFor("the stacked layout", s -> s.contains("Registers   Details") && s.contains("? help"));
        assertThat(small.lines().count()).isLessThanOrEqualTo(24);
        assertThat(small.lines().mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(80);
        shell.resize(50, 12);
        shell.waitFor("too small", s -> s.contains("terminal too small"));
        shell.resize(120, 40);
        String big = shell.waitFor("the wide layout", s -> s.contains("Journey") && s.contains("crash_nmi_callback") && s.contains("? help"));
        assertThat(big).contains("crash_nmi_callback");
        shell.keys("q");
        assertRestored();
    }

    @Test
    void colonCommandsRunAndErrorsStayInTheStatusLine() throws Exception {
        explore("--sample");
        shell.waitFor("the explorer", s -> s.contains("frame 1/34") && s.contains("? help"));
        shell.type(":frame 20");
        shell.enter();
        shell.waitFor("frame 21/34", s -> s.contains("frame 21/34"));
        shell.type(":bogus");
        shell.enter();
        assertThat(shell.waitFor("an error", s -> s.contains("error: unknown command: bogus"))).contains("frame 21/34");
        shell.type(":fr");
        shell.keys("Tab");
        shell.waitFor("completion", s -> s.contains(":frame"));
        shell.keys("C-u");
        shell.type("quit");
        shell.enter();
        assertRestored();
    }

    @Test
    void ctrlCQuitsCleanly() throws Exception {
        explore("--sample");
        shell.waitFor("the explorer", s -> s.contains("frame 1/34") && s.contains("? help"));
        shell.keys("C-c");
        assertRestored();
    }

    @Test
    void sigtermRestoresTheTerminal() throws Exception {
        Path pid = tmp.resolve("pid");
        before();
        // exec keeps the PID, so the file names the JVM itself
        shell.type("sh -c 'echo $$ > " + pid + "; exec " + JAVA + " -jar " + JAR + " --sample'; " + after());
        shell.enter();
        shell.waitFor("the explorer", s -> s.contains("frame 1/34") && s.contains("? help"));
        long jvm = Long.parseLong(Files.readString(pid).strip());
        ProcessHandle.of(jvm).orElseThrow().destroy(); // SIGTERM
        assertRestored();
    }

    @Test
    void withoutATerminalItPrints() throws Exception {
        shell.type(JAVA + " -jar " + JAR + " --sample | head -3; TERM=dumb " + JAVA + " -jar " + JAR + " --sample | tail -1");
        shell.enter();
        String s = shell.waitFor("printed output", x -> x.contains("bnx2_poll ") && x.contains("trace 1/1"));
        assertThat(s).doesNotContain("? help");
    }

    @Test
    void aBigDumpShowsItsFirstScreenWhileLoadingAndGReachesTheLastTrace() throws Exception {
        // a generated foreach bt of 20 MB (tens of thousands of tasks): big enough to load for a while
        Path big = tmp.resolve("big.txt");
        dev.pktpath.bench.BenchRunner.generate(big, false, 20L << 20, 42);
        explore(big.toString());
        // polled until whole: the pane can be captured mid-redraw, with the last frame's status line
        String first = shell.waitFor("the first screen", s -> s.contains("Traces (") && s.contains("Frames (") && s.contains("? help")
                && s.matches("(?s).*trace \\d+/\\d+ .*"));
        assertThat(first).contains("big.txt");
        String loaded = shell.waitFor("the whole dump", s -> s.contains("? help") && s.contains("Frames (") && !s.contains("loading"));
        assertThat(loaded).doesNotContain("error:");
        shell.keys("BTab");
        shell.waitFor("the traces pane focused", s -> s.contains("[Traces (") && s.contains("? help"));
        shell.keys("G");
        String last = shell.waitFor("the last trace", s -> s.matches("(?s).*trace (\\d+)/\\1 .*"));
        int n = Integer.parseInt(last.replaceAll("(?s).*trace (\\d+)/\\1 .*", "$1"));
        assertThat(last).contains("Traces (" + n + ")");
        assertThat(n).isGreaterThan(1000);
        shell.keys("q");
        assertRestored();
    }

    @Test
    void aFileWithNoBacktraceIsRefusedWithOneLineAndNoScreen() throws Exception {
        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "just some notes\nno kernel backtrace here\n");
        shell.type(JAVA + " -jar " + JAR + " " + notes + "; echo EXPLORER-EXITED-$?");
        shell.enter();
        // the echo's output, on a line of its own (the command line typed holds the words too)
        String s = shell.waitFor("the refusal", x -> x.contains("\nEXPLORER-EXITED-"));
        assertThat(s.replace("\n", "")).contains("pktpath-tui: " + notes + ": no backtrace found");
        assertThat(s).contains("\nEXPLORER-EXITED-1")
                .doesNotContain("? help");
    }

    // ---- helpers ----

    private void before() throws Exception {
        shell.type("stty -g > " + tmp.resolve("stty.before"));
        shell.enter();
    }

    private String after() {
        return "stty -g > " + tmp.resolve("stty.after") + "; echo EXPLORER-EXITED-$?";
    }

    private void explore(String arg) throws Exception {
        before();
        shell.type(JAVA + " -jar " + JAR + " " + arg + "; " + after());
        shell.enter();
    }

    /** The explorer has gone: the shell prompt is back, the alternate screen left, the tty settings as before. */
    private void assertRestored() throws Exception {
        String screen = shell.waitFor("the shell again", s -> s.contains("EXPLORER-EXITED-") && s.strip().endsWith("it$"));
        assertThat(screen).doesNotContain("? help").doesNotContain("Exception");
        Path before = tmp.resolve("stty.before");
        Path after = tmp.resolve("stty.after");
        shell.waitFor("stty saved", s -> Files.exists(after));
        assertThat(Files.readString(after)).isEqualTo(Files.readString(before));
    }
}
