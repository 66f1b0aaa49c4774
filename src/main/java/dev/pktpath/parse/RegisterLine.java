package dev.pktpath.parse;

import dev.pktpath.model.Names;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one line of {@code NAME: value} register pairs, every arch's spelling, by hand (a regex
 * over repeated pairs invites backtracking on long lines):
 * {@code RAX: 0000000000000000 RBX: ffff8801c6b1c0c0 RCX: ffffffff81415f40},
 * {@code RSP: 0018:ffff8801d8a0f4f8 EFLAGS: 00010246}, {@code FS:  00007f5c(0000) GS:ffff88021fc00000(0000) knlGS:0000000000000000},
 * {@code x29: ffff800010003d90 x28: ffff000001a2b000}, {@code pstate: 60400005 (nZCv daif +PAN -UAO)},
 * {@code r10: 00000000  r9 : df8a0000  r8 : 00000000}, {@code pc : [<c0234a10>]    lr : [<c0234a08>]    psr: 60000013},
 * {@code MSR: 8000000000029032 <SF,EE,ME,IR,DR,RI> CR: 48228222 XER: 00000006}.
 * Names come back upper-case; values lower-case hex without {@code 0x}; a segment before the value
 * ({@code 0018:}) is dropped.
 */
final class RegisterLine {
    /** The longest line read; longer ones are no register lines. */
    private static final int MAX_LINE = 240;
    /** The thread's {@link Scratch}. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * What {@link #parse} reuses on one thread: the word positions of the line being read (two per word: at
     * most one word per two characters, and one more), and the register names met, by their characters, each
     * with its upper-case shared copy: a report prints the same dozen names ({@code RAX}, {@code x29}), and a
     * substring, an upper-case copy and a {@link Names} lookup per register was a fifth of the registers' cost.
     */
    private static final class Scratch {
        /** Names kept; past this many, names are cut and shared one by one as before. */
        private static final int SLOTS = 256;
        final int[] words = new int[MAX_LINE + 2];
        private final String[] raw = new String[SLOTS];
        private final String[] upper = new String[SLOTS];
        private int count;

        /** {@code Names.intern(line.substring(from, to).toUpperCase(Locale.ROOT))}, remembered by its characters. */
        String name(String line, int from, int to) {
            int h = 0;
            for (int k = from; k < to; k++) {
                h = 31 * h + line.charAt(k);
            }
            int len = to - from;
            int i = (h ^ (h >>> 7)) & (SLOTS - 1);
            String r;
            while ((r = raw[i]) != null) {
                if (r.length() == len && line.regionMatches(from, r, 0, len)) {
                    return upper[i];
                }
                i = (i + 1) & (SLOTS - 1);
            }
            String cut = line.substring(from, to);
            String up = Names.intern(cut.toUpperCase(Locale.ROOT));
            // at most half full, so a probe always ends at a free slot
            if (count < SLOTS / 2) {
                raw[i] = cut;
                upper[i] = up;
                count++;
            }
            return up;
        }
    }

    private RegisterLine() {
    }

    /**
     * The registers of the line, in print order, or null when the line is not (only) registers. Every
     * line of a console report that has a colon near its start comes here ({@code Code: 48 89 e5 ...},
     * {@code Hardware name: QEMU ...}), so a printable ASCII line is read in place: words are found by
     * hand (a regex split was a fifth of the console parse and a fifth of its garbage) and only the
     * registers kept are copied; other lines go to {@link #parseGeneral}, which this is held to.
     */
    static Map<String, String> parse(String line) {
        int len = line.length();
        if (len > MAX_LINE || line.indexOf(':') < 0) {
            return null;
        }
        // word k is line[at[2k], at[2k + 1]); the thread's array, as a new one per line was a twelfth of
        // what a console parse allocates (the JIT keeps it on the heap: pairs() is not inlined)
        Scratch scratch = SCRATCH.get();
        int[] at = scratch.words;
        int n = 0;
        int i = 0;
        while (i < len) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                // a tab, other whitespace or control character: the general split decides
                return parseGeneral(line);
            }
            if (c == ' ') {
                i++;
                continue;
            }
            at[2 * n] = i;
            while (i < len && line.charAt(i) > ' ' && line.charAt(i) <= 0x7e) {
                i++;
            }
            at[2 * n + 1] = i;
            n++;
        }
        return pairs(line, scratch, n);
    }

    /** {@link #pairs(String[], int)} of the words {@code line[at[2k], at[2k + 1])}, {@code k < n}, {@code at} the scratch's. */
    private static Map<String, String> pairs(String line, Scratch scratch, int n) {
        int[] at = scratch.words;
        Map<String, String> out = null;
        int i = 0;
        while (i < n) {
            int ws = at[2 * i];
            int we = at[2 * i + 1];
            int colon = indexOf(line, ':', ws, we);
            int ne;
            int vs;
            int ve;
            if (colon == we - 1 && colon > ws) {
                ne = colon;
                if (++i >= n) {
                    return null;
                }
                vs = at[2 * i];
                ve = at[2 * i + 1];
            } else if (colon > ws) {
                ne = colon;
                vs = colon + 1;
                ve = we;
            } else if (i + 2 < n && at[2 * i + 3] - at[2 * i + 2] == 1 && line.charAt(at[2 * i + 2]) == ':') {
                ne = we;
                i += 2;
                vs = at[2 * i];
                ve = at[2 * i + 1];
            } else {
                return null;
            }
            if (!isName(line, ws, ne)) {
                return null;
            }
            String v = cleanValue(line, vs, ve);
            if (v == null) {
                return null;
            }
            if (out == null) {
                out = new LinkedHashMap<>();
            }
            out.put(scratch.name(line, ws, ne), v);
            i++;
            // annotations after a value: "(nZCv daif +PAN -UAO)" or "<SF,EE,ME,IR,DR,RI>"
            if (i < n && (line.charAt(at[2 * i]) == '(' || line.charAt(at[2 * i]) == '<')) {
                char close = line.charAt(at[2 * i]) == '(' ? ')' : '>';
                while (i < n && line.charAt(at[2 * i + 1] - 1) != close) {
                    i++;
                }
                i++;
            }
        }
        return out;
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == c) {
                return k;
            }
        }
        return -1;
    }

    /**
     * {@link #isName(String)} of {@code s[from, to)}, printable ASCII ({@link #parse} reads no other line in
     * place): there {@link Character#isLetter} is {@code [A-Za-z]}, and {@link Character#isLetterOrDigit} also
     * {@code [0-9]}, tested without the Unicode tables.
     */
    private static boolean isName(String s, int from, int to) {
        if (to <= from || to - from > 10 || !isAsciiLetter(s.charAt(from))) {
            return false;
        }
        for (int k = from + 1; k < to; k++) {
            char c = s.charAt(k);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** {@code Character.digit(c, 16) >= 0} for a printable ASCII {@code c}. */
    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** {@link #cleanValue(String)} of {@code s[from, to)}, copying only what it returns. */
    private static String cleanValue(String s, int from, int to) {
        int f = from;
        int t = to;
        int paren = indexOf(s, '(', f, t);
        if (paren > f) {
            t = paren;
        }
        if (t - f >= 2 && s.charAt(f) == '[' && s.charAt(f + 1) == '<' && s.charAt(t - 2) == '>' && s.charAt(t - 1) == ']') {
            f += 2;
            t -= 2;
        }
        for (int k = t - 1; k >= f; k--) {
            if (s.charAt(k) == ':') {
                f = k + 1;
                break;
            }
        }
        if (t - f >= 2 && s.charAt(f) == '0' && s.charAt(f + 1) == 'x') {
            f += 2;
        }
        if (t <= f || t - f > 16) {
            return null;
        }
        for (int k = f; k < t; k++) {
            if (!isAsciiHex(s.charAt(k))) {
                return null;
            }
        }
        return s.substring(f, t).toLowerCase(Locale.ROOT);
    }

    /**
     * {@link #parse}, the general way: the line split on the regex {@code \\s+}. Kept as the definition
     * {@link #parse} is held to ({@code RegisterLineTest}), and for lines that are not printable ASCII.
     */
    static Map<String, String> parseGeneral(String line) {
        if (line.length() > MAX_LINE || line.indexOf(':') < 0) {
            return null;
        }
        String[] tok = line.trim().split("\\s+");
        return pairs(tok, tok.length);
    }

    /** The name-value pairs of the tokens {@code tok[0, n)}, or null when they are not only registers. */
    private static Map<String, String> pairs(String[] tok, int n) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < n) {
            String name = tok[i];
            String value;
            int colon = name.indexOf(':');
            if (colon == name.length() - 1 && colon > 0) {
                name = name.substring(0, colon);
                if (++i >= n) {
                    return null;
                }
                value = tok[i];
            } else if (colon > 0) {
                value = name.substring(colon + 1);
                name = name.substring(0, colon);
            } else if (i + 2 < n && tok[i + 1].equals(":")) {
                i += 2;
                value = tok[i];
            } else {
                return null;
            }
            if (!isName(name)) {
                return null;
            }
            String v = cleanValue(value);
            if (v == null) {
                return null;
            }
            out.put(name.toUpperCase(Locale.ROOT), v);
            i++;
            // annotations after a value: "(nZCv daif +PAN -UAO)" or "<SF,EE,ME,IR,DR,RI>"
            if (i < n && (tok[i].startsWith("(") || tok[i].startsWith("<"))) {
                char close = tok[i].startsWith("(") ? ')' : '>';
                while (i < n && tok[i].charAt(tok[i].length() - 1) != close) {
                    i++;
                }
                i++;
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || s.length() > 10 || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int k = 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** {@code [<c0234a10>]} → {@code c0234a10}; {@code 0018:ffff8801d8a0f4f8} → the part after the segment; {@code 00007f5c(0000)} → {@code 00007f5c}. */
    private static String cleanValue(String v) {
        String s = v;
        int paren = s.indexOf('(');
        if (paren > 0) {
            s = s.substring(0, paren);
        }
        if (s.startsWith("[<") && s.endsWith(">]")) {
            s = s.substring(2, s.length() - 2);
        }
        int colon = s.lastIndexOf(':');
        if (colon >= 0) {
            s = s.substring(colon + 1);
        }
        if (s.startsWith("0x")) {
            s = s.substring(2);
        }
        if (s.isEmpty() || s.length() > 16) {
            return null;
        }
        for (int k = 0; k < s.length(); k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return null;
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
