package dev.pktpath.parse;

/**
 * A hand-written reader for the frame line crash prints millions of times in a {@code foreach bt},
 * {@code #9 [ffff880028203518] dev_hard_start_xmit at ffffffff81421d2e} (seed) and
 * {@code #32 [ffff880028203d08] bnx2_poll_work+0x1a/0x30 at ffffffffa02ecd5f [bnx2]} (own sample, {@code bt -x}
 * style symbol): level, optional stack address, a symbol without blanks, {@code at}, the address and maybe a
 * tail. It gives exactly what {@link CrashBtGrammar#FRAME} and {@link CrashBtGrammar#SYMBOL} give for such a
 * line, as positions and numbers in a {@link Scan} (no substring, no boxing); anything else (a blank inside
 * the symbol, {@code (via ...)}, {@code BSP:}, odd characters, numbers too long for a {@code long}, ARM's
 * {@code [<}) it leaves to the regexes, which stay the reference ({@code CrashBtFastPathTest} holds the two
 * to the same frames).
 */
final class FrameScanner {
    private FrameScanner() {
    }

    /** What {@link #scan} read; one per parser, overwritten by each line. */
    static final class Scan {
        int level;
        /** The stack address as written ({@code [}..{@code ]}), or -1 when absent. */
        int spStart = -1;
        int spEnd;
        long sp;
        int symStart;
        int symEnd;
        /** {@link String#hashCode} of the symbol, made while it was read (for {@link NameCache}). */
        int symHash;
        /** The value of the last run of digits a helper read, and whether a hex one had upper case. */
        long run;
        boolean runUpper;
        /** The function name within the symbol (the symbol less {@code +off[/size]}). */
        int fnEnd;
        /** {@link dev.pktpath.model.Frame#NONE} when absent. */
        long offset;
        long size;
        int addrStart;
        int addrEnd;
        long address;
        /** The tail after the address, or -1 when none. */
        int restStart;
        /**
         * The module of a tail that is only {@code [name]} (or {@code [name]} then {@link #unreliable}'s
         * mark), or -1 when the tail is something else or absent.
         */
        int moduleStart;
        int moduleEnd;
        /** Whether the tail is ppc64's {@code (unreliable)}, alone or after {@code [name]} and blanks. */
        boolean unreliable;
        /**
         * Whether the line is exactly what {@link dev.pktpath.model.FrameLine} rebuilds from the fields:
         * single blanks, a level without leading zero, lowercase hex, no offset, nothing or {@code [module]}
         * after the address.
         */
        boolean usual;

        int spDigits() {
            return spStart < 0 ? 0 : spEnd - spStart;
        }

        int addrDigits() {
            return addrEnd - addrStart;
        }
    }

    /** Reads {@code text} (cleaned, stripped, starting with {@code #}) as a frame; false when it is not the common shape. */
    static boolean scan(String text, Scan r) {
        return scan(text, 0, text.length(), r);
    }

    /**
     * Reads {@code text[from, to)} as a frame line, positions in {@code r} counted in {@code text}. The
     * range starts with {@code #} and ends with no blank; every character is checked to be printable
     * ASCII, so a range accepted here is the line as {@link LineCleaner#cleanStripped} gives it.
     */
    static boolean scan(String text, int from, int to, Scan r) {
        // every loop over the line's characters is a helper of its own: a method whose own loops turn
        // fifty times a call reaches the JIT's loop threshold before its call threshold, and was compiled
        // two or three times in a fresh run (on-stack replacement first, then whole)
        int n = to;
        boolean usual = true;
        int digits = from + 1;
        int i = decimalRun(text, digits, n, r);
        int level = (int) r.run;
        if (i == digits || i - digits > 9 || i >= n || text.charAt(i) != ' ') {
            return false;
        }
        if (i - digits > 1 && text.charAt(digits) == '0') {
            usual = false;
        }
        int blanks = i;
        i = CrashBtShapes.skipSpaces(text, i, n);
        usual &= i == blanks + 1;
        r.spStart = -1;
        r.sp = 0;
        if (i < n && text.charAt(i) == '[') {
            int h = i + 1;
            int e = hexRun(text, h, n, r);
            usual &= !r.runUpper;
            if (e == h || e - h > 16 || e >= n || text.charAt(e) != ']' || e + 1 >= n || text.charAt(e + 1) != ' ') {
                return false;
            }
            r.spStart = h;
            r.spEnd = e;
            r.sp = r.run;
            i = CrashBtShapes.skipSpaces(text, e + 1, n);
            usual &= i == e + 2;
        }
        int symStart = i;
        i = symbolEnd(text, i, n, r);
        if (i < 0) {
            return false;
        }
        int symEnd = i;
        if (symEnd == symStart || i >= n) {
            return false;
        }
        i = CrashBtShapes.skipSpaces(text, i, n);
        usual &= i == symEnd + 1;
        // "at " by its characters: startsWith was a call with the launcher's small inlining limits
        if (i + 3 > n || text.charAt(i) != 'a' || text.charAt(i + 1) != 't' || text.charAt(i + 2) != ' ') {
            return false;
        }
        int atEnd = i + 2;
        i = CrashBtShapes.skipSpaces(text, atEnd, n);
        usual &= i == atEnd + 1;
        int addrStart = i;
        i = hexRun(text, i, n, r);
        usual &= !r.runUpper;
        long address = r.run;
        int addrEnd = i;
        if (addrEnd == addrStart || addrEnd - addrStart > 16 || (addrEnd < n && text.charAt(addrEnd) != ' ')) {
            return false;
        }
        r.restStart = -1;
        r.moduleStart = -1;
        r.unreliable = false;
        if (addrEnd < n) {
            // FRAME's "(?:\s+(.*))?$": the blanks, then everything (the line is stripped, so something)
            int rest = CrashBtShapes.skipSpaces(text, addrEnd, n);
            if (!CrashBtShapes.isPrintableAscii(text, rest, n)) {
                return false;
            }
            r.restStart = rest;
            if (isBareModule(text, rest, n)) {
                r.moduleStart = rest + 1;
                r.moduleEnd = n - 1;
                usual &= rest == addrEnd + 1;
            } else {
                usual = false;
                unreliableTail(text, rest, n, r);
            }
        }
        if (!symbol(text, symStart, symEnd, r)) {
            return false;
        }
        usual &= r.offset < 0 && r.size < 0;
        r.level = level;
        r.symStart = symStart;
        r.symEnd = symEnd;
        r.addrStart = addrStart;
        r.addrEnd = addrEnd;
        r.address = address;
        r.usual = usual;
        return true;
    }

    /** The end of the decimal digits from {@code i} (before {@code n}); their value (int arithmetic) in {@code r.run}. */
    private static int decimalRun(String text, int i, int n, Scan r) {
        int v = 0;
        char c;
        while (i < n && (c = text.charAt(i)) >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            i++;
        }
        r.run = v;
        return i;
    }

    /**
     * The end of the hex digits from {@code i} (before {@code n}): their value in {@code r.run}, and in
     * {@code r.runUpper} whether any is upper case (FrameLine prints lower case).
     */
    private static int hexRun(String text, int i, int n, Scan r) {
        long v = 0;
        boolean upper = false;
        while (i < n) {
            int d = Hex.code(text.charAt(i));
            if (d < 0) {
                break;
            }
            upper |= d >= 16;
            v = (v << 4) | (d & 15);
            i++;
        }
        r.run = v;
        r.runUpper = upper;
        return i;
    }

    /**
     * The end of the symbol from {@code i} (the first blank, or {@code n}), its hash in {@code r.symHash};
     * -1 at a character outside printable ASCII (where the regexes' "." and "\s" have their own rules)
     * or at ARM's mark {@code [<}.
     */
    private static int symbolEnd(String text, int i, int n, Scan r) {
        int h = 0;
        char c;
        while (i < n && (c = text.charAt(i)) != ' ') {
            if (c < 0x20 || c > 0x7e || (c == '[' && i + 1 < n && text.charAt(i + 1) == '<')) {
                return -1;
            }
            h = 31 * h + c;
            i++;
        }
        r.symHash = h;
        return i;
    }

    /**
     * SYMBOL {@code "^(.+?)(?:\+(NUM)(?:/(NUM))?)?$"} over {@code text[symStart, symEnd)}: the shortest name
     * whose remainder is {@code +NUM} or {@code +NUM/NUM}, in {@code r.fnEnd}, {@code r.offset} and
     * {@code r.size} ({@link dev.pktpath.model.Frame#NONE} when absent); false when a number may not fit
     * a {@code long}, which the regex path then reads.
     */
    private static boolean symbol(String text, int symStart, int symEnd, Scan r) {
        int fnEnd = symEnd;
        long offset = -1;
        long size = -1;
        // (a loop bounded by the symbol, not indexOf: the text may be a whole block, which indexOf would
        // search to its end on every line without a '+')
        for (int plus = symStart + 1; plus < symEnd; plus++) {
            if (text.charAt(plus) != '+') {
                continue;
            }
            int a = numEnd(text, plus + 1, symEnd);
            if (a < 0) {
                continue;
            }
            if (a == symEnd) {
                offset = number(text, plus + 1, a);
                if (offset == -2) {
                    return false;
                }
                fnEnd = plus;
                break;
            }
            if (text.charAt(a) == '/') {
                int b = numEnd(text, a + 1, symEnd);
                if (b == symEnd) {
                    offset = number(text, plus + 1, a);
                    size = number(text, a + 1, b);
                    if (offset == -2 || size == -2) {
                        return false;
                    }
                    fnEnd = plus;
                    break;
                }
            }
        }
        r.fnEnd = fnEnd;
        r.offset = offset;
        r.size = size;
        return true;
    }

    /**
     * The value of a {@code NUM} that {@link #numEnd} found, as {@link CrashBtParser#parseNumber} reads it;
     * -2 when it may not fit a non-negative {@code long} (more than 15 hex or 18 decimal digits), which
     * the regex path then reads.
     */
    private static long number(String s, int from, int to) {
        long v = 0;
        if (to - from > 2 && s.charAt(from) == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X')) {
            if (to - from - 2 > 15) {
                return -2;
            }
            return Hex.value(s, from + 2, to);
        }
        if (to - from > 18) {
            return -2;
        }
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /**
     * The end of a {@code NUM} ({@code 0x} and hex digits, or decimal digits) starting at {@code from},
     * or -1. Greedy is exact here: what may follow a number ({@code /} or the end) is no digit.
     */
    private static int numEnd(String s, int from, int limit) {
        if (from + 1 < limit && s.charAt(from) == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X')) {
            int e = from + 2;
            while (e < limit && Hex.isDigit(s.charAt(e))) {
                e++;
            }
            if (e > from + 2) {
                return e;
            }
        }
        int e = from;
        while (e < limit && isDigit(s.charAt(e))) {
            e++;
        }
        return e > from ? e : -1;
    }

    /**
     * Notes in {@code r} a tail {@code s[from, to)} that is {@code (unreliable)} (own sample
     * {@code #4 [c0000000012bfd70] some_func at c00000000008a1b4  (unreliable)}, ppc64), maybe after
     * {@code [name]} and blanks: what the parser's tail reading ({@code CrashBtParser.addParsedFrame}:
     * MODULE, then UNRELIABLE, then nothing but blanks left) makes an unreliable frame of, with that
     * module and no note.
     */
    private static void unreliableTail(String s, int from, int to, Scan r) {
        if (!s.startsWith(UNRELIABLE, to - UNRELIABLE.length()) || to - UNRELIABLE.length() < from) {
            return;
        }
        int mark = to - UNRELIABLE.length();
        if (mark == from) {
            r.unreliable = true;
            return;
        }
        int close = mark;
        while (close > from && s.charAt(close - 1) == ' ') {
            close--;
        }
        if (isBareModule(s, from, close)) {
            r.unreliable = true;
            r.moduleStart = from + 1;
            r.moduleEnd = close - 1;
        }
    }

    private static final String UNRELIABLE = "(unreliable)";

    /** The module of a tail that is only {@code [name]} (MODULE's characters), else null. */
    static String bareModule(String rest) {
        int n = rest.length();
        return isBareModule(rest, 0, n) ? rest.substring(1, n - 1) : null;
    }

    /** Whether {@code s[from, to)} is only {@code [name]} (MODULE's characters). */
    private static boolean isBareModule(String s, int from, int to) {
        if (to - from < 3 || s.charAt(from) != '[' || s.charAt(to - 1) != ']') {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = s.charAt(i);
            if (!(Hex.isDigit(c) || (c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z') || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
