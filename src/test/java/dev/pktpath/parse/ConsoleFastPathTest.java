package dev.pktpath.parse;

import dev.pktpath.bench.DumpGenerator;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.Trace;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console parser's hand-written readings (frame lines read in place, header lookup by first letter)
 * give what the grammar's patterns give: {@code new OopsParser(false)} reads every frame through
 * {@link OopsGrammar#FRAME}, and both must build the same traces and outside lines over the corpus, a
 * generated log, and random frame-like lines.
 */
class ConsoleFastPathTest {
    private static final Path CORPUS = Path.of("../shared/corpus");

    static List<String> corpusTexts() throws IOException, ParseException {
        List<String> out = new ArrayList<>();
        for (String dir : List.of("syzkaller", "satyr")) {
            try (Stream<Path> s = Files.list(CORPUS.resolve(dir))) {
                for (Path p : s.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().matches(".*\\.(src|md|tsv)$")).sorted().toList()) {
                    out.add(InputReader.read(p.toString(), null, true));
                }
            }
        }
        return out;
    }

    private record Read(List<Trace> traces, List<Diagnostic> outside) {
    }

    private static Read read(String text, boolean fast) {
        OopsParser p = new OopsParser(fast);
        int no = 1;
        for (String raw : DumpParser.splitLines(text)) {
            p.accept(new SourceLine(no++, LineCleaner.clean(raw)));
        }
        return new Read(p.drainAll(), p.takeOutside());
    }

    private static void assertFastIsGeneral(String text) {
        Read general = read(text, false);
        Read fast = read(text, true);
        assertThat(fast.traces()).hasSameSizeAs(general.traces());
        for (int i = 0; i < general.traces().size(); i++) {
            assertThat(fast.traces().get(i)).as("trace %d", i + 1).isEqualTo(general.traces().get(i));
        }
        assertThat(fast.outside()).isEqualTo(general.outside());
    }

    @Test
    void everyCorpusReportReadsTheSameEitherWay() throws IOException, ParseException {
        List<String> texts = corpusTexts();
        assertThat(texts).hasSizeGreaterThan(400);
        int frames = 0;
        for (String text : texts) {
            assertFastIsGeneral(text);
            frames += read(text, false).traces().stream().mapToInt(t -> t.frames().size()).sum();
        }
        assertThat(frames).isGreaterThan(10_000);
    }

    @Test
    void aGeneratedLogReadsTheSameEitherWay() throws IOException {
        StringWriter w = new StringWriter();
        new DumpGenerator(5).writeConsoleLog(w, 1_000_000);
        assertFastIsGeneral(w.toString());
    }

    /** Each line of {@code text} read in place in the text, as {@link BlockParse} feeds a block. */
    private static Read readInPlace(String text) {
        OopsParser p = new OopsParser();
        BlockParse.forEachLine(text, 1, p::accept);
        return new Read(p.drainAll(), p.takeOutside());
    }

    /** Each line of {@code text} copied out and cleaned first: the reading {@link #readInPlace} is held to. */
    private static Read readCopied(String text) {
        OopsParser p = new OopsParser();
        BlockParse.forEachLine(text, 1, (no, t, from, to) -> p.accept(no, LineCleaner.clean(t.substring(from, to))));
        return new Read(p.drainAll(), p.takeOutside());
    }

    private static void assertInPlaceIsCopied(String text) {
        Read copied = readCopied(text);
        Read inPlace = readInPlace(text);
        assertThat(inPlace.traces()).hasSameSizeAs(copied.traces());
        for (int i = 0; i < copied.traces().size(); i++) {
            assertThat(inPlace.traces().get(i)).as("trace %d", i + 1).isEqualTo(copied.traces().get(i));
        }
        assertThat(inPlace.outside()).isEqualTo(copied.outside());
    }

    @Test
    void everyCorpusReportReadsTheSameInPlaceAsCopiedOut() throws IOException, ParseException {
        for (String text : corpusTexts()) {
            assertInPlaceIsCopied(text);
        }
    }

    @Test
    void aGeneratedLogReadsTheSameInPlaceAsCopiedOut() throws IOException {
        StringWriter w = new StringWriter();
        new DumpGenerator(7).writeConsoleLog(w, 1_000_000);
        assertInPlaceIsCopied(w.toString());
    }

    /** Random lines of prefixes, frames, headers, glued stamps, tabs, quoting and control characters, in one text. */
    @Property(tries = 1000)
    void randomLogsReadTheSameInPlaceAsCopiedOut(@ForAll("consoleLogs") String text) {
        assertInPlaceIsCopied(text);
    }

    @Provide
    Arbitrary<String> consoleLogs() {
        Arbitrary<String> prefix = Arbitraries.of("", "[   12.345678] ", "[   12.345678][ T123] ", "[   12.345679][ T124] ",
                "<4>[    7.053000] ", "Nov  9 10:00:00 host kernel: ", "[Thu Nov 26 04:20:32 2026] ", "> ", " > ",
                "2018/01/09 14:28:48 ", "** 12 printk messages dropped ** ", "syzkaller login: ", "\t", "\u001B[1m", "[ T5] ");
        Arbitrary<String> message = Arbitraries.of("BUG: kernel NULL pointer dereference", "Call Trace:", " <IRQ>",
                " dump_stack+0x194/0x257", " ? tcp_ack+0x1a/0x30 [bnx2]", "RIP: 0010:skb_clone+0x1a/0x30",
                "RAX: 0000000000000000 RBX: ffff888100a4c000", "CPU: 1 PID: 42 Comm: sh Not tainted 6.1.0 #1",
                "---[ end trace 0000000000a21a80 ]---", "Oops: 0000 [#1] SMP", "x[ 1.123456] y", "]", "[", "",
                "  ", "text\u00e9", "\u0007bell", "crlf\r", "lone\rcr", " f+0x1/0x2[   13.000001] BUG: glued", "WARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2");
        Arbitrary<String> line = net.jqwik.api.Combinators.combine(prefix, message).as((a, b) -> a + b);
        return line.list().ofMaxSize(30).map(l -> String.join("\n", l));
    }

    /** The module of a frame line's tail read by hand is the one {@link OopsGrammar#FRAME_MODULE} finds. */
    @Property(tries = 3000)
    void aTailsModuleReadByHandIsThePatterns(@ForAll("tails") String tail) {
        String line = "tcp_ack+0x1a/0x30" + tail;
        assertThat(OopsReport.moduleAt(line, 17, line.length())).as(tail)
                .isEqualTo(OopsReport.moduleIn(tail));
    }

    @Provide
    Arbitrary<String> tails() {
        return Arbitraries.oneOf(
                Arbitraries.of(" [bnx2]", " [tcp_mod] net/ipv4/tcp_output.c:1400", " []", " [a b]", "[x]", " \t[x-y_9]",
                        "\u000b[m]", "\u00a0[m]", " [m", " [m] (unreliable)", " [\u00e9]", ""),
                Arbitraries.strings().withChars(" \t\n\u000b\f\r[]ab_-9.\u00e9\u2003").ofMaxLength(10));
    }

    /** A line's crash mark judged in place in its text is the mark of the line copied out and cleaned. */
    @Property(tries = 3000)
    void crashMarksJudgedInPlaceAreThoseOfTheCleanedLine(@ForAll("markLines") List<String> lines) {
        String text = String.join("\n", lines);
        BlockParse.forEachLine(text, 1, (no, t, from, to) -> assertThat(DumpParser.isCrashMark(t, from, to))
                .as(t.substring(from, to)).isEqualTo(DumpParser.isCrashMark(LineCleaner.clean(t.substring(from, to)))));
    }

    @Provide
    Arbitrary<List<String>> markLines() {
        Arbitrary<String> lead = Arbitraries.of("", " ", "\t", "  \t", "> ", "\u2003", "\u001c", "\u001B[1m");
        Arbitrary<String> body = Arbitraries.of("#3 [ffff880028203110] crash_kexec at ffffffff810b7f05",
                "#3 [<c0123456>] (f) from [<c0123457>]", "PID: 1234  TASK: ffff8801  CPU: 3   COMMAND: \"sh\"", "PID:",
                "PID: ?  TASK:", "KERNEL-MODE EXCEPTION FRAME AT: ffff", "USER-MODE INTERRUPT FRAME", "KERNEL-MODE ",
                "[exception RIP: skb_clone+208]", "[exception ", "[   12.345678] BUG: x", "#", "P", "[", "U", "K", "x");
        return net.jqwik.api.Combinators.combine(lead, body).as((a, b) -> a + b).list().ofMaxSize(6);
    }

    /** The month test letter by letter answers as a look-up in the list of months, for every three letters of a-z, A-Z. */
    @Test
    void monthsAreThoseOfTheList() {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int months = 0;
        for (char a : letters.toCharArray()) {
            for (char b : letters.toCharArray()) {
                for (char c : letters.toCharArray()) {
                    String s = "" + a + b + c + " ";
                    boolean listed = ConsolePrefix.MONTHS.contains(s.substring(0, 3));
                    assertThat(ConsolePrefix.isMonth(s, 0, 4)).as(s).isEqualTo(listed);
                    assertThat(ConsolePrefix.isMonth(s, 0, 2)).as(s).isFalse();
                    months += listed ? 1 : 0;
                }
            }
        }
        assertThat(months).isEqualTo(12);
    }

    @Test
    void everyCorpusFrameLineHasThePatternsGroups() throws IOException, ParseException {
        int lines = 0;
        for (String text : corpusTexts()) {
            for (String raw : DumpParser.splitLines(text)) {
                String t = ConsolePrefix.strip(LineCleaner.clean(raw)).text().strip();
                if (t.contains("+0x")) {
                    assertThat(OopsReport.frameGroups(t)).as(t).isEqualTo(OopsReport.generalFrameGroups(t));
                    lines++;
                }
            }
        }
        assertThat(lines).isGreaterThan(10_000);
    }

    @Test
    void everyCorpusLineIsStrippedAndSplitAsBefore() throws IOException, ParseException {
        int glued = 0;
        for (String text : corpusTexts()) {
            for (String raw : DumpParser.splitLines(text)) {
                glued += assertPrefixReadingsAgree(LineCleaner.clean(raw)) ? 1 : 0;
            }
        }
        assertThat(glued).isPositive();
    }

    @Property(tries = 3000)
    void randomConsoleLinesAreStrippedAndSplitAsBefore(@ForAll("consoleLines") String line) {
        assertPrefixReadingsAgree(line);
    }

    /**
     * {@link ConsolePrefix#stripMessage} is {@link ConsolePrefix#strip} then {@link String#strip}, and
     * {@link OopsParser#firstGlue} finds a split exactly when {@link OopsParser#unglue} makes one; true when glued.
     */
    private static boolean assertPrefixReadingsAgree(String line) {
        ConsolePrefix.Stripped general = ConsolePrefix.strip(line);
        ConsolePrefix.Stripped fast = ConsolePrefix.stripMessage(line);
        assertThat(fast).as(line).isEqualTo(new ConsolePrefix.Stripped(general.text().strip(), general.caller(), general.prefixed()));
        boolean glued = OopsParser.unglue(new SourceLine(1, line)).size() > 1;
        assertThat(OopsParser.firstGlue(line) >= 0).as(line).isEqualTo(glued);
        return glued;
    }

    @Provide
    Arbitrary<String> consoleLines() {
        Arbitrary<String> part = Arbitraries.of("[   12.345678]", "[   12.345678][ T123]", "[ T1]", "<4>", "<12>", " ", "  ",
                "\t", "\u00a0", "\u2003", "\u000b", "Mar  3 10:00:00 host kernel: ", "2018/01/09 14:28:48 ",
                "** 12 printk messages dropped ** ", "syzkaller login: ", "[Thu Nov 26 04:20:32 2026]", "BUG: x", " f+0x1/0x2",
                "text", "]", "[", "[1.123456]", "x[ 1.123456] y", "\ud83d\ude00");
        return part.list().ofMaxSize(8).map(l -> String.join("", l));
    }

    /**
     * A syslog prefix whose host holds a control character before {@code kernel: }: read raw, the prefix ends
     * at the second {@code kernel: } and leaves a frame line; cleaned (the BEL removed), at the first, and the
     * message is {@code a kernel: f+0x1/0x2}, no frame. Written here after syslog's format.
     */
    private static final String CONTROL_IN_PREFIX = "Mar  3 10:00:00 host \u0007kernel: a kernel: ";

    @Test
    void aControlCharacterInAPrefixSendsTheLineToTheCleaner() {
        String text = "BUG: unable to handle page fault for address: ffffc90000a1b000\nCall Trace:\n"
                + CONTROL_IN_PREFIX + "f+0x1/0x2\ng+0x1/0x2\n";
        Read general = read(text, false);
        assertThat(general.traces()).hasSize(1);
        assertThat(general.traces().get(0).frames()).extracting(f -> f.function()).containsExactly("g");
        assertThat(readInPlace(text)).isEqualTo(general);
        assertThat(read(text, true)).isEqualTo(general);
    }

    @Property(tries = 2000)
    void randomFrameLinesReadTheSameEitherWay(@ForAll("frameLines") List<String> stack) {
        String text = "BUG: unable to handle page fault for address: ffffc90000a1b000\nCall Trace:\n"
                + String.join("\n", stack) + "\n";
        assertFastIsGeneral(text);
        // and each line read in place in the text (OopsParser.readFrameInPlace, after a printable check of its own)
        Read inPlace = readInPlace(text);
        Read general = read(text, false);
        assertThat(inPlace.traces()).isEqualTo(general.traces());
        assertThat(inPlace.outside()).isEqualTo(general.outside());
        for (String line : stack) {
            String t = line.strip();
            assertThat(OopsReport.frameGroups(t)).isEqualTo(OopsReport.generalFrameGroups(t));
        }
    }

    /** Frame lines and near misses: odd names, long or missing hex, tails, ppc64 dots, non-ASCII. */
    @Provide
    Arbitrary<List<String>> frameLines() {
        Arbitrary<String> name = Arbitraries.oneOf(
                Arbitraries.of("tcp_ack", ".eeh_dev_check_failure", "_", ".", "$x", "a.b:c", "9bad", "é_x", "f",
                        // names a header, a register tag or a marker starts with
                        "Oops_x", "BUG:x", "Oops", "RIPx", "IP:x", "pc", "lr", "Krnl", "INFO:", "divide_error"),
                Arbitraries.strings().withChars("ab_.$:9+/x ").ofMinLength(1).ofMaxLength(8));
        Arbitrary<String> hex = Arbitraries.oneOf(
                Arbitraries.of("1a", "0", "ffffffffffffffff", "fffffffffffffff", "10000000000000000", "FfA", ""),
                Arbitraries.strings().withChars("0123456789abcdefABCDEFg").ofMaxLength(18));
        Arbitrary<String> tail = Arbitraries.of("", " [bnx2]", " (unreliable)", " net/core/dev.c:12", " [inline]",
                " (inlined)", " [tcp_mod] net/ipv4/tcp_output.c:1400", "\u00e9", " \t[x]", "x", " [", " [a-b_9]",
                "  [bnx2]", " [bnx2] x", " []", " [bnx2]]", " [inlined]", "\t", " \u0007", "\u0085", " [bn\tx2]");
        Arbitrary<String> lead = Arbitraries.of("", " ", "? ", "?", " ? ", "[<ffffffff81041234>] ", "<IRQ> ",
                "[   12.345678]  ", "[   12.345678][ T12]  ? ", "<4>[    7.053000]  ", "[ T12] ", "\t",
                "\u001B[1m[   12.345678]  ", "[   12.345678]\u0007 ", "[  12.3\u00e9] ", "> [   12.345678]  ",
                CONTROL_IN_PREFIX);
        Arbitrary<String> line = net.jqwik.api.Combinators.combine(lead, name, Arbitraries.of("+0x", "+0X", "+"), hex,
                Arbitraries.of("/0x", "/", "/0x"), hex, tail)
                .as((l, n, p, o, s, z, t) -> l + n + p + o + s + z + t);
        return line.list().ofMinSize(1).ofMaxSize(6);
    }
}
