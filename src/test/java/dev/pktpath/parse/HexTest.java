package dev.pktpath.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Hex} reads exactly the grammars' {@code [0-9a-fA-F]}, with their values, over every char. */
class HexTest {
    @Test
    void everyCharacter() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            assertThat(Hex.isDigit(c)).as("U+%04X", i).isEqualTo(hex);
            assertThat(Hex.value(c)).as("U+%04X", i).isEqualTo(hex ? Character.digit(c, 16) : -1);
            assertThat(Hex.code(c)).as("U+%04X", i).isEqualTo(!hex ? -1 : Character.digit(c, 16) + (c >= 'A' && c <= 'F' ? 16 : 0));
        }
    }

    @Test
    void runsAndTheirValues() {
        String s = "x 00000000c0123456 FFff:";
        int end = Hex.end(s, 2, s.length());
        assertThat(end).isEqualTo(18);
        assertThat(Hex.value(s, 2, end)).isEqualTo(0xc0123456L);
        assertThat(Hex.value(s, 19, Hex.end(s, 19, s.length()))).isEqualTo(0xffffL);
        assertThat(Hex.end(s, 0, s.length())).isZero();
        assertThat(Hex.value("ffffffffffffffff", 0, 16)).isEqualTo(-1L);
    }
}
