package dev.pktpath.parse;

import dev.pktpath.bench.DumpGenerator;
import dev.pktpath.model.Task;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash parser's fast paths (lines of a known shape sent straight to the one pattern that reads
 * them, see {@link CrashBtShapes}) read every line as the whole chain of patterns does: the same
 * traces, frames, register blocks and diagnostics, over the corpus, a generated dump and random mixes
 * of real, cut and made-up lines.
 */
class CrashBtFastPathTest {
    private static final Path CORPUS = Path.of("../shared/corpus");
    private static final List<String> LINES = corpusLines();

    private static List<String> corpusLines() {
        List<String> lines = new ArrayList<>();
        for (String dir : List.of("crash-bt", "satyr", "syzkaller")) {
            try (Stream<Path> files = Files.list(CORPUS.resolve(dir))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    lines.addAll(DumpParser.splitLines(Files.readString(p, StandardCharsets.ISO_8859_1)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        lines.addAll(DumpParser.splitLines(InputReader.readSample()));
        return lines;
    }

    /** What a parser makes of {@code lines}, fed as {@link BlockParse} feeds it: positions in one block of text. */
    private static CrashBtParser.Chunk parse(List<String> lines, boolean fast) {
        CrashBtParser p = new CrashBtParser(fast);
        BlockParse.forEachLine(String.join("\n", lines), 1, p::accept);
        return p.finish(Integer.MAX_VALUE, true);
    }

    private static void assertSameBothWays(List<String> lines) {
        CrashBtParser.Chunk general = parse(lines, false);
        CrashBtParser.Chunk fast = parse(lines, true);
        assertThat(fast).isEqualTo(general);
    }

    @Test
    void corpusReadsTheSame() {
        assertSameBothWays(LINES);
        assertThat(parse(LINES, true).pieces()).hasSizeGreaterThan(30);
    }

    @Test
    void everyCorpusFileReadsTheSame() throws IOException {
        for (String dir : List.of("crash-bt", "satyr", "syzkaller")) {
            try (Stream<Path> files = Files.list(CORPUS.resolve(dir))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    assertSameBothWays(DumpParser.splitLines(Files.readString(p, StandardCharsets.ISO_8859_1)));
                }
            }
        }
    }

    @Test
    void generatedDumpReadsTheSame() throws IOException {
        StringWriter w = new StringWriter();
        new DumpGenerator(11).writeCrashForeach(w, 2_000_000);
        List<String> lines = DumpParser.splitLines(w.toString());
        assertSameBothWays(lines);
        // the fast paths were taken: the dump has stack words and source lines under frames, task headers
        assertThat(lines).anyMatch(l -> CrashBtShapes.isPlainStackWords(l.strip()));
        assertThat(lines).anyMatch(l -> l.strip().startsWith("/") && CrashBtShapes.sourceColon(l.strip(), 0, l.strip().length()) > 0);
        assertThat(lines).anyMatch(l -> TaskHeaderScanner.read(l.strip(), 0, l.strip().length(), NameCache.local()) != null);
        assertThat(lines).anyMatch(l -> l.strip().startsWith("RIP: ") && CrashBtRegisterBlock.open("[exception RIP: f]", 1)
                .offerPairs(l.strip(), 0, l.strip().length()));
    }

    @Provide
    Arbitrary<List<String>> mixes() {
        Arbitrary<String> real = Arbitraries.of(LINES);
        Arbitrary<String> cut = real.flatMap(l -> Arbitraries.integers().between(0, l.length()).map(n -> l.substring(0, n)));
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(1).ofMaxLength(18);
        Arbitrary<String> word = Arbitraries.strings().withChars("abcdefxyzCPUIRQ_./:[]()<>$-+ 0123456789").ofMaxLength(14);
        // near misses of the fast shapes: stack words with odd words, separators and tails
        Arbitrary<String> stackish = Combinators.combine(hex, Arbitraries.of(":", ": ", ":  ", " :", "::"),
                        hex.list().ofMinSize(0).ofMaxSize(4), Arbitraries.of("", " ", " x", " invalid address", ":", "]", " [m]"))
                .as((a, sep, words, tail) -> a + sep + String.join(" ", words) + tail);
        Arbitrary<String> sourceish = Combinators.combine(Arbitraries.of("/", "", "[", "$", "ra:", "epc ", "PSW:", "bt: ", "/a:", "a.c:", "/ ", ".", "x."),
                        word, Arbitraries.of(".c", ".h", ".rs", ".x", "", ".cpp", ".inc", ".S", ".cc:1", "/"),
                        Arbitraries.of(": ", ":", " : ", ":\t", "::", ":  "),
                        Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(6))
                .as((a, b, ext, sep, d) -> a + b + ext + sep + d);
        // near misses of the usual frame line: odd blanks, tabs, case, leading zeros, offsets, tails
        Arbitrary<String> frameish = Combinators.combine(Arbitraries.of("#", "#0", "#07", "#12", "# 3", "#4\t"),
                        Arbitraries.of(" ", "  ", "\t", " [ffff8800aa] ", " [FFFF8800AA]  ", " [<c0221a44>] ", " [12345678901234567] ", " [] "),
                        Arbitraries.of("tcp_ack", "tcp_ack+0x1a/0x30", "f+12", "f+0xffffffffffffffff", "f+99999999999999999999",
                                "g+", "h+1/", "x(via y)", "a\u00e9b", "entry_SYSCALL_64", ".ppc_fn", "el0_svc"),
                        Arbitraries.of(" at ", "  at ", " at  ", "\tat "),
                        Arbitraries.of("ffffffff81421d2e", "FFFFFFFF81421D2E", "c0000000001234", "12345678",
                                "90000000001234567", "ffffffffa02ecd5f"),
                        Arbitraries.of("", " [bnx2]", "  [bnx2]", " (unreliable)", " [a b]", " [bnx2] (unreliable)", " \t", " x",
                                "  (unreliable)", " [bnx2]  (unreliable)", " [bnx2](unreliable)", " [a b] (unreliable)",
                                " (unreliable) [bnx2]", " x (unreliable)", " (Unreliable)", " [] (unreliable)", " (via x) (unreliable)"))
                .as((a, b, c, d, e, f) -> a + b + c + d + e + f);
        // near misses of the usual task header: odd pids, addresses, CPUs, quoting and tails
        Arbitrary<String> taskish = Combinators.combine(Arbitraries.of("PID: ", "PID:", "PID:  ", "PID:\t"),
                        Arbitraries.of("0", "1234", "?", "12a", "0042", "1234567890123456789", "", "-1"),
                        Arbitraries.of("   TASK: ", " TASK:", "TASK: ", "  TASK:  ", "\tTASK: "),
                        Arbitraries.of("ffff88003a13c000", "FFFF88003A13C000", "c0a8d020", "1ffff88003a13c000", "", "xyz", "ffff\uff10\uff11"),
                        Arbitraries.of("  CPU: ", " CPU:", "CPU: ", "  CPU:  "),
                        Arbitraries.of("3", "-", "?", "1234567890", "12", "", "3x", "\u0663", "\u00e9"))
                .as((a, pid, b, task, c, cpu) -> a + pid + b + task + c + cpu)
                .flatMap(head -> Combinators.combine(Arbitraries.of("   COMMAND: ", " COMMAND:", "COMMAND: ", "  COMMAND:  ", " COMMAND:\t"),
                        Arbitraries.of("\"swapper/1\"", "\"a\"b\"", "\"\"", "\"x", "x", "\"x\" tail", "\"caf\u00e9\"", "?",
                                "\"kworker/0:1H\"", "\"a b\"", "\"\"\"", "\"", "12"))
                        .as((c, cmd) -> head + c + cmd));
        // register blocks whose lines are near misses of the usual pairs line (several lines in one string)
        Arbitrary<String> pair = Combinators.combine(
                        Arbitraries.of("RIP", "RAX", "ORIG_RAX", "X29", "R8", "rip", "Rip", "CSR crmd", "Syscall Result", "PSW",
                                "GPRS", "PID", "ABCDEF", "CS", "$1", "epc", "X9 ", "SP", "PSTATE", "R-1"),
                        Arbitraries.of(":", ": ", ":  ", " : ", ""),
                        Arbitraries.of("ffffffff8147a1e4", "0010", "FFFF88003A13BC40", "[<c0221a44>]", "0x10", "12x", "", "ff]"))
                .as((name, colon, value) -> name + colon + value);
        Arbitrary<String> pairsLine = Combinators.combine(Arbitraries.of("", " ", "    ", "\t"),
                        pair.list().ofMinSize(1).ofMaxSize(9), Arbitraries.of("  ", " ", "\t", "   "), Arbitraries.of("", " ", " x", "\t"))
                .as((indent, pairs, sep, tail) -> indent + String.join(sep, pairs) + tail);
        Arbitrary<String> registerBlock = Combinators.combine(
                        Arbitraries.of("    [exception RIP: tcp_ack+0x1a]", "[exception RIP: user space]", "LOWCORE INFO:",
                                "KERNEL-MODE EXCEPTION FRAME AT: ffff88003a13bc40", "PSW:  0704c00180000000 000000000011d2ea (tcp_ack+122)",
                                "GPRS: 0000000000000000 0000000000000001", "#1 [ffff8800aa] tcp_ack at ffffffff8147a1e4", ""),
                        pairsLine.list().ofMinSize(1).ofMaxSize(5))
                .as((header, lines) -> header + "\n" + String.join("\n", lines));
        // near misses of the stack marker
        Arbitrary<String> markerish = Combinators.combine(Arbitraries.of("---", "----", "--", "--- ", "---\t", "---  "),
                        Arbitraries.of("<", "< ", "<  ", "<\t", ""),
                        Arbitraries.of("IRQ stack", "NMI exception stack", "a>b", "", " ", "x<y", "soft IRQ", "caf\u00e9",
                                "Emergency Stack", "IRQ\tstack", ">", "a > b"),
                        Arbitraries.of(">", " >", ">  ", "\t>", ""),
                        Arbitraries.of("---", "----", " ---", "--- x", "-- -", "  ---", "\t---", "-"))
                .as((a, lt, name, gt, z) -> a + lt + name + gt + z);
        Arbitrary<String> noise = Arbitraries.strings().withChars("#[]<>():-+x0123456789abcdef PIDTASKCPU\t\"$/.").ofMaxLength(50);
        Arbitrary<String> indent = Arbitraries.of("", "  ", "\t", "    ");
        Arbitrary<String> line = Arbitraries.frequencyOf(Tuple.of(6, real), Tuple.of(2, cut), Tuple.of(3, stackish),
                Tuple.of(3, sourceish), Tuple.of(4, frameish), Tuple.of(3, taskish), Tuple.of(3, registerBlock), Tuple.of(2, markerish), Tuple.of(1, noise));
        return Combinators.combine(indent, line).as(String::concat).list().ofMaxSize(60);
    }

    @Property(tries = 3000)
    void sourceLinesReadAsThePatternReadsThem(@ForAll @net.jqwik.api.constraints.Chars({'/', 'a', 'c', 'h', 'S', 'r', 's', 'p',
            'i', 'n', '.', ':', ' ', '\t', '1', '2', '\u2028', 'é'}) @net.jqwik.api.constraints.StringLength(max = 16) String text) {
        java.util.regex.Matcher m = CrashBtGrammar.SOURCE_LINE.matcher(text);
        assertThat(CrashBtShapes.sourceOf(text)).isEqualTo(m.matches() ? m.group(1) + ":" + m.group(2) : null);
    }

    @Property(tries = 3000)
    void taskHeadersReadAsThePatternReadsThem(@ForAll("mixes") List<String> lines) {
        for (String line : lines) {
            String text = LineCleaner.cleanStripped(line);
            Task fast = TaskHeaderScanner.read(text, 0, text.length(), NameCache.local());
            if (fast != null) {
                java.util.regex.Matcher m = CrashBtGrammar.TASK_HEADER.matcher(text);
                assertThat(m.matches()).as(text).isTrue();
                assertThat(fast).as(text).isEqualTo(CrashBtParser.task(m));
            }
        }
    }

    @Test
    void taskHeaderSamples() {
        // the seed's shape and crash's unknown CPU, read by the scanner (not left to the pattern)
        String seed = "PID: 0      TASK: ffffffff81a8d020  CPU: 3   COMMAND: \"swapper\"";
        assertThat(TaskHeaderScanner.read(seed, 0, seed.length(), NameCache.local()))
                .isEqualTo(new Task(0L, "ffffffff81a8d020", 3, "swapper"));
        String odd = "PID: 4242  TASK: FFFF88003A13C000  CPU: -  COMMAND: \"a \"quoted\" name\"";
        assertThat(TaskHeaderScanner.read(odd, 0, odd.length(), NameCache.local()))
                .isEqualTo(new Task(4242L, "ffff88003a13c000", null, "a \"quoted\" name"));
        // shapes left to the pattern
        for (String other : List.of("PID: 1 TASK: ffff CPU: 1 COMMAND: swapper", "PID: 1 TASK: ffff CPU: 1 COMMAND: \"x\" (active)",
                "PID: 1 TASK: 1ffff88003a13c000 CPU: 1 COMMAND: \"x\"", "PID: 1 TASK: ffff CPU: 1 COMMAND: \"caf\u00e9\"")) {
            assertThat(TaskHeaderScanner.read(other, 0, other.length(), NameCache.local())).as(other).isNull();
        }
    }

    @Test
    void sourceLineSamples() {
        assertThat(CrashBtShapes.sourceOf("/usr/src/linux/net/core/skbuff.c: 1234")).isEqualTo("/usr/src/linux/net/core/skbuff.c:1234");
        assertThat(CrashBtShapes.sourceOf("net/ipv4/tcp.c:12")).isEqualTo("net/ipv4/tcp.c:12");
        assertThat(CrashBtShapes.sourceOf("/a:b:7")).isEqualTo("/a:b:7");
        assertThat(CrashBtShapes.sourceOf("tcp.x: 12")).isNull();
        assertThat(CrashBtShapes.sourceOf("/: 12")).isNull();
        assertThat(CrashBtShapes.sourceOf(".c: 12")).isNull();
    }

    @Property(tries = 1500)
    void anyMixReadsTheSame(@ForAll("mixes") List<String> lines) {
        assertSameBothWays(lines);
    }
}
