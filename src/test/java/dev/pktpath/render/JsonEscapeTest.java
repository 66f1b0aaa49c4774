package dev.pktpath.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Strings from a dump are escaped wherever the escape falls: at the start, in the middle, at the end. */
class JsonEscapeTest {
    private static String quoted(String s) {
        StringBuilder b = new StringBuilder();
        new Json(b).value(s);
        return b.toString();
    }

    @Test
    void plainStringsAreWrittenAsTheyAre() {
        assertThat(quoted("tcp_v4_rcv")).isEqualTo("\"tcp_v4_rcv\"");
        assertThat(quoted("")).isEqualTo("\"\"");
        assertThat(quoted("caf\u00e9 \u2192 ok")).isEqualTo("\"caf\u00e9 \u2192 ok\"");
    }

    @Test
    void quotesBackslashesAndControlsAreEscapedAnywhere() {
        assertThat(quoted("\"a")).isEqualTo("\"\\\"a\"");
        assertThat(quoted("a\\b")).isEqualTo("\"a\\\\b\"");
        assertThat(quoted("x\u001b[31m")).isEqualTo("\"x\\u001b[31m\"");
        assertThat(quoted("tab\there\n")).isEqualTo("\"tab\\there\\n\"");
        assertThat(quoted("c1\u0085 del\u007f ls\u2028 ps\u2029")).isEqualTo("\"c1\\u0085 del\\u007f ls\\u2028 ps\\u2029\"");
        assertThat(quoted("\u009f\u00a0")).isEqualTo("\"\\u009f\u00a0\"");
    }
}
