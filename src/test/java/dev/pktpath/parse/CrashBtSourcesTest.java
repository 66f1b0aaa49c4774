package dev.pktpath.parse;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CrashBtSources} gives a {@code bt -l} line's {@code file:line} with the text the character-keyed
 * cache gives, whatever the line number looks like (leading zeros, ten digits, past the direct tables)
 * and however many files and lines it has met; and the crash parser reads a source line in place as
 * the whole chain of patterns does. Source lines are written here in crash's {@code bt -l} format
 * ({@code /usr/src/linux/net/core/skbuff.c: 1234}, own samples).
 */
class CrashBtSourcesTest {

    /** What the parser hands over for the source line {@code line}: the arguments sourceInPlace works out. */
    private static String viaSources(CrashBtSources sources, String line) {
        int to = line.length();
        int digits = CrashBtShapes.digitsStart(line, 0, to);
        int colon = CrashBtShapes.sourceColon(line, 0, to);
        assertThat(colon).as(line).isPositive();
        return sources.source(line, 0, colon, line.substring(0, colon).hashCode(), digits, to);
    }

    @Test
    void givesTheTextOfTheLineWithoutTheBlanks() {
        CrashBtSources sources = new CrashBtSources();
        for (String line : List.of("/usr/src/linux/net/core/skbuff.c: 1234", "/usr/src/linux/net/core/skbuff.c:1234",
                "/usr/src/linux/net/core/skbuff.c: \t 1234", "/a.c: 0", "/a.c: 007", "/a.c: 7", "/a.c: 1234567890",
                "/a.c: 123456789", "/a.c: 65535", "/a.c: 65536", "/a.c: 999999", "net/ipv4/tcp.c: 12", "/a:b: 3")) {
            String expected = CrashBtShapes.sourceOf(line);
            assertThat(viaSources(sources, line)).as(line).isEqualTo(expected);
            // met again: the same shared copy
            assertThat(viaSources(sources, line)).as(line).isSameAs(viaSources(sources, line));
        }
        // 7 and 007 are different lines, and so are 1234 in two files
        assertThat(viaSources(sources, "/a.c: 007")).isEqualTo("/a.c:007");
        assertThat(viaSources(sources, "/a.c: 7")).isEqualTo("/a.c:7");
        assertThat(viaSources(sources, "/b.c: 1234")).isEqualTo("/b.c:1234");
    }

    @Test
    void manyFilesAndLinesStayRightPastTheTables() {
        CrashBtSources sources = new CrashBtSources();
        // more files than the file table takes (4,096 slots, half full at most), and more lines than the
        // direct tables hold (a million slots in all, 65,536 per file at most)
        for (int round = 0; round < 2; round++) {
            for (int f = 0; f < 2_500; f++) {
                for (int n : new int[] {f, 40_000 + f, 70_000 + f}) {
                    String line = "/src/f" + f + ".c: " + n;
                    assertThat(viaSources(sources, line)).isEqualTo("/src/f" + f + ".c:" + n);
                }
            }
        }
    }

    /** A frame line, then a made-up source line: the parser's fast path reads it as the patterns do. */
    @Property(tries = 2000)
    void sourceLinesInPlaceReadAsThePatterns(@ForAll @Chars({'/', 'a', 'c', 'h', 'S', 'r', 's', '.', ':', ' ', '\t', '0', '1',
            '2', '\u2028', '\u00e9', '\r'}) @StringLength(max = 16) String tail) {
        List<String> lines = List.of("PID: 1  TASK: ffff88003a13c000  CPU: 0  COMMAND: \"swapper\"",
                " #0 [ffff880028203518] dev_hard_start_xmit at ffffffff81421d2e", "    /" + tail,
                " #1 [ffff880028203528] tcp_ack at ffffffff81421d3e", "/" + tail + ":" + tail);
        CrashBtParser.Chunk general = parse(lines, false);
        assertThat(parse(lines, true)).as(String.join("|", lines)).isEqualTo(general);
    }

    private static CrashBtParser.Chunk parse(List<String> lines, boolean fast) {
        CrashBtParser p = new CrashBtParser(fast);
        BlockParse.forEachLine(String.join("\n", lines), 1, p::accept);
        return p.finish(Integer.MAX_VALUE, true);
    }
}
