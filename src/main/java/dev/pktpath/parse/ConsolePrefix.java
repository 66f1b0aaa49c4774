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

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private ConsolePrefix() {
    }

    public static Stripped strip(String line) {
        return strip(line, false);
    }

    /**
     * {@link #strip}, with the message also stripped of surrounding whitespace as {@link String#strip} does:
     * one copy of the line's message instead of two (the console parser reads every line this way).
     */
    static Stripped stripMessage(String line) {
        return strip(line, true);
    }

    private static Stripped strip(String line, boolean message) {
        int i = 0;
        int n = line.length();
        boolean prefixed = false;
        String caller = null;
        int s = syslog(line);
        if (s > 0) {
            i = s;
            prefixed = true;
        }
        // noise is removed but does not make the line a kernel line: only a timestamp, level,
        // caller id or syslog tag does
        int afterNoise = noise(line, i);
        boolean noisy = afterNoise > i;
        i = afterNoise;
        // printk level <N>
        if (i + 2 < n && line.charAt(i) == '<' && isDigit(line.charAt(i + 1))) {
            int j = i + 1;
            while (j < n && isDigit(line.charAt(j))) {
                j++;
            }
            if (j < n && line.charAt(j) == '>' && j - i <= 4) {
                i = j + 1;
                prefixed = true;
            }
        }
        // up to three bracket groups: timestamp or date, then caller id
        for (int round = 0; round < 3 && i < n && line.charAt(i) == '['; round++) {
            int close = line.indexOf(']', i);
            if (close < 0 || close - i > 40) {
                break;
            }
            int from = i + 1;
            while (from < close && line.charAt(from) == ' ') {
                from++;
            }
            if (isTimestamp(line, from, close) || isDate(line, from, close)) {
                i = close + 1;
                prefixed = true;
            } else if (isCaller(line, from, close)) {
                caller = line.substring(from, close);
                i = close + 1;
                prefixed = true;
            } else {
                break;
            }
        }
        if (!prefixed) {
            return new Stripped(text(line, noisy ? i : 0, message), null, false);
        }
        // printk puts one space after the prefix; keep any further indentation (frames are indented)
        if (i < n && line.charAt(i) == ' ') {
            i++;
        }
        return new Stripped(text(line, i, message), caller, true);
    }

    /** {@code line.substring(from)}, and {@link String#strip stripped} when {@code message}, in one copy at most. */
    private static String text(String line, int from, boolean message) {
        int a = from;
        int b = line.length();
        if (message) {
            // as String.strip: no whitespace character lies outside the BMP, and no surrogate is whitespace
            while (a < b && Character.isWhitespace(line.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(line.charAt(b - 1))) {
                b--;
            }
        }
        return a == 0 && b == line.length() ? line : line.substring(a, b);
    }

    /**
     * Skips console noise glued before a message: {@code ** 5311 printk messages dropped ** } and a
     * getty prompt the kernel printed over ({@code syzkaller login: [   16.305150] INFO: ...}).
     */
    private static int noise(String line, int from) {
        int i = from;
        // syzkaller's own log date: "2018/01/09 14:28:48 BUG: memory leak"
        if (line.length() > i + 20 && line.charAt(i + 4) == '/' && line.charAt(i + 7) == '/'
                && line.charAt(i + 13) == ':' && line.charAt(i + 19) == ' ' && isDigit(line.charAt(i))) {
            i += 20;
        }
        if (line.startsWith("** ", i)) {
            int j = indexAfterNumber(line, i + 3);
            if (line.startsWith("printk messages dropped ** ", j)) {
                i = j + "printk messages dropped ** ".length();
            }
        }
        int space = line.indexOf(' ', i);
        if (space > i && space - i < 40 && line.startsWith(" login: ", space)) {
            i = space + " login: ".length();
        }
        return i;
    }

    private static int indexAfterNumber(String line, int i) {
        int j = i;
        while (j < line.length() && isDigit(line.charAt(j))) {
            j++;
        }
        return j + 1;
    }

    /** Index after {@code ... kernel: } when the line starts with a syslog or ISO date, else 0. */
    private static int syslog(String line) {
        int n = line.length();
        boolean date = false;
        if (n > 16 && isMonth(line, 0) && line.charAt(3) == ' ') {
            // "Mar  3 10:00:00" or "Mar 03 10:00:00"
            date = line.charAt(9) == ':' || line.charAt(10) == ':';
        } else if (n > 20 && isDigit(line.charAt(0)) && line.charAt(4) == '-' && line.charAt(7) == '-'
                && line.charAt(10) == 'T') {
            date = true;
        }
        if (!date) {
            return 0;
        }
        int k = line.indexOf(" kernel: ");
        if (k < 0 || k > 80) {
            return 0;
        }
        return k + " kernel: ".length();
    }

    private static boolean isMonth(String s, int at) {
        if (at >= s.length() || "JFMASOND".indexOf(s.charAt(at)) < 0) {
            // no month starts with this letter: most lines start with "[" or a blank
            return false;
        }
        for (String m : MONTHS) {
            if (s.startsWith(m, at)) {
                return true;
            }
        }
        return false;
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
        return len >= 20 && len <= 28 && s.charAt(from + 3) == ' ' && isMonth(s, from + 4)
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
