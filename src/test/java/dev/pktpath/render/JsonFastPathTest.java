package dev.pktpath.render;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.FrameClass;
import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.analysis.Naming;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Location;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Trace;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JsonRenderer} writes each frame object with the schema's text whole ({@link Json#raw}) and
 * strings through a table; what it writes must be what the checked calls ({@code name}/{@code value})
 * and the character-by-character escaping write, for every corpus trace, generated dumps, and frames
 * of any text.
 */
class JsonFastPathTest {
    private static final Analyzer ANALYZER = Analyzer.builtIn();

    static Stream<Path> corpus() {
        return CorpusFiles.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void corpusTracesAreWrittenAsTheCheckedCallsWriteThem(Path file) throws Exception {
        for (Trace t : CorpusFiles.traces(file)) {
            assertSame(ANALYZER.analyze(t));
        }
    }

    @Test
    void generatedDumpsAreWrittenAsTheCheckedCallsWriteThem() {
        List<Trace> traces = GeneratedTraces.parse(11, 12, 400_000);
        for (Trace t : traces) {
            assertSame(ANALYZER.analyze(t));
        }
        assertThat(traces).hasSizeGreaterThan(100);
    }

    @Property(tries = 1000)
    void framesOfAnyTextAreWrittenAsTheCheckedCallsWriteThem(@ForAll("text") String function, @ForAll("text") String module,
                                                            @ForAll("text") String address, @ForAll("text") String source,
                                                            @ForAll("numbers") Long offset, @ForAll("numbers") Long size,
                                                            @ForAll boolean reliable, @ForAll boolean level) {
        Frame f = new Frame(0, level ? 3 : null, function, offset, size, address, null, module, reliable,
                StackContext.IRQ, source, !reliable, 7, null, null);
        Frame g = new Frame(1, 4, "tcp_v4_rcv", 0x1aL, 0x90L, "ffffffff81234567", "ffff88003fc03e30", null, true,
                StackContext.TASK, null, false, 8, null, null);
        Trace t = new Trace(1, dev.pktpath.model.TraceFormat.CRASH_BT, dev.pktpath.model.Arch.X86_64, null, function,
                null, List.of(f, g), List.of(), Map.of(), List.of(), 1, 2);
        TraceAnalysis a = new TraceAnalysis(t, new Naming(module, source, function, new Location(function, offset, size)),
                List.of(FrameClass.of(module, source), FrameClass.of("net-core", null)), ANALYZER.analyze(t).journey());
        assertSame(a);
    }

    @Property(tries = 3000)
    void stringsAreEscapedAsCharacterByCharacter(@ForAll("text") String s) {
        StringBuilder b = new StringBuilder();
        new Json(b).value(s);
        assertThat(b.toString()).isEqualTo(escapedOneByOne(s));
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<Character> special = Arbitraries.of('"', '\\', '\n', '\r', '\t', '\u0000', '\u001b', '\u007f',
                '\u0080', '\u009f', '\u00a0', '\u00e9', '\u2028', '\u2029', '\u2192', '\ud83d', '\ude00', ' ', '~');
        Arbitrary<Character> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.chars().range('a', 'z')),
                net.jqwik.api.Tuple.of(2, special),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars()));
        return any.list().ofMaxSize(30).map(cs -> {
            StringBuilder b = new StringBuilder();
            cs.forEach(b::append);
            return b.toString();
        }).injectNull(0.1);
    }

    @Provide
    Arbitrary<Long> numbers() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 300), Arbitraries.longs()).injectNull(0.2);
    }

    private static void assertSame(TraceAnalysis a) {
        StringBuilder checked = new StringBuilder();
        checkedTrace(new Json(checked), a);
        assertThat(new JsonRenderer().trace(a)).isEqualTo(checked.toString());
    }

    /** The trace object written with the checked calls only, field for field as the contract lists them. */
    private static void checkedTrace(Json j, TraceAnalysis a) {
        Trace t = a.trace();
        j.beginObject();
        j.field("id", t.id()).field("format", t.format().id()).field("arch", t.arch().id());
        j.name("task").beginObject()
                .field("pid", t.task().pid()).field("task", t.task().task())
                .field("cpu", t.task().cpu()).field("command", t.task().command())
                .endObject();
        j.field("kind", a.naming().kind()).field("title", a.naming().title()).field("guilty", a.naming().guilty());
        Location site = a.naming().crashSite();
        j.name("crashSite");
        if (site == null) {
            j.value((String) null);
        } else {
            j.beginObject().field("function", site.function()).field("offset", site.offset())
                    .field("size", site.size()).endObject();
        }
        j.name("frames").beginArray();
        for (Frame f : t.frames()) {
            FrameClass c = a.classOf(f.index());
            j.beginObject()
                    .field("index", f.index()).field("level", f.level()).field("function", f.function())
                    .field("offset", f.offset()).field("size", f.size()).field("address", f.address())
                    .field("stackAddress", f.stackAddress()).field("module", f.module())
                    .field("reliable", f.reliable()).field("context", f.context().id())
                    .field("source", f.source()).field("inlined", f.inlined())
                    .field("subsystem", c.subsystem()).field("stage", c.stage())
                    .endObject();
        }
        j.endArray();
        j.name("exceptions").beginArray();
        for (ExceptionFrame e : t.exceptions()) {
            j.beginObject().field("afterFrame", e.afterFrame()).field("kind", e.kind())
                    .field("function", e.function()).field("offset", e.offset());
            registers(j.name("registers"), e.registers());
            j.endObject();
        }
        j.endArray();
        registers(j.name("registers"), t.registers());
        j.name("journey").beginArray();
        for (JourneyStep s : a.journey().steps()) {
            j.beginObject().field("stage", s.stage()).field("direction", s.direction());
            j.name("frames").beginArray();
            s.frames().forEach(j::value);
            j.endArray().endObject();
        }
        j.endArray();
        j.name("diagnostics").beginArray();
        for (Diagnostic d : t.diagnostics()) {
            j.beginObject().field("line", d.line()).field("message", d.message()).field("text", d.text()).endObject();
        }
        j.endArray();
        j.endObject();
    }

    private static void registers(Json j, Map<String, String> regs) {
        j.beginObject();
        regs.forEach(j::field);
        j.endObject();
    }

    /** JSON string escaping one character at a time, as the contract asks for it. */
    private static String escapedOneByOne(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
