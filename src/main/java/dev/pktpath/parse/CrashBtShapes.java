package dev.pktpath.parse;

/**
 * Cheap looks at a crash line that send the two most common non-frame lines of a {@code foreach bt}
 * straight to the one grammar that reads them, instead of through every pattern that comes before it
 * in {@link CrashBtParser#accept}. Each look says why no earlier pattern can match the lines it admits,
 * so the parser reads such a line as it would through the whole chain; {@code CrashBtFastPathTest}
 * holds the two to the same traces over the corpus and random lines.
 */
final class CrashBtShapes {
    private CrashBtShapes() {
    }

    /**
     * A {@code bt -f} line of plain words, as crash prints for 64-bit stacks:
     * {@code ffff88012fd10440: 0000000000000002 ffffffff81421d2e} (own sample): six or more hex digits,
     * a colon, then one or more hex words each after a single blank. Such a line matches
     * {@link CrashBtGrammar#STACK_DATA}, and none of the patterns tried before it:
     * <ul>
     *   <li>{@link CrashBtGrammar#CRASH_MESSAGE}: each of its words ({@code bt:}, {@code CPU}, {@code cannot},
     *       {@code exception}, {@code rsp}, ...) has a letter past {@code f} within its first three
     *       characters, and its {@code \S+: invalid} needs an {@code i} after the colon's blank;</li>
     *   <li>a register block ({@link CrashBtRegisterBlock#open}): no header starts with a hex digit or
     *       ends with one; {@code PSW:}, {@code GPRS:}, {@code $}, {@code [}, {@code Flags:} and the
     *       {@code epc}/{@code era}/{@code ra} pairs need a character that is no hex digit; the line
     *       ends in no {@code ]}; and a pairs line needs a colon per pair, so one colon gives at most
     *       one pair, which does not open a block;</li>
     *   <li>{@link CrashBtGrammar#WRAPPED_TAIL} (starts with {@code [}, {@code (} or is blank) and
     *       {@link CrashBtGrammar#SOURCE_LINE} (a {@code /} first or a {@code .} before the colon).</li>
     * </ul>
     */
    static boolean isPlainStackWords(String text) {
        return isPlainStackWords(text, 0, text.length());
    }

    /** {@link #isPlainStackWords(String)} of {@code text[from, to)}. */
    static boolean isPlainStackWords(String text, int from, int to) {
        int n = to;
        // the runs of digits through hexEnd: loops of their own keep this method from being compiled
        // again by on-stack replacement in a fresh run
        int i = Hex.end(text, from, n);
        if (i - from < 6 || i + 2 >= n || text.charAt(i) != ':') {
            return false;
        }
        i++;
        // then (" " HEX+)+ to the end
        while (i < n) {
            if (text.charAt(i) != ' ') {
                return false;
            }
            int w = ++i;
            i = Hex.end(text, i, n);
            if (i == w) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@link CrashBtGrammar#SOURCE_LINE} may match: it ends with a digit. When it does match
     * ({@code /usr/src/linux/net/core/skbuff.c: 1234}, own sample), no earlier pattern can:
     * <ul>
     *   <li>the line is a word without blanks ending in {@code .c} and the like (or starting with
     *       {@code /}), a colon, blanks, digits: so the only blank run is followed by digits alone;</li>
     *   <li>{@link CrashBtGrammar#CRASH_MESSAGE}: its words are followed by a blank and more words
     *       ({@code CPU 1 IRQ STACK:}, {@code cannot ...}), or end in {@code )}, {@code ]}, {@code >}
     *       or {@code .}, and its {@code \S+: invalid} needs a word after the colon's blank;</li>
     *   <li>a register block: headers need a blank inside ({@code [exception RIP:}, {@code KERNEL-MODE ...},
     *       {@code ... exception frame:}, {@code LOWCORE INFO:}); the {@code PSW:}, {@code GPRS:},
     *       {@code $n:}, {@code epc :}, {@code Flags:} lines need a blank and a word after a value; a
     *       pairs line's single pair would need a register name of letters, digits and {@code _} before
     *       the colon, not one with {@code .} or {@code /}; and more than one pair needs a blank after
     *       a value;</li>
     *   <li>{@link CrashBtGrammar#WRAPPED_TAIL} ends in {@code ]} or {@code )}.</li>
     * </ul>
     */
    static boolean mayBeSourceLine(String text) {
        int n = text.length();
        if (n < 4) {
            return false;
        }
        char last = text.charAt(n - 1);
        return last >= '0' && last <= '9';
    }

    /**
     * What {@link CrashBtGrammar#SOURCE_LINE} reads from a line, {@code file:line} (group 1, a colon,
     * group 2), or null when it does not match; without a matcher. The pattern's
     * {@code ^(/\S+|\S+\.(?:[chSs]|rs|cc|cpp|inc)):\s*(\d+)$}: what follows group 1 is a colon, blanks and
     * digits to the end, none of them a colon, so group 1 ends at the line's last colon whichever
     * alternative takes it; it has no blank, and starts with {@code /} and one more character, or ends
     * with one of the extensions after at least one character. Own sample
     * {@code /usr/src/linux/net/core/skbuff.c: 1234} gives {@code /usr/src/linux/net/core/skbuff.c:1234}.
     */
    static String sourceOf(String text) {
        int n = text.length();
        int colon = sourceColon(text, 0, n);
        if (colon < 0) {
            return null;
        }
        int d = digitsStart(text, 0, n);
        return d == colon + 1 ? text : text.substring(0, colon + 1).concat(text.substring(d));
    }

    /**
     * Where {@link #sourceOf} reads {@code text[from, to)}: the position of the colon that ends the
     * pattern's group 1 (the line number is then {@code text[digitsStart(text, from, to), to)}), or -1
     * when {@link CrashBtGrammar#SOURCE_LINE} does not match.
     */
    static int sourceColon(String text, int from, int to) {
        int d = digitsStart(text, from, to);
        if (d == to) {
            return -1;
        }
        int colon = d;
        while (colon > from && LineCleaner.isRegexSpace(text.charAt(colon - 1))) {
            colon--;
        }
        colon--;
        if (colon < from + 1 || text.charAt(colon) != ':') {
            return -1;
        }
        for (int i = from; i < colon; i++) {
            if (LineCleaner.isRegexSpace(text.charAt(i))) {
                return -1;
            }
        }
        boolean path = text.charAt(from) == '/' && colon >= from + 2;
        if (!path && !hasSourceExtension(text, from, colon)) {
            return -1;
        }
        return colon;
    }

    /** The start of the decimal digits that end {@code text[from, to)} ({@code to} when none). */
    static int digitsStart(String text, int from, int to) {
        int d = to;
        while (d > from && text.charAt(d - 1) >= '0' && text.charAt(d - 1) <= '9') {
            d--;
        }
        return d;
    }

    /** Whether {@code text[from, end)} is {@code \S+\.(?:[chSs]|rs|cc|cpp|inc)} (blanks already ruled out). */
    static boolean hasSourceExtension(String text, int from, int end) {
        for (String ext : SOURCE_EXTENSIONS) {
            int dot = end - ext.length() - 1;
            if (dot >= from + 1 && text.charAt(dot) == '.' && text.startsWith(ext, dot + 1)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] SOURCE_EXTENSIONS = {"c", "h", "S", "s", "rs", "cc", "cpp", "inc"};


    /**
     * Whether {@code text[from, to)} is printable ASCII, the characters the in-place readers take. Such
     * a loop over a line's characters is kept in a method of its own, out of the readers: a method whose
     * own loops run a hundred times a call reaches the JIT's loop threshold before its call threshold,
     * and is compiled twice (on-stack replacement first, then whole).
     */
    static boolean isPrintableAscii(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link String#hashCode} of {@code text[from, to)} (as a non-negative {@code long}) when every
     * character is printable ASCII and no blank, else -1: a {@code bt -l} line's file checked and
     * hashed in one pass.
     */
    static long printableWordHash(String text, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c <= 0x20 || c > 0x7e) {
                return -1;
            }
            h = 31 * h + c;
        }
        return h & 0xFFFF_FFFFL;
    }

    /** The first position at or after {@code i} in {@code text[i, to)} that is no blank ({@code ' '} only), or {@code to}. */
    static int skipSpaces(String text, int i, int to) {
        while (i < to && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
