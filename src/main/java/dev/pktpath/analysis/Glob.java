package dev.pktpath.analysis;

import java.util.regex.Pattern;

/**
 * Shell-style name patterns of the rules table: {@code *} any run of characters, {@code ?} one
 * character, {@code {a,b,c}} one of the alternatives (no nesting), everything else literal.
 * {@code {bnx2,tg3}_*poll*} matches {@code bnx2_poll_work}.
 */
final class Glob {
    private Glob() {
    }

    /** The whole-name regex for a glob; throws IllegalArgumentException with a reason when malformed. */
    static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean inBraces = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*', '?', '{', '}', ',' -> {
                    if (c == ',' && !inBraces) {
                        literal.append(c);
                        continue;
                    }
                    flush(re, literal);
                    if (c == '*') {
                        re.append(".*");
                    } else if (c == '?') {
                        re.append('.');
                    } else if (c == '{') {
                        if (inBraces) {
                            throw new IllegalArgumentException("nested '{' in pattern '" + glob + "'");
                        }
                        inBraces = true;
                        re.append("(?:");
                    } else if (c == '}') {
                        if (!inBraces) {
                            throw new IllegalArgumentException("'}' without '{' in pattern '" + glob + "'");
                        }
                        inBraces = false;
                        re.append(')');
                    } else {
                        re.append('|');
                    }
                }
                default -> literal.append(c);
            }
        }
        if (inBraces) {
            throw new IllegalArgumentException("unclosed '{' in pattern '" + glob + "'");
        }
        flush(re, literal);
        return Pattern.compile(re.toString());
    }

    /** True when the glob has no wildcard at all, so an exact comparison will do. */
    static boolean isLiteral(String glob) {
        // a loop, not a stream: this runs for each of the built-in table's rules at every start-up
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?' || c == '{') {
                return false;
            }
        }
        return true;
    }

    /** Braces expand to at most this many plain globs; past it a glob is matched by its regex. */
    static final int MAX_ALTERNATIVES = 256;

    /**
     * The glob as plain globs ({@code *} and {@code ?} only) whose union it matches, braces expanded:
     * {@code {bnx2,tg3}_*poll*} gives {@code bnx2_*poll*} and {@code tg3_*poll*}. Null when the
     * expansion would pass {@link #MAX_ALTERNATIVES}. Throws IllegalArgumentException as {@link #compile} does.
     */
    static String[] expand(String glob) {
        if (glob.indexOf('{') < 0 && glob.indexOf('}') < 0) {
            return new String[]{glob}; // most rules: nothing to expand
        }
        java.util.List<StringBuilder> out = new java.util.ArrayList<>();
        out.add(new StringBuilder());
        java.util.List<String> group = null;
        StringBuilder alt = null;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '{') {
                if (group != null) {
                    throw new IllegalArgumentException("nested '{' in pattern '" + glob + "'");
                }
                group = new java.util.ArrayList<>();
                alt = new StringBuilder();
            } else if (c == '}') {
                if (group == null) {
                    throw new IllegalArgumentException("'}' without '{' in pattern '" + glob + "'");
                }
                group.add(alt.toString());
                if (out == null || (long) out.size() * group.size() > MAX_ALTERNATIVES) {
                    out = null;
                } else {
                    java.util.List<StringBuilder> next = new java.util.ArrayList<>(out.size() * group.size());
                    for (StringBuilder prefix : out) {
                        for (String a : group) {
                            next.add(new StringBuilder(prefix).append(a));
                        }
                    }
                    out = next;
                }
                group = null;
            } else if (c == ',' && group != null) {
                group.add(alt.toString());
                alt.setLength(0);
            } else if (group != null) {
                alt.append(c);
            } else if (out != null) {
                for (StringBuilder b : out) {
                    b.append(c);
                }
            }
        }
        if (group != null) {
            throw new IllegalArgumentException("unclosed '{' in pattern '" + glob + "'");
        }
        if (out == null) {
            return null;
        }
        String[] plain = new String[out.size()];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = out.get(i).toString();
        }
        return plain;
    }

    /**
     * Whether {@code name} matches the plain glob {@code p} ({@code *} and {@code ?} only), as the regex
     * {@link #compile} makes of it would say, for a name of plain characters: {@link #isPlain}.
     * The usual wildcard walk, going back to the last {@code *} on a mismatch (no regex: building
     * several hundred patterns was a third of {@code print --sample}'s start-up).
     */
    static boolean matchesPlain(String p, String name) {
        int pi = 0;
        int ni = 0;
        int star = -1;
        int mark = 0;
        int pn = p.length();
        int nn = name.length();
        while (ni < nn) {
            char c = pi < pn ? p.charAt(pi) : 0;
            if (pi < pn && c == '*') {
                star = pi++;
                mark = ni;
            } else if (pi < pn && (c == '?' || c == name.charAt(ni))) {
                pi++;
                ni++;
            } else if (star >= 0) {
                pi = star + 1;
                ni = ++mark;
            } else {
                return false;
            }
        }
        while (pi < pn && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == pn;
    }

    /**
     * A name the plain walk decides exactly as the regex would: no surrogates (a regex {@code .} takes a
     * whole code point) and no line terminators (which {@code .} does not match).
     */
    static boolean isPlain(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void flush(StringBuilder re, StringBuilder literal) {
        if (!literal.isEmpty()) {
            re.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
