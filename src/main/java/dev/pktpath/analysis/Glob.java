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
        return glob.chars().noneMatch(c -> c == '*' || c == '?' || c == '{');
    }

    private static void flush(StringBuilder re, StringBuilder literal) {
        if (!literal.isEmpty()) {
            re.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
