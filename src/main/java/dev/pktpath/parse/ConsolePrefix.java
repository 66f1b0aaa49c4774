package dev.pktpath.parse;

/**
 * Strips what the console, dmesg, syslog or journald put in front of a kernel message, so the oops
 * grammar sees the message as printk wrote it. Hand-rolled character checks, no regex: this runs on
 * every line of a 200 MB log.
 *
 * <p>Prefixes removed, in any combination and in this order (real shapes, from the corpus where it
 * shows them; the syslog and {@code dmesg -T} shapes are written here after their man pages):
 * <ul>
 *   <li>syzkaller's log date {@code 2018/01/09 14:28:48 }, {@code ** 5311 printk messages dropped ** },
 *       a getty prompt printed over: {@code syzkaller login: }</li>
 *   <li>syslog / journald: {@code Mar  3 10:00:00 host kernel: } and ISO
 *       {@code 2024-03-03T10:00:00.123456+00:00 host kernel: }</li>
 *   <li>printk level: {@code <4>}, also {@code <4>[  1.0]}</li>
 *   <li>timestamp: {@code [  153.518371]}; {@code dmesg -T} date: {@code [Thu Nov 26 04:20:32 2026]}</li>
 *   <li>caller id (CONFIG_PRINTK_CALLER): {@code [ T1234]}, {@code [ C3]}, glued as in
 *       {@code [ 3416.916116][ T5831] Kernel panic}</li>
 * </ul>
 * The caller id is returned because it tells which task or CPU printed the line, which separates
 * interleaved reports.
 */
public final class ConsolePrefix {
    /** The message and the caller id ({@code T1234}, {@code C3}) or null; {@code prefixed} when anything was removed. */
    public record Stripped(String text, String caller, boolean prefixed) {
    }

    /** The months syslog and {@code dmesg -T} print, which {@link #isMonth} tests letter by letter. */
    static final java.util.List<String> MONTHS = java.util.List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec");

    private ConsolePrefix() {
    }

    public static Stripped strip(String line) {
        return strip(line, false);
    }

    /**
     * {@link #strip}, with the message also stripped of surrounding whitespace as {@link String#strip} does:
     * one copy of the line's message instead of two.
     */
    static Stripped stripMessage(String line) {
        return strip(line, true);
    }

    private static Stripped strip(String line, boolean message) {
        Cut c = new Cut();
        c.strip(line, 0, line.length(), message);
        String text = c.start == 0 && c.end == line.length() ? line : line.substring(c.start, c.end);
        return new Stripped(text, c.callerFrom < 0 ? null : line.substring(c.callerFrom, c.callerTo), c.prefixed);
    }

    /**
     * Where the prefix of a line {@code s[from, to)} ends, as positions in {@code s}: the console parser
     * reads every line of a log in place in its block this way, with one {@code Cut} per parser, so a
     * line costs no copy before its message and no result object ({@link #strip} is the same reading,
     * copied out). Every look stays inside {@code [from, to)}: past {@code to} lie the block's next lines.
     */
    static final class Cut {
        /** The message: {@code s[start, end)}. */
        int start;
        int end;
        /** The caller id {@code s[callerFrom, callerTo)}, or {@code callerFrom} -1 when none. */
        int callerFrom;
        int callerTo;
        /** Whether anything was removed that makes the line a kernel line (not mere noise). */
        boolean prefixed;

        /** Reads the prefix of {@code s[from, to)}; {@code message}: the message also {@link String#strip stripped}. */
        void strip(String s, int from, int to, boolean message) {
            int i = from;
            boolean pre = false;
            callerFrom = -1;
            callerTo = -1;
            int k = syslog(s, from, to);
            if (k > from) {
                i = k;
                pre = true;
            }
            // noise is removed but does not make the line a kernel line: only a timestamp, level,
            // caller id or syslog tag does
            int afterNoise = noise(s, i, to);
            boolean noisy = afterNoise > i;
            i = afterNoise;
            // printk level <N>
            if (i + 2 < to && s.charAt(i) == '<' && isDigit(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < to && isDigit(s.charAt(j))) {
                    j++;
                }
                if (j < to && s.charAt(j) == '>' && j - i <= 4) {
                    i = j + 1;
                    pre = true;
                }
            }
            // up to three bracket groups: timestamp or date, then caller id
            for (int round = 0; round < 3 && i < to && s.charAt(i) == '['; round++) {
                int close = indexOf(s, ']', i, Math.min(to, i + 41));
                if (close < 0) {
                    break;
                }
                int f = i + 1;
                while (f < close && s.charAt(f) == ' ') {
                    f++;
                }
                if (isTimestamp(s, f, close) || isDate(s, f, close)) {
                    i = close + 1;
                    pre = true;
                } else if (isCaller(s, f, close)) {
                    callerFrom = f;
                    callerTo = close;
                    i = close + 1;
                    pre = true;
                } else {
                    break;
                }
            }
            prefixed = pre;
            if (!pre) {
                message(s, noisy ? i : from, to, message);
                return;
            }
            // printk puts one space after the prefix; keep any further indentation (frames are indented)
            if (i < to && s.charAt(i) == ' ') {
                i++;
            }
            message(s, i, to, message);
        }

        /** The message is {@code s[from, to)}, {@link String#strip stripped} when {@code strip}. */
        private void message(String s, int from, int to, boolean strip) {
            int a = from;
            int b = to;
            if (strip) {
                // as String.strip: no whitespace character lies outside the BMP, and no surrogate is whitespace
                while (a < b && isWhitespace(s.charAt(a))) {
                    a++;
                }
                while (b > a && isWhitespace(s.charAt(b - 1))) {
                    b--;
                }
            }
            start = a;
            end = b;
        }
    }

    /**
     * {@link Character#isWhitespace}, answered without it for the printable characters of Latin-1 (none of
     * {@code !} to {@code ÿ} is whitespace), which is what nearly every message starts and ends with.
     */
    private static boolean isWhitespace(char c) {
        return c == ' ' || ((c < '!' || c > '\u00ff') && Character.isWhitespace(c));
    }

    /** The first {@code c} in {@code s[from, to)}, or -1. */
    private static int indexOf(String s, char c, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == c) {
                return k;
            }
        }
        return -1;
    }

    /** Whether {@code s[at, to)} starts with {@code prefix}. */
    private static boolean startsWith(String s, String prefix, int at, int to) {
        return to - at >= prefix.length() && s.startsWith(prefix, at);
    }

    /**
     * Skips console noise glued before a message: {@code ** 5311 printk messages dropped ** } and a
     * getty prompt the kernel printed over ({@code syzkaller login: [   16.305150] INFO: ...}).
     */
    private static int noise(String s, int from, int to) {
        int i = from;
        // syzkaller's own log date: "2018/01/09 14:28:48 BUG: memory leak"
        if (to > i + 20 && s.charAt(i + 4) == '/' && s.charAt(i + 7) == '/'
                && s.charAt(i + 13) == ':' && s.charAt(i + 19) == ' ' && isDigit(s.charAt(i))) {
            i += 20;
        }
        if (i < to && s.charAt(i) == '*' && startsWith(s, "** ", i, to)) {
            int j = indexAfterNumber(s, i + 3, to);
            if (startsWith(s, "printk messages dropped ** ", j, to)) {
                i = j + "printk messages dropped ** ".length();
            }
        }
        // the first blank, looked for only as far as a prompt's name may reach
        int space = indexOf(s, ' ', i, Math.min(to, i + 40));
        if (space > i && space + 1 < to && s.charAt(space + 1) == 'l' && startsWith(s, " login: ", space, to)) {
            i = space + " login: ".length();
        }
        return i;
    }

    private static int indexAfterNumber(String s, int i, int to) {
        int j = i;
        while (j < to && isDigit(s.charAt(j))) {
            j++;
        }
        return j + 1;
    }

    /** Index after {@code ... kernel: } when the line {@code s[from, to)} starts with a syslog or ISO date, else {@code from}. */
    private static int syslog(String s, int from, int to) {
        int n = to - from;
        boolean date = false;
        if (n > 16 && isMonth(s, from, to) && s.charAt(from + 3) == ' ') {
            // "Mar  3 10:00:00" or "Mar 03 10:00:00"
            date = s.charAt(from + 9) == ':' || s.charAt(from + 10) == ':';
        } else if (n > 20 && isDigit(s.charAt(from)) && s.charAt(from + 4) == '-' && s.charAt(from + 7) == '-'
                && s.charAt(from + 10) == 'T') {
            date = true;
        }
        if (!date) {
            return from;
        }
        // " kernel: " starting within the first 80 characters
        int last = Math.min(from + 80, to - KERNEL_TAG.length());
        for (int k = from; k <= last; k++) {
            if (s.charAt(k) == ' ' && s.startsWith(KERNEL_TAG, k)) {
                return k + KERNEL_TAG.length();
            }
        }
        return from;
    }

    private static final String KERNEL_TAG = " kernel: ";

    /**
     * Whether {@code s[at, to)} starts with one of {@link #MONTHS}, by its letters (a syslog or {@code dmesg -T}
     * log has a month on every line: a loop of startsWith over the list was eleven calls for "Nov").
     */
    static boolean isMonth(String s, int at, int to) {
        if (to - at < 3) {
            return false;
        }
        char b = s.charAt(at + 1);
        char c = s.charAt(at + 2);
        return switch (s.charAt(at)) {
            case 'J' -> (b == 'a' && c == 'n') || (b == 'u' && (c == 'n' || c == 'l'));
            case 'F' -> b == 'e' && c == 'b';
            case 'M' -> b == 'a' && (c == 'r' || c == 'y');
            case 'A' -> (b == 'p' && c == 'r') || (b == 'u' && c == 'g');
            case 'S' -> b == 'e' && c == 'p';
            case 'O' -> b == 'c' && c == 't';
            case 'N' -> b == 'o' && c == 'v';
            case 'D' -> b == 'e' && c == 'c';
            // no month starts with this letter: most lines start with "[" or a blank
            default -> false;
        };
    }

    /** {@code 153.518371}, between {@code from} and {@code to} (exclusive). */
    static boolean isTimestamp(String s, int from, int to) {
        int dot = -1;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c == '.' && dot < 0 && k > from) {
                dot = k;
            } else if (!isDigit(c)) {
                return false;
            }
        }
        return dot > 0 && dot < to - 1;
    }

    /** {@code Thu Nov 26 04:20:32 2026}, as printed by {@code dmesg -T}. */
    private static boolean isDate(String s, int from, int to) {
        int len = to - from;
        return len >= 20 && len <= 28 && s.charAt(from + 3) == ' ' && isMonth(s, from + 4, to)
                && s.charAt(from + 13) == ':';
    }

    /** {@code T1234} or {@code C3} (the padding spaces already skipped). */
    private static boolean isCaller(String s, int from, int to) {
        if (to - from < 2 || (s.charAt(from) != 'T' && s.charAt(from) != 'C')) {
            return false;
        }
        for (int k = from + 1; k < to; k++) {
            if (!isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
