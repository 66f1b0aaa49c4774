package dev.pktpath.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.pktpath.analysis.Analyzer;
import dev.pktpath.model.Arch;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.TextInput;
import dev.pktpath.session.LoadedDump;
import dev.pktpath.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer on a dump still being read (big dumps load in the background) and with work running in
 * the background (searching and filtering a trace of many frames): keys in, screen text out, on the
 * virtual terminal. Inputs that hold back part of their text stand for a slow disk or a huge file.
 */
class LoadingTest {
    private static final String MULTI = Fixtures.CORPUS + "062-commit-bt-a-n-idle-x86_64.txt";
    private final List<CountDownLatch> gates = new ArrayList<>();
    private final int backgroundFrom = ViewState.backgroundFrom;

    @AfterEach
    void openGatesAndRestore() {
        gates.forEach(CountDownLatch::countDown);
        ViewState.backgroundFrom = backgroundFrom;
    }

    /** A reader that gives the first {@code head} characters of {@code text}, then waits for {@code gate}. */
    private TextInput slowInput(String name, String text, int head, CountDownLatch gate) {
        gates.add(gate);
        long[] read = {0};
        Reader r = new Reader() {
            private int pos;

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                if (pos >= text.length()) {
                    return -1;
                }
                if (pos >= head) {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException("interrupted");
                    }
                }
                int n = Math.min(len, (pos < head ? head : text.length()) - pos);
                text.getChars(pos, pos + n, buf, off);
                pos += n;
                read[0] = pos;
                return n;
            }

            @Override
            public void close() {
            }
        };
        return new TextInput(name, r, text.length(), () -> read[0]);
    }

    private static Session session() {
        return new Session(Analyzer.builtIn());
    }

    private static LoadedDump current(Session s) {
        return s.current().orElseThrow();
    }

    private static void awaitLoaded(Session s) throws InterruptedException {
        assertThat(current(s).load().await(20_000)).as("the load ends").isTrue();
    }

    @Test
    void drawsAndTakesKeysWhileTheInputIsStillBeingRead() throws Exception {
        String text = Files.readString(Path.of(MULTI));
        Session s = session();
        s.addLoading("slow.txt", slowInput("slow.txt", text, 100, new CountDownLatch(1)));
        VirtualScreen v = new VirtualScreen(s, 100, 30);
        assertThat(v.status()).contains("loading").contains("0 traces").contains("trace -/0");
        assertThat(v.text()).contains("loading slow.txt ...");
        // the screen answers keys meanwhile: help opens and closes
        v.type("?");
        assertThat(v.text()).contains("Help: keys");
        v.press(KeyType.Escape);
        assertThat(current(s).loading()).isTrue();

        gates.get(0).countDown();
        awaitLoaded(s);
        v.step();
        assertThat(v.text()).contains("Traces (6)");
        assertThat(v.status()).contains("loaded 6 traces").doesNotContain("loading");
    }

    /** Traces in input order, two at once and the rest when the test says so: what a streaming parser does. */
    private DumpLoadFeed feed(List<Trace> traces, int first) {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return new DumpLoadFeed(traces, first, gate);
    }

    record DumpLoadFeed(List<Trace> traces, int first, CountDownLatch gate) implements dev.pktpath.session.DumpLoad.TraceSource {
        @Override
        public List<dev.pktpath.model.Diagnostic> stream(java.util.function.Consumer<Trace> sink, dev.pktpath.parse.ParseListener listener) {
            for (int i = 0; i < traces.size(); i++) {
                if (i == first) {
                    listener.progress(50, 100);
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        return List.of();
                    }
                }
                sink.accept(traces.get(i));
            }
            listener.progress(100, 100);
            return List.of();
        }
    }

    private static List<Trace> multiTraces() throws IOException {
        return new DumpParser().parse("multi.txt", Files.readString(Path.of(MULTI))).traces();
    }

    private static void awaitTraces(Session s, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (current(s).traces().size() < n && System.nanoTime() < end) {
            Thread.sleep(2);
        }
        assertThat(current(s).traces()).hasSizeGreaterThanOrEqualTo(n);
    }

    @Test
    void showsTheFirstTracesWithAProgressBarWhileTheRestLoads() throws Exception {
        Session s = session();
        DumpLoadFeed f = feed(multiTraces(), 2);
        s.addLoading("multi.txt", null, f);
        awaitTraces(s, 2);
        VirtualScreen v = new VirtualScreen(s, 100, 30);
        assertThat(v.text()).contains("Traces (2)").contains("swapper/8");
        assertThat(v.status()).contains("loading").contains("50%").contains("2 traces");
        // navigation works on what has arrived
        v.type("]");
        assertThat(v.status()).contains("trace 2/2");

        f.gate().countDown();
        awaitLoaded(s);
        v.step();
        assertThat(v.text()).contains("Traces (6)");
        assertThat(v.status()).contains("trace 2/6").doesNotContain("loading").doesNotContain("%");
    }

    @Test
    void goesToTheCrashingTraceWhenItArrivesUnlessTheUserHasMoved() throws Exception {
        Session s = session();
        DumpLoadFeed f = feed(multiTraces(), 2);
        s.addLoading("multi.txt", null, f);
        awaitTraces(s, 2);
        VirtualScreen v = new VirtualScreen(s, 100, 30);
        v.explorer.selectCrashingTraceAsItLoads();
        v.step();
        assertThat(v.status()).contains("trace 1/2");
        f.gate().countDown();
        awaitLoaded(s);
        v.step();
        assertThat(v.status()).contains("trace 6/6");
        assertThat(v.text()).contains("sysrq_handle_crash");

        Session moved = session();
        DumpLoadFeed g = feed(multiTraces(), 2);
        moved.addLoading("multi.txt", null, g);
        awaitTraces(moved, 2);
        VirtualScreen w = new VirtualScreen(moved, 100, 30);
        w.explorer.selectCrashingTraceAsItLoads();
        w.type("]");
        g.gate().countDown();
        awaitLoaded(moved);
        w.step();
        assertThat(w.status()).contains("trace 2/6");
    }

    private static Set<Thread> explorerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("pktpath-tui ")).collect(Collectors.toSet());
    }

    @Test
    void quittingWhileLoadingLeavesNoThreadRunning() throws Exception {
        Set<Thread> before = explorerThreads();
        String text = Files.readString(Path.of(MULTI));
        Session s = session();
        // the gate never opens: the reader is stuck until the explorer interrupts it
        s.addLoading("stuck.txt", slowInput("stuck.txt", text, 10, new CountDownLatch(1)));
        VirtualScreen v = new VirtualScreen(s, 100, 30);
        assertThat(explorerThreads()).isNotEqualTo(before);
        v.terminal.addInput(new KeyStroke('q', false, false));
        v.explorer.run();
        assertThat(v.explorer.isDone()).isTrue();
        assertThat(current(s).load().isDone()).isTrue();
        Set<Thread> after = explorerThreads();
        after.removeAll(before);
        assertThat(after).isEmpty();
    }

    @Test
    void aDumpWithNoBacktraceClosesTheExplorerWithTheOneLineReason() throws Exception {
        Session s = session();
        s.addLoading("notes.txt", TextInput.of("notes.txt", "nothing that looks like a backtrace\n"));
        awaitLoaded(s);
        VirtualScreen v = new VirtualScreen(s, 100, 30);
        v.step();
        assertThat(v.explorer.isDone()).isTrue();
        assertThat(v.explorer.exitError()).isEqualTo("notes.txt: no backtrace found");
    }

    @Test
    void openLoadsInTheBackgroundAndAFileWithNoBacktraceLeavesTheDumpShown(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "nothing that looks like a backtrace\n");
        VirtualScreen v = new VirtualScreen(Fixtures.corpus("054-commit-foreach-nmi-softirq-x86_64.txt", false, false), 160, 30);
        v.line(":open " + notes);
        assertThat(v.status()).contains("error: " + notes + ": no backtrace found");
        assertThat(v.title()).contains("054-commit");
        v.line(":dumps");
        assertThat(v.status()).contains("* d1").doesNotContain("notes.txt");
        v.line(":open " + MULTI);
        assertThat(v.text()).contains("Traces (6)");
        assertThat(v.status()).contains("d2: " + MULTI + ", 6 traces");
    }

    @Test
    void bucketsOfManyTracesAreWorkedOutInTheBackgroundAndEscCancelsThem(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path big = tmp.resolve("many.txt");
        // a generated foreach bt of 3 MB: some thousands of tasks
        dev.pktpath.bench.BenchRunner.generate(big, false, 3L << 20, 7);
        Session s = session();
        s.add(new DumpParser().parse("many.txt", Files.readString(big)));
        assertThat(current(s).traces().size()).isGreaterThanOrEqualTo(Explorer.BUCKETS_IN_BACKGROUND);
        VirtualScreen v = new VirtualScreen(s, 120, 30);
        v.terminal.addInput(new KeyStroke('b', false, false));
        v.terminal.addInput(new KeyStroke(KeyType.Escape));
        v.explorer.step();
        assertThat(v.status()).contains("buckets cancelled");
        assertThat(v.text()).contains("Traces (" + current(s).traces().size() + ")");
        v.type("b");
        assertThat(v.text()).contains("Buckets (").contains(" of " + current(s).traces().size() + " traces)");
        assertThat(v.status()).contains("buckets of " + current(s).traces().size() + " traces (b: tasks)");
        v.shiftTab().type("g");
        assertThat(v.status()).contains("bucket 1/");
        v.type("j");
        assertThat(v.status()).contains("bucket 2/");
    }

    @Test
    void bucketsWaitUntilTheDumpHasLoaded() throws Exception {
        Session s = session();
        DumpLoadFeed f = feed(multiTraces(), 2);
        s.addLoading("multi.txt", null, f);
        awaitTraces(s, 2);
        VirtualScreen v = new VirtualScreen(s, 140, 30);
        v.type("b");
        assertThat(v.status()).contains("error: buckets: still loading (2 traces so far)");
        f.gate().countDown();
        awaitLoaded(s);
        v.step();
        v.type("b");
        assertThat(v.text()).contains("Buckets (2 of 6 traces)");
    }

    @Test
    void escCancelsASearchOfALongTraceAndNothingMoves() throws Exception {
        ViewState.backgroundFrom = 1000;
        VirtualScreen v = new VirtualScreen(Fixtures.deep(300_000), 100, 30);
        assertThat(v.status()).contains("frame 1/300000");
        // typed together, as a fast typist would: the search starts, then Esc arrives before it ends
        for (char c : "/ip_loop_5$".toCharArray()) {
            v.terminal.addInput(new KeyStroke(c, false, false));
        }
        v.terminal.addInput(new KeyStroke(KeyType.Enter));
        v.terminal.addInput(new KeyStroke(KeyType.Escape));
        v.explorer.step();
        assertThat(v.status()).contains("search cancelled").contains("frame 1/300000");
        assertThat(v.explorer.state.background.busy()).isFalse();
        v.step();
        assertThat(v.status()).contains("frame 1/300000");
        // the same search left to finish goes to the match (the first i with i % 3 == 1 and i % 97 == 5 is 199)
        v.line("/ip_loop_5$");
        assertThat(v.status()).contains("frame 200/300000").contains("#199 ip_loop_5");
    }

    @Test
    void ctrlCCancelsAFilterBeingAppliedAndTheOldFilterStays() throws Exception {
        ViewState.backgroundFrom = 1000;
        VirtualScreen v = new VirtualScreen(Fixtures.deep(300_000), 100, 30);
        for (char c : "fnet-tcp".toCharArray()) {
            v.terminal.addInput(new KeyStroke(c, false, false));
        }
        v.terminal.addInput(new KeyStroke(KeyType.Enter));
        v.terminal.addInput(new KeyStroke('c', true, false));
        v.explorer.step();
        assertThat(v.status()).contains("filter cancelled").contains("filter: none");
        assertThat(v.explorer.isDone()).isFalse();
        // applied in the background, the filter shows its count when the rows are ready
        v.type("f").line("net-tcp");
        assertThat(v.status()).contains("filter net-tcp: ").contains(" of 300000 frames shown");
        assertThat(v.text()).contains("hidden by the filter");
    }

    /** Three traces; only the last calls {@code target_fn}. */
    private static Session threeTraces() {
        List<Trace> traces = new ArrayList<>();
        String[][] fns = {{"alpha_fn", "beta_fn"}, {"gamma_fn"}, {"delta_fn", "target_fn", "omega_fn"}};
        for (int t = 0; t < fns.length; t++) {
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < fns[t].length; i++) {
                String sp = String.format("ffff8800%08x", 0x28000000 + i * 0x40);
                frames.add(new Frame(i, i, fns[t][i], null, null, "ffffffff81000000", sp, null, true, StackContext.TASK,
                        null, false, i + 2, " #" + i + " [" + sp + "] " + fns[t][i] + " at ffffffff81000000"));
            }
            traces.add(new Trace(t + 1, TraceFormat.CRASH_BT, Arch.X86_64, new Task((long) t + 1, "ffff88012345c000", t, "task" + t),
                    null, null, frames, List.of(), Map.of(), List.of(), 1, 10));
        }
        Session s = session();
        s.add(new Dump("three.txt", traces, List.of()));
        return s;
    }

    @Test
    void aSearchWithNoMatchInThisTraceGoesOnThroughTheOtherTraces() {
        VirtualScreen v = new VirtualScreen(threeTraces(), 100, 30);
        assertThat(v.status()).contains("trace 1/3");
        v.line("/target");
        assertThat(v.status()).contains("trace 3/3").contains("frame 2/3").contains("/target  trace 3  #1 target_fn");
        v.line("/alpha");
        assertThat(v.status()).contains("trace 1/3").contains("search wrapped");
        v.line("/nowhere_at_all");
        assertThat(v.status()).contains("error: no function matches /nowhere_at_all in any trace").contains("trace 1/3");
    }
}
