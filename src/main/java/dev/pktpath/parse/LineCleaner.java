package dev.pktpath.parse;

import java.util.regex.Pattern;

/**
 * Turns a raw input line into the text the grammars see: no CR, no mail quoting, no tabs, no
 * terminal control sequences. Console prefixes (timestamps, syslog) are the console grammar's
 * business, since crash output never carries them.
 */
public final class LineCleaner {
    /** Mail quoting: {@code > } repeated, as when a backtrace is pasted into a reply. */
    private static final Pattern MAIL_QUOTE = Pattern.compile("^[ >]*> ?");
    /** CSI/OSC/other ESC sequences, then any remaining C0/C1 control characters but tab. */
    private static final Pattern ESCAPES = Pattern.compile(
            "\\u001B\\[[0-?]*[ -/]*[@-~]|\\u001B\\][^\\u0007\\u001B]*(?:\\u0007|\\u001B\\\\)?|\\u001B[@-Z\\\\-_]?|\\u009B[0-?]*[ -/]*[@-~]");
    private static final Pattern CONTROLS = Pattern.compile("[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]");

    private LineCleaner() {
    }

    public static String clean(String raw) {
        if (isPlain(raw)) {
            // the common line: printable ASCII, no tab, no quoting; nothing to do, nothing to copy
            return raw;
        }
        String s = raw;
        if (s.indexOf('\u001B') >= 0 || s.indexOf('\u009B') >= 0) {
            s = ESCAPES.matcher(s).replaceAll("");
        }
        if (hasControl(s)) {
            s = CONTROLS.matcher(s).replaceAll("");
        }
        if (s.indexOf('\t') >= 0) {
            s = s.replace('\t', ' ');
        }
        if (firstNonBlank(s) == '>') {
            s = MAIL_QUOTE.matcher(s).replaceFirst("");
        }
        return s;
    }

    /**
     * {@link #clean} then {@link String#strip}, in one pass and one copy for the common line (printable
     * ASCII, maybe tabs): crash output is indented with blanks and tabs that both calls would copy.
     */
    public static String cleanStripped(String raw) {
        return cleanStripped(raw, 0, raw.length());
    }

    /** {@link #cleanStripped(String)} of {@code text.substring(from, to)}, without that copy when it can. */
    public static String cleanStripped(String text, int from, int to) {
        int first = -1;
        int last = -1;
        boolean tab = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (c == '\t') {
                tab = true;
                continue;
            }
            if (c < 0x20 || c > 0x7e) {
                return clean(text.substring(from, to)).strip();
            }
            if (first < 0) {
                if (c == '>') {
                    return clean(text.substring(from, to)).strip();
                }
                first = i;
            }
            last = i;
        }
        if (first < 0) {
            return "";
        }
        String s = first == 0 && last == text.length() - 1 ? text : text.substring(first, last + 1);
        return tab ? s.replace('\t', ' ') : s;
    }

    /** Printable ASCII only and not mail-quoted: {@link #clean} leaves such a line as it is. */
    private static boolean isPlain(String s) {
        return isPlain(s, 0, s.length());
    }

    /** {@link #isPlain(String)} of {@code s.substring(from, to)}, without the copy. */
    static boolean isPlain(String s, int from, int to) {
        boolean lead = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
            if (lead && c != ' ') {
                if (c == '>') {
                    return false;
                }
                lead = false;
            }
        }
        return true;
    }

    /**
     * Whether {@link #CONTROLS} would remove anything: a scan without a matcher, since almost no
     * line has one and this runs for every line of a dump of millions.
     */
    private static boolean hasControl(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The grammars' {@code \s} (a Java pattern without UNICODE_CHARACTER_CLASS): ASCII blanks and line
     * ends, for the readers that stand in for a regex.
     */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The first character that is not whitespace (as {@link String#stripLeading()} sees it), or 0. */
    private static char firstNonBlank(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return 0;
    }
}
