package dev.pktpath.analysis;

import dev.pktpath.model.Arch;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Location;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;
import dev.pktpath.testing.CorpusFiles;
import dev.pktpath.testing.GeneratedTraces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Analyzer#analyze} answers from {@link AnalysisMemo} for a trace whose inputs it has seen; the
 * answer must be what every analysis run afresh gives. Held over every trace of the corpus and of
 * generated dumps, in both directions: what the memo leaves out of a trace's inputs never changes a
 * fresh analysis, and a trace differing from a remembered one in any input it keeps is not answered
 * with the remembered analysis.
 */
class AnalysisMemoTest {
    private static final List<Trace> TRACES = new ArrayList<>();

    @BeforeAll
    static void readCorpusAndGeneratedDumps() throws Exception {
        for (Path p : CorpusFiles.reports()) {
            TRACES.addAll(CorpusFiles.traces(p));
        }
        TRACES.addAll(GeneratedTraces.parse(21, 22, 300_000));
        assertThat(TRACES).hasSizeGreaterThan(500);
    }

    @Test
    void rememberedAnalysesAreTheFreshOnes() {
        Analyzer analyzer = Analyzer.builtIn();
        for (int round = 0; round < 2; round++) {
            for (Trace t : TRACES) {
                TraceAnalysis fresh = analyzer.analyzeAfresh(t);
                TraceAnalysis a = analyzer.analyze(t);
                assertThat(a).as("trace %d, lines %d-%d", t.id(), t.firstLine(), t.lastLine()).isEqualTo(fresh);
            }
        }
        assertThat(analyzer.analyzeAll(TRACES)).isEqualTo(TRACES.stream().map(analyzer::analyzeAfresh).toList());
        // the memo was used: it holds traces, fewer than were analysed (the generated dump repeats stacks)
        assertThat(analyzer.remembered()).isBetween(1, TRACES.size() - 100);
    }

    /**
     * Traces that never repeat fill the memo and then turn it off, with every analysis still the fresh
     * one; traces that repeat keep it on. The distinct traces: the corpus and generated ones, each with
     * a headline of its own (the headline is an input).
     */
    @Test
    void theMemoGivesUpOnlyWhenFullAndRarelyAnswering() {
        Analyzer distinct = Analyzer.builtIn();
        int n = 0;
        while (!distinct.memoOff() && n < 40 * AnalysisMemo.TRIAL) {
            Trace base = TRACES.get(n % TRACES.size());
            Trace t = new Trace(base.id(), base.format(), base.arch(), base.task(), "BUG: distinct " + n, base.ip(),
                    base.frames(), base.exceptions(), base.registers(), base.diagnostics(), base.firstLine(), base.lastLine());
            assertThat(distinct.analyze(t)).isEqualTo(distinct.analyzeAfresh(t));
            n++;
        }
        assertThat(distinct.memoOff()).as("off after %d distinct traces", n).isTrue();
        assertThat(distinct.remembered()).isGreaterThan(100);
        for (Trace t : TRACES.subList(0, 200)) {
            assertThat(distinct.analyze(t)).isEqualTo(distinct.analyzeAfresh(t));
        }

        Analyzer repeating = Analyzer.builtIn();
        for (int round = 0; round < 12; round++) {
            for (Trace t : TRACES) {
                repeating.analyze(t);
            }
        }
        assertThat(repeating.memoOff()).isFalse();
    }

    @Test
    void whatTheMemoLeavesOutNeverChangesAnAnalysis() {
        Analyzer analyzer = Analyzer.builtIn();
        for (Trace t : TRACES) {
            Trace other = outsideChanged(t);
            TraceAnalysis a = analyzer.analyzeAfresh(t);
            TraceAnalysis b = analyzer.analyzeAfresh(other);
            assertThat(List.of(b.naming(), b.frameClasses(), b.journey()))
                    .as("trace %d, lines %d-%d", t.id(), t.firstLine(), t.lastLine())
                    .isEqualTo(List.of(a.naming(), a.frameClasses(), a.journey()));
            // and the memo takes them for the same trace
            assertThat(analyzer.analyze(other).naming()).isEqualTo(a.naming());
        }
    }

    @Test
    void aTraceDifferingInAnyInputIsAnalysedAfresh() {
        Analyzer analyzer = Analyzer.builtIn();
        int differed = 0;
        for (Trace t : TRACES) {
            analyzer.analyze(t);
            for (UnaryOperator<Trace> change : inputChanges(t)) {
                Trace changed = change.apply(t);
                TraceAnalysis fresh = analyzer.analyzeAfresh(changed);
                assertThat(analyzer.analyze(changed)).as("trace %d, lines %d-%d", t.id(), t.firstLine(), t.lastLine())
                        .isEqualTo(fresh);
                TraceAnalysis original = analyzer.analyzeAfresh(t);
                if (!List.of(fresh.naming(), fresh.frameClasses(), fresh.journey())
                        .equals(List.of(original.naming(), original.frameClasses(), original.journey()))) {
                    differed++;
                }
            }
        }
        // the changes do reach the analyses (else this test could not fail)
        assertThat(differed).isGreaterThan(TRACES.size());
    }

    /** Every field the memo does not compare, changed. */
    private static Trace outsideChanged(Trace t) {
        List<Frame> frames = new ArrayList<>();
        for (Frame f : t.frames()) {
            frames.add(new Frame(f.index(), f.level() == null ? 77 : f.level() + 1, f.function(),
                    f.offset() == null ? 0x10L : f.offset() + 16, f.size() == null ? 0x100L : f.size() + 1,
                    "ffffffff0000abcd", "ffff88000000beef", f.module(), f.reliable(),
                    f.context() == StackContext.IRQ ? StackContext.TASK : StackContext.IRQ, f.source(), f.inlined(),
                    f.line() + 1000, "changed raw line", List.of("ffff880000001000: dead beef")));
        }
        List<ExceptionFrame> exceptions = new ArrayList<>();
        for (ExceptionFrame e : t.exceptions()) {
            exceptions.add(new ExceptionFrame(e.afterFrame(), e.kind(), e.function(), e.offset(),
                    Map.of("RIP", "ffffffff81000000"), e.line() + 1000));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Diagnostic d : t.diagnostics()) {
            diagnostics.add(new Diagnostic(d.line() + 1000, "changed message",
                    t.headline() == null ? "changed text" : d.text()));
        }
        return new Trace(t.id() + 1000, t.format(), t.arch() == Arch.X86_64 ? Arch.ARM64 : Arch.X86_64,
                new Task(4242L, "ffff8800deadbeef", 3, "changed"), t.headline(), t.ip(), frames, exceptions,
                Map.of("RAX", "0000000000000001"), diagnostics, t.firstLine() + 1000, t.lastLine() + 1000);
    }

    /** One change per input the memo compares, at the first, middle and last frame. */
    private static List<UnaryOperator<Trace>> inputChanges(Trace t) {
        List<UnaryOperator<Trace>> out = new ArrayList<>();
        int n = t.frames().size();
        for (int i : n == 0 ? new int[0] : new int[]{0, n / 2, n - 1}) {
            out.add(x -> withFrame(x, i, f -> copy(f, "tcp_v4_rcv", f.source(), f.module(), f.reliable(), f.inlined())));
            out.add(x -> withFrame(x, i, f -> copy(f, "dev_hard_start_xmit.isra.3", f.source(), f.module(), f.reliable(), f.inlined())));
            out.add(x -> withFrame(x, i, f -> copy(f, f.function(), "net/core/dev.c: 3590", f.module(), f.reliable(), f.inlined())));
            out.add(x -> withFrame(x, i, f -> copy(f, f.function(), f.source() == null ? "include/linux/skbuff.h:2069" : null,
                    f.module(), f.reliable(), f.inlined())));
            out.add(x -> withFrame(x, i, f -> copy(f, f.function(), f.source(), f.module() == null ? "bnx2" : null,
                    f.reliable(), f.inlined())));
            out.add(x -> withFrame(x, i, f -> copy(f, f.function(), f.source(), f.module(), !f.reliable(), f.inlined())));
            out.add(x -> withFrame(x, i, f -> copy(f, f.function(), f.source(), f.module(), f.reliable(), !f.inlined())));
        }
        if (n > 0) {
            out.add(x -> withFrames(x, x.frames().subList(0, n - 1)));
        }
        out.add(x -> withHeadline(x, x.headline() == null ? "BUG: unable to handle kernel NULL pointer dereference at 0000000000000008" : null));
        out.add(x -> withHeadline(x, "general protection fault: 0000 [#1] SMP"));
        out.add(x -> new Trace(x.id(), x.format(), x.arch(), x.task(), x.headline(),
                x.ip() == null ? new Location("skb_clone", 208L, null) : null, x.frames(), x.exceptions(), x.registers(),
                x.diagnostics(), x.firstLine(), x.lastLine()));
        out.add(x -> withExceptions(x, List.of(new ExceptionFrame(n / 2, "exception RIP", "skb_clone", 208L, Map.of(), 1))));
        if (!t.exceptions().isEmpty()) {
            ExceptionFrame e = t.exceptions().get(0);
            out.add(x -> withExceptions(x, List.of(new ExceptionFrame(e.afterFrame() + 1, e.kind(), e.function(), e.offset(), e.registers(), e.line()))));
            out.add(x -> withExceptions(x, List.of(new ExceptionFrame(e.afterFrame(), "registers", e.function(), e.offset(), e.registers(), e.line()))));
            out.add(x -> withExceptions(x, List.of(new ExceptionFrame(e.afterFrame(), e.kind(), "ip_rcv", e.offset(), e.registers(), e.line()))));
            out.add(x -> withExceptions(x, List.of(new ExceptionFrame(e.afterFrame(), e.kind(), e.function(),
                    e.offset() == null ? 1L : e.offset() + 1, e.registers(), e.line()))));
        }
        if (t.headline() != null && !t.diagnostics().isEmpty()) {
            out.add(x -> {
                List<Diagnostic> d = new ArrayList<>(x.diagnostics());
                Diagnostic first = d.get(0);
                d.set(0, new Diagnostic(first.line(), first.message(), "last function: addrconf_dad_work"));
                return new Trace(x.id(), x.format(), x.arch(), x.task(), x.headline(), x.ip(), x.frames(), x.exceptions(),
                        x.registers(), d, x.firstLine(), x.lastLine());
            });
        }
        return out;
    }

    private static Frame copy(Frame f, String function, String source, String module, boolean reliable, boolean inlined) {
        return new Frame(f.index(), f.level(), function, f.offset(), f.size(), f.address(), f.stackAddress(), module,
                reliable, f.context(), source, inlined, f.line(), null, f.stackData());
    }

    private static Trace withFrame(Trace t, int i, UnaryOperator<Frame> change) {
        List<Frame> frames = new ArrayList<>(t.frames());
        frames.set(i, change.apply(frames.get(i)));
        return withFrames(t, frames);
    }

    private static Trace withFrames(Trace t, List<Frame> frames) {
        return new Trace(t.id(), t.format(), t.arch(), t.task(), t.headline(), t.ip(), frames, t.exceptions(),
                t.registers(), t.diagnostics(), t.firstLine(), t.lastLine());
    }

    private static Trace withHeadline(Trace t, String headline) {
        return new Trace(t.id(), t.format(), t.arch(), t.task(), headline, t.ip(), t.frames(), t.exceptions(),
                t.registers(), t.diagnostics(), t.firstLine(), t.lastLine());
    }

    private static Trace withExceptions(Trace t, List<ExceptionFrame> exceptions) {
        return new Trace(t.id(), t.format(), t.arch(), t.task(), t.headline(), t.ip(), t.frames(), exceptions,
                t.registers(), t.diagnostics(), t.firstLine(), t.lastLine());
    }
}
