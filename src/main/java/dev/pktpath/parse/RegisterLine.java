package dev.pktpath.parse;

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
    private RegisterLine() {
    }

    /**
     * The registers of the line, in print order, or null when the line is not (only) registers. Every
     * line of a console report that has a colon near its start comes here ({@code Code: 48 89 e5 ...},
     * {@code Hardware name: QEMU ...}), so a printable ASCII line is cut into words by hand (a regex
     * split was a fifth of the console parse); others go to {@link #parseGeneral}.
     */
    static Map<String, String> parse(String line) {
        int len = line.length();
        if (len > 240 || line.indexOf(':') < 0) {
            return null;
        }
        String[] tok = new String[len / 2 + 1];
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
            int start = i;
            while (i < len && line.charAt(i) > ' ' && line.charAt(i) <= 0x7e) {
                i++;
            }
            tok[n++] = line.substring(start, i);
            if (n == 2 && !maybeRegisters(tok)) {
                return null;
            }
        }
        return n == 0 ? null : pairs(tok, n);
    }

    /**
     * Whether a line whose first two words are {@code tok[0]} and {@code tok[1]} can be registers at all,
     * as {@link #pairs} would judge it: the first word is a name followed by a colon (with its value after
     * it, or in the next word), or a name before a lone {@code :}.
     */
    private static boolean maybeRegisters(String[] tok) {
        String name = tok[0];
        int colon = name.indexOf(':');
        if (colon > 0) {
            return isName(name.substring(0, colon));
        }
        return tok[1].equals(":") && isName(name);
    }

    /**
     * {@link #parse}, the general way: the line split on the regex {@code \\s+}. Kept as the definition
     * {@link #parse} is held to ({@code RegisterLineTest}), and for lines that are not printable ASCII.
     */
    static Map<String, String> parseGeneral(String line) {
        if (line.length() > 240 || line.indexOf(':') < 0) {
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
