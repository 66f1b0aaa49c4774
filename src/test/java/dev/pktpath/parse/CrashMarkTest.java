package dev.pktpath.parse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw line's crash mark, judged by its first characters in place ({@link DumpParser#isCrashMark(String,
 * int, int)}), is the mark of the line cleaned, also when cleaning changes what the line starts with:
 * escape sequences, control characters and tabs inside a mark's literal, mail quoting, Unicode blanks.
 */
class CrashMarkTest {
    private static final String[] MARKS = {"#3 [ffff880028203110] crash_kexec at ffffffff810b7f05",
            "PID: 1234  TASK: ffff8801  CPU: 3   COMMAND: \"sh\"", "KERNEL-MODE EXCEPTION FRAME AT: ffff",
            "USER-MODE INTERRUPT FRAME AT: 1", "[exception RIP: skb_clone+208]", "[   12.345678] BUG: x", "x PID: 1 TASK:"};
    private static final String[] INSERTS = {"\u001B[1m", "\u001B[0m", "\u0007", "\t", "\u0000", "\u009B1m", " ", "\u00e9", "> "};

    private static boolean inPlace(String line) {
        String text = "x\n" + line + "\ny";
        return DumpParser.isCrashMark(text, 2, 2 + line.length());
    }

    private static boolean cleaned(String line) {
        return DumpParser.isCrashMark(LineCleaner.clean(line));
    }

    @Provide
    Arbitrary<String> marks() {
        return Arbitraries.of(MARKS);
    }

    @Provide
    Arbitrary<String> inserts() {
        return Arbitraries.of(INSERTS);
    }

    @Property(tries = 5000)
    void judgedInPlaceAsCleaned(@ForAll("marks") String mark, @ForAll("inserts") String insert,
                                @ForAll @IntRange(max = 14) int at, @ForAll @IntRange(max = 3) int blanks) {
        String line = " \t".repeat(blanks) + mark.substring(0, Math.min(at, mark.length())) + insert
                + mark.substring(Math.min(at, mark.length()));
        assertThat(inPlace(line)).as(line).isEqualTo(cleaned(line));
    }

    @Test
    void marksHiddenByEscapesAreFound() {
        assertThat(inPlace("[\u001B[1mexception RIP: skb_clone+208]")).isTrue();
        assertThat(inPlace("PI\u0007D: 1234  TASK: ffff8801  CPU: 3   COMMAND: \"sh\"")).isTrue();
        assertThat(inPlace("KERNEL-MODE\tEXCEPTION FRAME AT: ffff")).isTrue();
        assertThat(inPlace("> #3 [ffff880028203110] crash_kexec at ffffffff810b7f05")).isTrue();
        assertThat(inPlace("[   12.345678] BUG: x")).isFalse();
        assertThat(inPlace("  \t ")).isFalse();
        assertThat(inPlace("")).isFalse();
    }
}
