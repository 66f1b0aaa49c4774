package dev.pktpath.cli;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.FrameFilter;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.bench.DumpGenerator;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import dev.pktpath.render.JourneyJson;
import dev.pktpath.render.JourneyRenderer;
import dev.pktpath.render.JsonRenderer;
import dev.pktpath.render.Sanitizer;
import dev.pktpath.render.TextRenderer;
import dev.pktpath.testing.CorpusFiles;
import dev.pktpath.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code print} and {@code journey} print traces as they are read; what they print must be what the
 * whole-dump renderers print for the parsed dump, byte for byte, for every corpus file. The expected
 * text here is built the way the commands built it before streaming: parse it all, analyse it all,
 * render the list.
 */
class StreamedOutputTest {
    private static final Analyzer ANALYZER = Analyzer.builtIn();

    static Stream<Path> corpus() {
        return CorpusFiles.stream();
    }

    private static Dump parse(Path p) {
        try {
            return new DumpParser().parse(p.toString(), InputReader.read(p.toString(), null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void printWritesWhatTheWholeDumpRenderersWrite(Path file) throws Exception {
        String name = file.toString();
        Dump dump = parse(file);
        List<TraceAnalysis> all = ANALYZER.analyzeAll(dump.traces());
        if (all.isEmpty()) {
            for (String[] args : List.of(new String[]{"print"}, new String[]{"print", "--json"},
                    new String[]{"journey"}, new String[]{"journey", "--json"})) {
                InProcessCli.Result r = InProcessCli.runAsMain(concat(args, name));
                assertThat(r.status()).isEqualTo(1);
                assertThat(r.out()).as("nothing half-written on stdout").isEmpty();
                assertThat(r.err()).isEqualTo("pktpath-tui: " + name + ": no backtrace found" + System.lineSeparator());
            }
            return;
        }
        assertThat(InProcessCli.runAsMain("print", name).out()).isEqualTo(new TextRenderer().render(all, null));
        assertThat(InProcessCli.runAsMain("print", "--json", name).out()).isEqualTo(new JsonRenderer().render(name, all));
    }

    /** Every fourth corpus file: enough variety for journey and the options, at a quarter of the time. */
    static Stream<Path> someOfTheCorpus() throws IOException {
        List<Path> all = corpus().toList();
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 4) {
            out.add(all.get(i));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("someOfTheCorpus")
    void journeyFiltersAndOneTraceWriteWhatTheWholeDumpRenderersWrite(Path file) throws Exception {
        String name = file.toString();
        List<TraceAnalysis> all = ANALYZER.analyzeAll(parse(file).traces());
        if (all.isEmpty()) {
            return;
        }
        assertThat(InProcessCli.runAsMain("journey", "--width", "80", name).out()).isEqualTo(new JourneyRenderer(80, false).render(all, all.size()));
        assertThat(InProcessCli.runAsMain("journey", "--json", name).out()).isEqualTo(new JourneyJson().render(name, all));
        assertThat(InProcessCli.runAsMain("print", "--subsystem", "net", name).out()).isEqualTo(filteredText(all, "net"));
        assertThat(InProcessCli.runAsMain("print", "--json", "--subsystem", "!fault", name).out()).isEqualTo(filteredJson(name, all, "!fault"));
        assertThat(InProcessCli.runAsMain("journey", "--ascii", "--width", "50", name).out())
                .isEqualTo(new JourneyRenderer(50, true).render(all, all.size()));

        int n = all.size();
        List<TraceAnalysis> last = List.of(all.get(n - 1));
        assertThat(InProcessCli.runAsMain("print", "--trace", String.valueOf(n), name).out()).isEqualTo(new TextRenderer().render(last, null));
        assertThat(InProcessCli.runAsMain("print", "--json", "--trace", String.valueOf(n), name).out()).isEqualTo(new JsonRenderer().render(name, last));
        assertThat(InProcessCli.runAsMain("journey", "--width", "80", "--trace", String.valueOf(n), name).out())
                .isEqualTo(new JourneyRenderer(80, false).render(last, n));
        InProcessCli.Result beyond = InProcessCli.runAsMain("print", "--json", "--trace", String.valueOf(n + 1), name);
        assertThat(beyond.status()).isEqualTo(1);
        assertThat(beyond.out()).isEmpty();
        assertThat(beyond.err()).contains("no trace " + (n + 1) + " (it has " + n + ")");
    }

    /** Beyond the traces held back to count them, text headers leave out the total; JSON is unchanged. */
    @Test
    void aDumpTooBigToHoldBackPrintsItsHeadersWithoutTheTotal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("foreach.txt");
        try (var w = Files.newBufferedWriter(file)) {
            new DumpGenerator(7).writeCrashForeach(w, 2_000_000);
        }
        String name = file.toString();
        List<TraceAnalysis> all = ANALYZER.analyzeAll(parse(file).traces());
        assertThat(all.size()).isGreaterThan(TracePrinter.HOLD_TRACES);

        String text = InProcessCli.runAsMain("print", name).out();
        StringBuilder expected = new StringBuilder();
        TextRenderer.Stream s = new TextRenderer.Stream(expected);
        for (TraceAnalysis a : all) {
            s.add(new TextRenderer().trace(a, TextRenderer.COUNT_UNKNOWN, null));
        }
        assertThat(text).isEqualTo(expected.toString()).startsWith("trace 1  PID ");
        assertThat(text).contains("\ntrace " + all.size() + "  PID ").doesNotContain("trace 1/");

        assertThat(InProcessCli.runAsMain("print", "--json", name).out()).isEqualTo(new JsonRenderer().render(name, all));
        // --trace N prints "N/1" as before: the count is that of the traces printed
        assertThat(InProcessCli.runAsMain("print", "--trace", "1500", name).out()).isEqualTo(new TextRenderer().render(List.of(all.get(1499)), null));

        String journey = InProcessCli.runAsMain("journey", "--ascii", "--width", "80", name).out();
        JourneyRenderer jr = new JourneyRenderer(80, true);
        StringBuilder ej = new StringBuilder();
        JourneyRenderer.Stream js = jr.new Stream(ej, true);
        for (TraceAnalysis a : all) {
            js.add(a.trace().id(), js.drawn(a) ? jr.trace(a, TextRenderer.COUNT_UNKNOWN) : null);
        }
        js.end();
        assertThat(journey).isEqualTo(ej.toString()).contains(" without networking frames: ");
        assertThat(journey.lines().filter(l -> l.matches("trace \\d+  .*")).count()).isPositive();
    }

    @Test
    void nothingIsWrittenForAnInputWithoutABacktrace(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "just some text\nno backtrace here\n");
        for (String cmd : List.of("print", "journey")) {
            for (boolean json : List.of(false, true)) {
                InProcessCli.Result r = json ? InProcessCli.runAsMain(cmd, "--json", file.toString()) : InProcessCli.runAsMain(cmd, file.toString());
                assertThat(r.status()).isEqualTo(1);
                assertThat(r.out()).isEmpty();
                assertThat(r.err().strip()).isEqualTo("pktpath-tui: " + file + ": no backtrace found");
            }
        }
    }

    /** The old {@code print --subsystem} text: hidden frames counted in place, a last line summing up. */
    private static String filteredText(List<TraceAnalysis> all, String query) throws Exception {
        FrameFilter filter = FrameFilter.parse(query, ANALYZER.rules().subsystems());
        IntPredicate[] visible = new IntPredicate[all.size()];
        int shown = 0;
        int total = 0;
        for (int i = 0; i < all.size(); i++) {
            visible[i] = filter.visibleFrames(all.get(i));
            for (Frame f : all.get(i).trace().frames()) {
                shown += visible[i].test(f.index()) ? 1 : 0;
                total++;
            }
        }
        String where = all.size() == 1 && shown < total ? "  (" + PrintCommand.hiddenRanges(all.get(0), visible[0]) + ")" : "";
        return new TextRenderer().render(all, visible) + String.format("%nfilter '%s': %d of %d frame%s shown, %d hidden%s%n",
                Sanitizer.clean(filter.text()), shown, total, total == 1 ? "" : "s", total - shown, where);
    }

    /** The old {@code print --json --subsystem}: each trace's frames cut to the shown ones. */
    private static String filteredJson(String name, List<TraceAnalysis> all, String query) throws Exception {
        FrameFilter filter = FrameFilter.parse(query, ANALYZER.rules().subsystems());
        List<TraceAnalysis> kept = new ArrayList<>();
        for (TraceAnalysis a : all) {
            IntPredicate v = filter.visibleFrames(a);
            Trace t = a.trace();
            List<Frame> frames = t.frames().stream().filter(f -> v.test(f.index())).toList();
            kept.add(new TraceAnalysis(new Trace(t.id(), t.format(), t.arch(), t.task(), t.headline(), t.ip(), frames,
                    t.exceptions(), t.registers(), t.diagnostics(), t.firstLine(), t.lastLine()),
                    a.naming(), a.frameClasses(), a.journey()));
        }
        return new JsonRenderer().render(name, kept);
    }


    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
