package dev.pktpath.parse.crashbt;

import dev.pktpath.model.Dump;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the crash bt reader over shuffled real lines, random text and re-indented input. */
class CrashBtPropertiesTest {
    private static final List<String> CORPUS_LINES = corpusLines();

    private static List<String> corpusLines() {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../shared/corpus/crash-bt"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                lines.addAll(DumpParser.splitLines(Files.readString(p, StandardCharsets.ISO_8859_1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.addAll(DumpParser.splitLines(InputReader.readSample()));
        return lines;
    }

    @Provide
    Arbitrary<List<String>> mixes() {
        Arbitrary<String> real = Arbitraries.of(CORPUS_LINES);
        Arbitrary<String> cut = real.flatMap(l -> Arbitraries.integers().between(0, l.length()).map(n -> l.substring(0, n)));
        Arbitrary<String> noise = Arbitraries.strings().withChars("#[]<>():-+x0123456789abcdef PIDTASKCPU\t\r\"$").ofMaxLength(60);
        Arbitrary<String> prefix = Arbitraries.of("", "> ", ">> ", "\t", "    ", "crash> ");
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, real), net.jqwik.api.Tuple.of(2, cut), net.jqwik.api.Tuple.of(2, noise),
                net.jqwik.api.Tuple.of(2, shapes()));
        return net.jqwik.api.Combinators.combine(prefix, line).as(String::concat).list().ofMaxSize(80);
    }

    /** Crash's line shapes with numbers of any length in them: out-of-range values must not throw. */
    private static Arbitrary<String> shapes() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25);
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(1).ofMaxLength(25);
        Arbitrary<String> template = Arbitraries.of(
                "PID: D  TASK: H  CPU: D  COMMAND: \"c\"", " #D [H] f+D/D at H [m]", " #D [H] f+0xH at H",
                "$ D   : H H H H", "    RIP: H  RSP: H  CS: H", "[exception RIP: f+D]", "PSW:  H H (f+D)",
                "GPRS: H H H H", "     PC: H  [f+0xH]", " #D [<H>] (f+D [m]) from [<H>]", "  [H] f+D at H",
                "-psw      : 0xH 0xH", "KERNEL-MODE EXCEPTION FRAME AT H:", "Data Access [H] exception frame:",
                "[NIP  : f+D]", "H: H H", "/x/y.c: D");
        return net.jqwik.api.Combinators.combine(template, digits, hex)
                .as((t, d, h) -> t.replace("D", d).replace("H", h));
    }

    @Property(tries = 400)
    void anyMixOfRealAndBrokenLinesParsesAndKeepsInvariants(@ForAll("mixes") List<String> lines) {
        Dump d = new DumpParser().parse("mix", lines);
        for (int t = 0; t < d.traces().size(); t++) {
            Trace trace = d.traces().get(t);
            assertThat(trace.id()).isEqualTo(t + 1);
            for (int i = 0; i < trace.frames().size(); i++) {
                assertThat(trace.frames().get(i).index()).isEqualTo(i);
            }
            for (ExceptionFrame e : trace.exceptions()) {
                assertThat(e.afterFrame()).isBetween(-1, trace.frames().size() - 1);
            }
        }
    }

    @Property(tries = 200)
    void anyParsedMixRendersAsText(@ForAll("mixes") List<String> lines) {
        Dump d = new DumpParser().parse("mix", lines);
        dev.pktpath.analysis.Analyzer analyzer = dev.pktpath.analysis.Analyzer.builtIn();
        List<dev.pktpath.analysis.TraceAnalysis> analysed = d.traces().stream().map(analyzer::analyze).toList();
        String text = new dev.pktpath.render.TextRenderer().render(analysed, null);
        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Property(tries = 60)
    void indentationQuotingAndLineEndsDoNotChangeTheSeed(
            @ForAll("prefixes") String prefix, @ForAll("lineEnds") String end) {
        Dump plain = new DumpParser().parse("seed", InputReader.readSample());
        StringBuilder b = new StringBuilder();
        InputReader.readSample().lines().forEach(l -> b.append(prefix).append(l).append(end));
        Dump mangled = new DumpParser().parse("seed", b.toString());
        assertThat(mangled.traces()).hasSize(1);
        assertThat(mangled.traces().get(0).frames()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("raw", "line")
                .isEqualTo(plain.traces().get(0).frames());
        assertThat(mangled.traces().get(0).exceptions()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("line")
                .isEqualTo(plain.traces().get(0).exceptions());
        assertThat(mangled.traces().get(0).diagnostics()).isEmpty();
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("", "> ", "> > ", ">>", "\t", "\t\t", "  ", "> \t");
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\n", "\r\n", "\r", "\n\n", "\r\r\n");
    }
}
