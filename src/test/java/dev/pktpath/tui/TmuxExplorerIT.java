package dev.pktpath.tui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
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
    private String socket;
    private final String target = "it";

    @BeforeAll
    static void needsTmuxAndTheJar() {
        assumeTrue(tmuxAvailable(), "tmux is not installed: skipping the end-to-end explorer tests (.ci/run installs it)");
        assertThat(JAR).as("the shaded jar, built by package before this integration test").exists();
    }

    @BeforeEach
    void startTerminal() throws Exception {
        socket = "pktpath-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        // A plain shell with a known prompt, in a 100x30 terminal.
        tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", target,
                "env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=" + tmp + " HISTFILE=/dev/null TERM=screen-256color LANG=C.UTF-8 PS1='it$ ' bash --norc --noprofile -i");
        tmux("set-option", "-t", target, "status", "off");
        waitFor("the shell prompt", s -> s.contains("it$"));
        type("cd " + Path.of("").toAbsolutePath());
        enter();
    }

    @AfterEach
    void stopTerminal() throws Exception {
        run(List.of("tmux", "-L", socket, "kill-server"));
    }

    @Test
    void sampleOpensMovesAndQuitsWithTheTerminalRestored() throws Exception {
        explore("--sample");
        String screen = waitFor("the explorer", s -> s.contains("frame 1/34") && s.contains("? help"));
        assertThat(screen).contains("seed-packet-path.txt").contains("Frames (34)").contains("machine_kexec")
                .contains("exception RIP: skb_clone+208").contains("? help");
        keys("j", "j", "j");
        waitFor("frame 4/34", s -> s.contains("frame 4/34"));
        keys("G");
        assertThat(waitFor("last frame", s -> s.contains("frame 34/34"))).contains("bnx2_poll");
        keys("q");
        assertRestored();
    }

    @Test
    void multiTaskDumpShowsTheTasks() throws Exception {
        explore(CORPUS + "062-commit-bt-a-n-idle-x86_64.txt");
        String screen = waitFor("the traces pane", s -> s.contains("Traces (6)") && s.contains("? help"));
        assertThat(screen).contains("trace 6/6").contains("swapper/12").contains("sysrq_handle_crash");
        keys("[");
        assertThat(waitFor("trace 5", s -> s.contains("trace 5/6") && s.contains("? help"))).contains("this trace has no frames");
        keys("]", "q");
        assertRestored();
    }

    @Test
    void diffViewAndBucketsInARealTerminal() throws Exception {
        explore(CORPUS + "062-commit-bt-a-n-idle-x86_64.txt");
        waitFor("the traces pane", s -> s.contains("Traces (6)") && s.contains("? help"));
        type(":diff 3 6");
        enter();
        // poll until the whole view is drawn (a capture can land mid-redraw)
        waitFor("the diff view", s -> s.contains("Diff d1#3 vs d1#6") && s.contains("| #9 do_syscall_64")
                && s.contains("n/N next/prev diff"));
        keys("n");
        waitFor("a jump", s -> s.contains("difference 1/"));
        keys("Escape");
        waitFor("the explorer again", s -> s.contains("Traces (6)") && !s.contains("Diff d1#3"));
        keys("b");
        assertThat(waitFor("buckets", s -> s.contains("Buckets (2 of 6 traces)"))).contains("traces 1-5");
        keys("q");
        assertRestored();
    }

    @Test
    void resizeRedrawsAtOnce() throws Exception {
        explore(CORPUS + "054-commit-foreach-nmi-softirq-x86_64.txt");
        waitFor("the explorer", s -> s.contains("frame 1/15"));
        tmux("resize-window", "-t", target, "-x", "80", "-y", "24");
        String small = waitFor("the stacked layout", s -> s.contains("Registers   Details") && s.contains("? help"));
        assertThat(small.lines().count()).isLessThanOrEqualTo(24);
        assertThat(small.lines().mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(80);
        tmux("resize-window", "-t", target, "-x", "50", "-y", "12");
        waitFor("too small", s -> s.contains("terminal too small"));
        tmux("resize-window", "-t", target, "-x", "120", "-y", "40");
        String big = waitFor("the wide layout", s -> s.contains("Journey") && s.contains("crash_nmi_callback") && s.contains("? help"));
        assertThat(big).contains("crash_nmi_callback");
        keys("q");
        assertRestored();
    }

    @Test
    void colonCommandsRunAndErrorsStayInTheStatusLine() throws Exception {
        explore("--sample");
        waitFor("the explorer", s -> s.contains("frame 1/34") && s.contains("? help"));
        type(":frame 20");
        enter();
        waitFor("frame 21/34", s -> s.contains("frame 21/34"));
        type(":bogus");
        enter();
        assertThat(waitFor("an error", s -> s.contains("error: unknown command: bogus"))).contains("frame 21/34");
        type(":fr");
        keys("Tab");
        waitFor("completion", s -> s.contains(":frame"));
        keys("C-u");
        type("quit");
        enter();
        assertRestored();
    }

    @Test
    void ctrlCQuitsCleanly() throws Exception {
        explore("--sample");
        waitFor("the explorer", s -> s.contains("frame 1/34") && s.contains("? help"));
        keys("C-c");
        assertRestored();
    }

    @Test
    void sigtermRestoresTheTerminal() throws Exception {
        Path pid = tmp.resolve("pid");
        before();
        // exec keeps the PID, so the file names the JVM itself
        type("sh -c 'echo $$ > " + pid + "; exec " + JAVA + " -jar " + JAR + " --sample'; " + after());
        enter();
        waitFor("the explorer", s -> s.contains("frame 1/34") && s.contains("? help"));
        long jvm = Long.parseLong(Files.readString(pid).strip());
        ProcessHandle.of(jvm).orElseThrow().destroy(); // SIGTERM
        assertRestored();
    }

    @Test
    void withoutATerminalItPrints() throws Exception {
        type(JAVA + " -jar " + JAR + " --sample | head -3; TERM=dumb " + JAVA + " -jar " + JAR + " --sample | tail -1");
        enter();
        String s = waitFor("printed output", x -> x.contains("bnx2_poll ") && x.contains("trace 1/1"));
        assertThat(s).doesNotContain("? help");
    }

    @Test
    void aBigDumpShowsItsFirstScreenWhileLoadingAndGReachesTheLastTrace() throws Exception {
        // a generated foreach bt of 20 MB (tens of thousands of tasks): big enough to load for a while
        Path big = tmp.resolve("big.txt");
        dev.pktpath.bench.BenchRunner.generate(big, false, 20L << 20, 42);
        explore(big.toString());
        // polled until whole: the pane can be captured mid-redraw, with the last frame's status line
        String first = waitFor("the first screen", s -> s.contains("Traces (") && s.contains("Frames (") && s.contains("? help")
                && s.matches("(?s).*trace \\d+/\\d+ .*"));
        assertThat(first).contains("big.txt");
        String loaded = waitFor("the whole dump", s -> s.contains("? help") && s.contains("Frames (") && !s.contains("loading"));
        assertThat(loaded).doesNotContain("error:");
        keys("BTab");
        waitFor("the traces pane focused", s -> s.contains("[Traces (") && s.contains("? help"));
        keys("G");
        String last = waitFor("the last trace", s -> s.matches("(?s).*trace (\\d+)/\\1 .*"));
        int n = Integer.parseInt(last.replaceAll("(?s).*trace (\\d+)/\\1 .*", "$1"));
        assertThat(last).contains("Traces (" + n + ")");
        assertThat(n).isGreaterThan(1000);
        keys("q");
        assertRestored();
    }

    @Test
    void aFileWithNoBacktraceIsRefusedWithOneLineAndNoScreen() throws Exception {
        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "just some notes\nno kernel backtrace here\n");
        type(JAVA + " -jar " + JAR + " " + notes + "; echo EXPLORER-EXITED-$?");
        enter();
        // the echo's output, on a line of its own (the command line typed holds the words too)
        String s = waitFor("the refusal", x -> x.contains("\nEXPLORER-EXITED-"));
        assertThat(s.replace("\n", "")).contains("pktpath-tui: " + notes + ": no backtrace found");
        assertThat(s).contains("\nEXPLORER-EXITED-1")
                .doesNotContain("? help");
    }

    // ---- helpers ----

    private void before() throws Exception {
        type("stty -g > " + tmp.resolve("stty.before"));
        enter();
    }

    private String after() {
        return "stty -g > " + tmp.resolve("stty.after") + "; echo EXPLORER-EXITED-$?";
    }

    private void explore(String arg) throws Exception {
        before();
        type(JAVA + " -jar " + JAR + " " + arg + "; " + after());
        enter();
    }

    /** The explorer has gone: the shell prompt is back, the alternate screen left, the tty settings as before. */
    private void assertRestored() throws Exception {
        String screen = waitFor("the shell again", s -> s.contains("EXPLORER-EXITED-") && s.strip().endsWith("it$"));
        assertThat(screen).doesNotContain("? help").doesNotContain("Exception");
        Path before = tmp.resolve("stty.before");
        Path after = tmp.resolve("stty.after");
        waitFor("stty saved", s -> Files.exists(after));
        assertThat(Files.readString(after)).isEqualTo(Files.readString(before));
    }

    private void type(String text) throws Exception {
        tmux("send-keys", "-t", target, "-l", text);
    }

    private void enter() throws Exception {
        tmux("send-keys", "-t", target, "Enter");
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", target));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    private String capture() throws Exception {
        return tmux("capture-pane", "-p", "-t", target);
    }

    /**
     * Polls the pane until {@code ready} holds; conditions on an explorer screen include its status
     * line ("? help"), the last row drawn, so a half-sent screen is never taken for the whole.
     * Fails with the last screen after the timeout.
     */
    private String waitFor(String what, Predicate<String> ready) throws Exception {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        String screen = "";
        while (System.nanoTime() < end) {
            screen = capture();
            if (ready.test(screen)) {
                return screen;
            }
            Thread.onSpinWait();
            Thread.sleep(50); // poll interval, not a wait for something to happen
        }
        return fail("timed out waiting for " + what + "; the pane shows:\n" + screen);
    }

    private String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean tmuxAvailable() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
