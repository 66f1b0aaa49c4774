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
        String s = raw;
        if (s.indexOf('\u001B') >= 0 || s.indexOf('\u009B') >= 0) {
            s = ESCAPES.matcher(s).replaceAll("");
        }
        s = CONTROLS.matcher(s).replaceAll("");
        if (s.indexOf('\t') >= 0) {
            s = s.replace('\t', ' ');
        }
        if (!s.isEmpty() && (s.charAt(0) == '>' || s.stripLeading().startsWith(">"))) {
            s = MAIL_QUOTE.matcher(s).replaceFirst("");
        }
        return s;
    }
}
