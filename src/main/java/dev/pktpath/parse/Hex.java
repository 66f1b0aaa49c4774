package dev.pktpath.parse;

/**
 * ASCII hex digits (the grammars' {@code [0-9a-fA-F]}) for the hand-written line readers of both
 * formats, by one table: the digits of stack words and addresses are a random mix of digits and
 * letters, on which range tests' branches were mispredicted (the {@code bt -f} words are a third of a
 * big foreach bt's characters).
 */
final class Hex {
    /** Per ASCII character: its hex value, + 16 for an upper-case digit, -1 for no hex digit. */
    private static final byte[] CODE = new byte[128];

    static {
        java.util.Arrays.fill(CODE, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            CODE[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            CODE[c] = (byte) (c - 'a' + 10);
            CODE[c - 'a' + 'A'] = (byte) (c - 'a' + 26);
        }
    }

    private Hex() {
    }

    /** The digit's value, + 16 when it is upper case (FrameLine prints lower case); -1 for no hex digit. */
    static int code(char c) {
        return c < 128 ? CODE[c] : -1;
    }

    static boolean isDigit(char c) {
        return c < 128 && CODE[c] >= 0;
    }

    /** The digit's value, else -1. */
    static int value(char c) {
        int code = code(c);
        return code < 0 ? -1 : code & 15;
    }

    /** The end of the hex digits of {@code s} from {@code i} on, at most {@code to}. */
    static int end(String s, int i, int to) {
        while (i < to && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The value of the hex digits {@code s[from, to)} (as {@link #end} found them; at most 16). */
    static long value(String s, int from, int to) {
        long v = 0;
        for (int k = from; k < to; k++) {
            v = (v << 4) | value(s.charAt(k));
        }
        return v;
    }
}
