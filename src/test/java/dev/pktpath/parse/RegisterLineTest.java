package dev.pktpath.parse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RegisterLine#parse} cuts words by hand; {@link RegisterLine#parseGeneral} splits on the regex it
 * replaced. The two must agree on every line: every line of the console corpus (as read, and as the
 * oops grammar sees it after the console prefix) and random register-like lines.
 */
class RegisterLineTest {
    @Test
    void handCutAndRegexSplitAgreeOnEveryCorpusLine() throws IOException, ParseException {
        int registers = 0;
        int lines = 0;
        for (String dir : List.of("syzkaller", "satyr", "crash-bt")) {
            try (Stream<Path> s = Files.list(Path.of("../shared/corpus").resolve(dir))) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    for (String raw : DumpParser.splitLines(InputReader.read(p.toString(), null, true))) {
                        String message = ConsolePrefix.strip(LineCleaner.clean(raw)).text().strip();
                        for (String line : List.of(raw, message)) {
                            Map<String, String> general = RegisterLine.parseGeneral(line);
                            assertThat(RegisterLine.parse(line)).as(line).isEqualTo(general);
                            registers += general == null ? 0 : 1;
                            lines++;
                        }
                    }
                }
            }
        }
        // the corpus does exercise both answers
        assertThat(registers).isGreaterThan(500);
        assertThat(lines - registers).isGreaterThan(10_000);
    }

    @Test
    void theUsualShapes() {
        assertThat(RegisterLine.parse("RSP: 0018:ffff8801d8a0f4f8 EFLAGS: 00010246"))
                .containsExactly(Map.entry("RSP", "ffff8801d8a0f4f8"), Map.entry("EFLAGS", "00010246"));
        assertThat(RegisterLine.parse("r10: 00000000  r9 : df8a0000  r8 : 00000000"))
                .containsExactly(Map.entry("R10", "00000000"), Map.entry("R9", "df8a0000"), Map.entry("R8", "00000000"));
        assertThat(RegisterLine.parse("pstate: 60400005 (nZCv daif +PAN -UAO)")).containsExactly(Map.entry("PSTATE", "60400005"));
        assertThat(RegisterLine.parse("Code: 48 89 e5 41 57")).isNull();
        assertThat(RegisterLine.parse("Hardware name: QEMU Standard PC (i440FX + PIIX, 1996)")).isNull();
    }

    @Property(tries = 3000)
    void handCutAndRegexSplitAgreeOnRandomLines(@ForAll("registerish") String line) {
        assertThat(RegisterLine.parse(line)).isEqualTo(RegisterLine.parseGeneral(line));
    }

    @Provide
    Arbitrary<String> registerish() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("RAX:", "RSP:", "x29:", "r9", ":", "0018:ffff8801d8a0f4f8", "00010246", "(nZCv", "daif",
                        "-UAO)", "<SF,EE>", "[<c0234a10>]", "0x1f", "Code:", "name:", "FS:", "00007f5c(0000)", "GS:ffff88021fc00000(0000)",
                        "", "zz", "a:b", ":x", "ffffffffffffffff1"),
                Arbitraries.strings().withChars("aRx9:()<>[] \t\u000b\u00a0\u001cf0").ofMaxLength(6));
        Arbitrary<String> gap = Arbitraries.of(" ", "  ", "\t", " \t ", "\u000b", "\u00a0", "\u001c", "");
        return Arbitraries.oneOf(word, gap).list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
