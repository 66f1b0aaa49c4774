package dev.pktpath.parse;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BlockParse#forEachLine} (indexOf for LF and CR) splits as the one-character-at-a-time loop it replaced. */
class LineSplitTest {
    private static List<String> lines(String text, boolean byChar) {
        List<String> out = new ArrayList<>();
        BlockParse.LineVisitor v = (no, t, from, to) -> out.add(no + ":" + t.substring(from, to));
        if (byChar) {
            forEachLineByChar(text, 7, v);
        } else {
            BlockParse.forEachLine(text, 7, v);
        }
        return out;
    }

    @Property(tries = 3000)
    void splitsAsTheCharacterLoop(@ForAll @Chars({'a', 'b', '\r', '\n', ' '}) @StringLength(max = 40) String text) {
        assertThat(lines(text, false)).isEqualTo(lines(text, true));
    }

    @Property(tries = 3000)
    void countsAsManyLinesAsItSplits(@ForAll @Chars({'a', '\r', '\n'}) @StringLength(max = 40) String text) {
        assertThat(BlockParse.countLines(text)).isEqualTo(lines(text, true).size());
    }

    @Test
    void lfCrlfAndLoneCr() {
        assertThat(lines("a\nb\r\nc\rd\r\r\ne\n\rf\r", false))
                .containsExactly("7:a", "8:b", "9:c", "10:d", "11:", "12:e", "13:", "14:f");
    }

    /** {@link BlockParse#forEachLine} as it was written first, one character at a time: the reference. */
    private static void forEachLineByChar(String text, int firstLine, BlockParse.LineVisitor out) {
        int start = 0;
        int no = firstLine;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.line(no++, text, start, i);
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            out.line(no, text, start, n);
        }
    }
}
