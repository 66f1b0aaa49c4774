package dev.pktpath.analysis;

/**
 * A rules file that cannot be used: unreadable, or a line that is not a rule. The message names file
 * and line and quotes the line, so control characters in it are shown as {@code ?}: the message goes
 * to a terminal.
 */
public final class RulesException extends Exception {
    public RulesException(String message) {
        super(printable(message));
    }

    private static String printable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) ? '?' : c);
        }
        return b.toString();
    }
}
