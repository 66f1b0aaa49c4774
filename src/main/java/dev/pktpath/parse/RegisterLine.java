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

    /** The registers of the line, in print order, or null when the line is not (only) registers. */
    static Map<String, String> parse(String line) {
        if (line.length() > 240 || line.indexOf(':') < 0) {
            return null;
        }
        String[] tok = line.trim().split("\\s+");
        Map<String, String> out = new LinkedHashMap<>();
        int n = tok.length;
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
