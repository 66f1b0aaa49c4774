package dev.pktpath.render;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.FrameClass;
import dev.pktpath.analysis.Naming;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Arch;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;
import dev.pktpath.testing.CorpusFiles;
import dev.pktpath.testing.GeneratedTraces;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TextRenderer} writes frame lines straight into the trace's text, padded by hand and trimmed in
 * place; what it writes must be what {@code String.format} of the documented columns and
 * {@link String#stripTrailing} give, for every corpus trace (with and without hidden frames), generated
 * dumps, and frames of any text; so must {@link JourneyRenderer}'s step lines.
 */
class TextFastPathTest {
    private static final Analyzer ANALYZER = Analyzer.builtIn();

    static Stream<Path> corpus() {
        return CorpusFiles.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void corpusTracesAreWrittenAsTheFormatStringsWriteThem(Path file) throws Exception {
        for (Trace t : CorpusFiles.traces(file)) {
            assertSame(ANALYZER.analyze(t));
        }
    }

    @Test
    void generatedDumpsAreWrittenAsTheFormatStringsWriteThem() {
        List<Trace> traces = GeneratedTraces.parse(13, 14, 400_000);
        for (Trace t : traces) {
            assertSame(ANALYZER.analyze(t));
        }
        assertThat(traces).hasSizeGreaterThan(100);
    }

    @Property(tries = 1000)
    void framesOfAnyTextAreWrittenAsTheFormatStringsWriteThem(@ForAll("text") String function, @ForAll("text") String module,
                                                             @ForAll("text") String address, @ForAll("text") String subsystem,
                                                             @ForAll("numbers") Long offset, @ForAll("numbers") Long size,
                                                             @ForAll("levels") Integer level, @ForAll boolean reliable) {
        Frame f = new Frame(0, level, function, offset, size, address, null, module, reliable, StackContext.TASK,
                null, false, 7, null, null);
        Frame g = new Frame(1, 4, "tcp_v4_rcv", 0x1aL, 0x90L, "ffffffff81234567", "ffff88003fc03e30", null, true,
                StackContext.IRQ, "net/ipv4/tcp_ipv4.c: 2000", false, 8, null, List.of("ffff88003fc03e28: 0000 beef"));
        Trace t = new Trace(1, TraceFormat.CRASH_BT, Arch.X86_64, null, null, null, List.of(f, g), List.of(), Map.of(),
                List.of(), 1, 2);
        TraceAnalysis a = new TraceAnalysis(t, Naming.NONE,
                List.of(FrameClass.of(subsystem, module), FrameClass.of("net-core", null)), ANALYZER.analyze(t).journey());
        assertSame(a);
    }

    @Property(tries = 2000)
    void journeyStepLinesArePaddedAsTheFormatStringPadsThem(@ForAll("text") String dir, @ForAll("text") String stage,
                                                           @ForAll("text") String functions) {
        net.jqwik.api.Assume.that(dir != null && stage != null && functions != null);
        assertThat(JourneyRenderer.stepLine(dir, stage, functions))
                .isEqualTo(String.format("  %-2s  %-10s  %s", dir, stage, functions));
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<Character> special = Arbitraries.of(' ', '\t', '\u001b', '\u0085', '\u00a0', '\u2003', '\u3000',
                '\u2028', '\u00e9', '[', ']', '#');
        Arbitrary<Character> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.chars().range('a', 'z')),
                net.jqwik.api.Tuple.of(2, special),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars()));
        return any.list().ofMaxSize(60).map(cs -> {
            StringBuilder b = new StringBuilder();
            cs.forEach(b::append);
            return b.toString();
        }).injectNull(0.15);
    }

    @Provide
    Arbitrary<Long> numbers() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 300), Arbitraries.longs().between(0, Long.MAX_VALUE)).injectNull(0.2);
    }

    @Provide
    Arbitrary<Integer> levels() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 1200), Arbitraries.integers()).injectNull(0.2);
    }

    private static void assertSame(TraceAnalysis a) {
        int n = a.trace().frames().size();
        List<IntPredicate> filters = new ArrayList<>();
        filters.add(null);
        filters.add(i -> i % 3 != 1);
        filters.add(i -> i >= n / 2);
        for (IntPredicate visible : filters) {
            StringBuilder expected = new StringBuilder();
            formatted(expected, a, 9, visible);
            assertThat(new TextRenderer().trace(a, 9, visible)).isEqualTo(expected.toString());
        }
    }

    /** The trace as the renderer lays it out, each frame line from format strings: {@code %5s}, {@code %-Ns}. */
    private static void formatted(StringBuilder out, TraceAnalysis a, int count, IntPredicate visible) {
        Trace t = a.trace();
        out.append(TextRenderer.header(a, count)).append('\n');
        if (a.naming().title() != null) {
            out.append(Sanitizer.clean(a.naming().title())).append('\n');
        }
        int fn = 8;
        int mod = 0;
        int addr = 0;
        for (Frame f : t.frames()) {
            fn = Math.max(fn, Math.min(48, TextRenderer.functionWithOffset(f).length()));
            if (f.module() != null) {
                mod = Math.max(mod, Sanitizer.clean(f.module()).length() + 2);
            }
            if (f.address() != null) {
                addr = Math.max(addr, f.address().length());
            }
        }
        for (ExceptionFrame e : t.exceptions()) {
            if (e.afterFrame() < 0) {
                exception(out, e);
            }
        }
        StackContext ctx = StackContext.TASK;
        int hidden = 0;
        for (Frame f : t.frames()) {
            if (visible != null && !visible.test(f.index())) {
                hidden++;
                continue;
            }
            if (hidden > 0) {
                out.append(String.format("        ... %d frame%s hidden by the filter%n", hidden, hidden == 1 ? "" : "s"));
                hidden = 0;
            }
            if (f.context() != ctx) {
                out.append("        --- ").append(f.context().id()).append(" stack ---\n");
                ctx = f.context();
            }
            FrameClass c = a.classOf(f.index());
            StringBuilder line = new StringBuilder(String.format("  %5s%c %-" + fn + "s", f.level() != null ? "#" + f.level() : "",
                    f.reliable() ? ' ' : '?', TextRenderer.functionWithOffset(f)));
            if (mod > 0) {
                line.append(String.format(" %-" + mod + "s", f.module() != null ? "[" + Sanitizer.clean(f.module()) + "]" : ""));
            }
            if (addr > 0) {
                line.append(String.format("  %-" + addr + "s", f.address() == null ? "" : Sanitizer.clean(f.address())));
            }
            String sub = c.subsystem() == null || c.subsystem().equals("unknown") ? "" : c.subsystem();
            String stage = c.stage() == null ? "" : c.stage();
            if (!sub.isEmpty() || !stage.isEmpty()) {
                line.append(String.format("  %-10s %s", sub, stage));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (f.source() != null) {
                out.append("          at ").append(Sanitizer.clean(f.source())).append('\n');
            }
            for (String data : f.stackData()) {
                out.append("          ").append(Sanitizer.clean(data)).append('\n');
            }
            for (ExceptionFrame e : t.exceptions()) {
                if (e.afterFrame() == f.index()) {
                    exception(out, e);
                }
            }
        }
        if (hidden > 0) {
            out.append(String.format("        ... %d frame%s hidden by the filter%n", hidden, hidden == 1 ? "" : "s"));
        }
        if (!t.diagnostics().isEmpty()) {
            out.append("  notes:\n");
            for (Diagnostic d : t.diagnostics()) {
                out.append(String.format("    line %-5d %s", d.line(), Sanitizer.clean(d.message())));
                if (d.text() != null && !d.text().isBlank()) {
                    String text = Sanitizer.clean(d.text().strip());
                    out.append(": ").append(text.length() > 72 ? text.substring(0, 69) + "..." : text);
                }
                out.append('\n');
            }
        }
    }

    private static void exception(StringBuilder out, ExceptionFrame e) {
        out.append("          [").append(Sanitizer.clean(e.kind()));
        if (e.function() != null) {
            out.append(": ").append(Sanitizer.clean(e.function()));
            if (e.offset() != null) {
                out.append('+').append(e.offset());
            }
        }
        out.append("]\n");
        TextRenderer.registerLines(out, e.registers(), "             ");
    }
}
