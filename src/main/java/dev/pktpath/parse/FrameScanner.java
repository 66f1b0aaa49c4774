package dev.pktpath.parse;

/**
 * A hand-written reader for the frame line crash prints millions of times in a {@code foreach bt},
 * {@code #9 [ffff880028203518] dev_hard_start_xmit at ffffffff81421d2e} (seed) and
 * {@code #32 [ffff880028203d08] bnx2_poll_work+0x1a/0x30 at ffffffffa02ecd5f [bnx2]} (own sample, {@code bt -x}
 * style symbol): level, optional stack address, a symbol without blanks, {@code at}, the address and maybe a
 * tail. It gives exactly what {@link CrashBtGrammar#FRAME} and {@link CrashBtGrammar#SYMBOL} give for such a
 * line, without a matcher; anything else (a blank inside the symbol, {@code (via ...)}, {@code BSP:}, odd
 * characters) it leaves to the regexes, which stay the reference.
 */
final class FrameScanner {
    private FrameScanner() {
    }

    /** Reads {@code text} (cleaned, stripped, starting with {@code #}) as a frame; false when it is not the common shape. */
    static boolean scan(String text, CrashBtParser into, int no) {
        int n = text.length();
        for (int k = 0; k < n; k++) {
            char c = text.charAt(k);
            if (c < 0x20 || c > 0x7e) {
                // outside printable ASCII the regexes' "." and "\s" have their own rules: leave it to them
                return false;
            }
        }
        int i = 1;
        int digits = i;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
        }
        if (i == digits || i - digits > 9 || i >= n || text.charAt(i) != ' ') {
            return false;
        }
        Integer level = Integer.valueOf(parseInt(text, digits, i));
        i = skipBlanks(text, i);
        String sp = null;
        if (i < n && text.charAt(i) == '[') {
            int h = i + 1;
            int e = hexEnd(text, h);
            if (e == h || e >= n || text.charAt(e) != ']' || e + 1 >= n || text.charAt(e + 1) != ' ') {
                return false;
            }
            sp = text.substring(h, e);
            i = skipBlanks(text, e + 1);
        }
        int symStart = i;
        while (i < n && text.charAt(i) != ' ') {
            i++;
        }
        int symEnd = i;
        if (symEnd == symStart || i >= n) {
            return false;
        }
        i = skipBlanks(text, i);
        if (!text.startsWith("at ", i)) {
            return false;
        }
        i = skipBlanks(text, i + 2);
        int addrStart = i;
        int addrEnd = hexEnd(text, i);
        if (addrEnd == addrStart || (addrEnd < n && text.charAt(addrEnd) != ' ')) {
            return false;
        }
        String rest = null;
        if (addrEnd < n) {
            // FRAME's "(?:\s+(.*))?$": the blanks, then everything (the line is stripped, so something)
            rest = text.substring(skipBlanks(text, addrEnd));
        }
        // SYMBOL "^(.+?)(?:\+(NUM)(?:/(NUM))?)?$": the shortest name whose remainder is +NUM or +NUM/NUM
        String function = null;
        Long offset = null;
        Long size = null;
        for (int plus = text.indexOf('+', symStart + 1); plus >= 0 && plus < symEnd; plus = text.indexOf('+', plus + 1)) {
            int a = numEnd(text, plus + 1, symEnd);
            if (a < 0) {
                continue;
            }
            if (a == symEnd) {
                function = text.substring(symStart, plus);
                offset = CrashBtParser.parseNumber(text.substring(plus + 1, a));
                break;
            }
            if (text.charAt(a) == '/') {
                int b = numEnd(text, a + 1, symEnd);
                if (b == symEnd) {
                    function = text.substring(symStart, plus);
                    offset = CrashBtParser.parseNumber(text.substring(plus + 1, a));
                    size = CrashBtParser.parseNumber(text.substring(a + 1, b));
                    break;
                }
            }
        }
        if (function == null) {
            function = text.substring(symStart, symEnd);
        }
        into.scannedFrame(no, text, level, sp, function, offset, size, text.substring(addrStart, addrEnd), rest);
        return true;
    }

    /**
     * The end of a {@code NUM} ({@code 0x} and hex digits, or decimal digits) starting at {@code from},
     * or -1. Greedy is exact here: what may follow a number ({@code /} or the end) is no digit.
     */
    private static int numEnd(String s, int from, int limit) {
        if (from + 1 < limit && s.charAt(from) == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X')) {
            int e = from + 2;
            while (e < limit && isHex(s.charAt(e))) {
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

    /** The module of a tail that is only {@code [name]} (MODULE's characters), else null. */
    static String bareModule(String rest) {
        int n = rest.length();
        if (n < 3 || rest.charAt(0) != '[' || rest.charAt(n - 1) != ']') {
            return null;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = rest.charAt(i);
            if (!(isHex(c) || (c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z') || c == '_' || c == '.' || c == '-')) {
                return null;
            }
        }
        return rest.substring(1, n - 1);
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int hexEnd(String s, int i) {
        while (i < s.length() && isHex(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int parseInt(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
