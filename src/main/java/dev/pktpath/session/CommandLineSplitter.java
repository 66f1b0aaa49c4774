package dev.pktpath.session;

import java.util.ArrayList;
import java.util.List;

/** Splits a typed command line into words: blanks separate, single or double quotes group, {@code #} starts a comment. */
public final class CommandLineSplitter {
    private CommandLineSplitter() {
    }

    public static List<String> split(String line) throws CommandException {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    w.append(line.charAt(++i));
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                if (w == null) {
                    w = new StringBuilder();
                }
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    words.add(w.toString());
                    w = null;
                }
            } else if (c == '#' && w == null) {
                break;
            } else {
                if (w == null) {
                    w = new StringBuilder();
                }
                w.append(c);
            }
        }
        if (quote != 0) {
            throw new CommandException("unclosed " + quote + " quote");
        }
        if (w != null) {
            words.add(w.toString());
        }
        return words;
    }
}
