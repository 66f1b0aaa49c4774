package dev.pktpath.parse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A frame's stack data kept as one string reads back as the lines it was given and compares, hashes and
 * prints like {@code List.of} of them; and a trace's frames get their own lines whatever comes between
 * (crash's {@code bt -f} format, own samples).
 */
class CrashBtStackWordsTest {
    private static final String A = "ffff88012fd10440: 0000000000000002 ffffffff81421d2e";
    private static final String B = "ffff88012fd10450: ffff88003a13c000 0000000000000000";

    @Test
    void readsBackAsTheLines() {
        CrashBtStackWords words = new CrashBtStackWords(A + B + "x", new int[] {A.length(), A.length() + B.length(),
                A.length() + B.length() + 1});
        List<String> expected = List.of(A, B, "x");
        assertThat(words).containsExactlyElementsOf(expected);
        assertThat(words).isEqualTo(expected);
        assertThat(expected).isEqualTo(words);
        assertThat(words.hashCode()).isEqualTo(expected.hashCode());
        assertThat(words.toString()).isEqualTo(expected.toString());
        assertThat(words.get(1)).isEqualTo(B);
        assertThat(words).hasSize(3);
        assertThatThrownBy(() -> words.add("y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> words.set(0, "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> words.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> words.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void eachFrameGetsItsOwnLines() {
        List<String> lines = List.of("PID: 1  TASK: ffff88003a13c000  CPU: 0  COMMAND: \"swapper\"",
                " #0 [ffff88012fd10440] tcp_ack at ffffffff81421d2e",
                "    " + A,
                "    /usr/src/linux/net/ipv4/tcp_input.c: 3042",
                "    " + B,
                " #1 [ffff88012fd10460] tcp_rcv at ffffffff81421d3e",
                " #2 [ffff88012fd10470] ip_rcv at ffffffff81421d4e",
                "    " + B,
                " --- <IRQ stack> ---",
                "    " + A,
                "PID: 2  TASK: ffff88003a13c100  CPU: 1  COMMAND: \"kworker/1:0\"",
                " #0 [ffff88012fd10440] schedule at ffffffff81421d5e",
                "    " + A);
        for (boolean fast : new boolean[] {true, false}) {
            CrashBtParser p = new CrashBtParser(fast);
            BlockParse.forEachLine(String.join("\n", lines), 1, p::accept);
            List<CrashBtParser.Piece> pieces = p.finish(Integer.MAX_VALUE, true).pieces();
            assertThat(pieces).hasSize(2);
            var first = pieces.get(0).trace().frames();
            assertThat(first.get(0).stackData()).containsExactly(A, B);
            assertThat(first.get(0).source()).isEqualTo("/usr/src/linux/net/ipv4/tcp_input.c:3042");
            assertThat(first.get(1).stackData()).isEmpty();
            assertThat(first.get(2).stackData()).containsExactly(B, A);
            assertThat(first.get(2).context()).isEqualTo(dev.pktpath.model.StackContext.IRQ);
            assertThat(pieces.get(1).trace().frames().get(0).stackData()).containsExactly(A);
        }
    }
}
