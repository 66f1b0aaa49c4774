package dev.pktpath.tui;

import java.util.List;

/**
 * The one-line prompt at the bottom: {@code :} commands, {@code /} search, {@code f} filter.
 * A small line editor with history (Up/Down) that knows nothing about what the line means.
 */
final class Prompt {
    enum Kind {
        COMMAND(":"), SEARCH("/"), FILTER("filter: ");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    final Kind kind;
    private final StringBuilder text = new StringBuilder();
    private int cursor;
    private final List<String> history;
    /** Position while walking the history; history.size() means the line being typed. */
    private int historyPos;
    private String typed = "";

    Prompt(Kind kind, String initial, List<String> history) {
        this.kind = kind;
        this.history = history;
        this.historyPos = history.size();
        text.append(initial);
        cursor = text.length();
    }

    String text() {
        return text.toString();
    }

    int cursor() {
        return cursor;
    }

    void insert(char c) {
        text.insert(cursor++, c);
    }

    void backspace() {
        if (cursor > 0) {
            text.deleteCharAt(--cursor);
        }
    }

    void delete() {
        if (cursor < text.length()) {
            text.deleteCharAt(cursor);
        }
    }

    void left() {
        cursor = Math.max(0, cursor - 1);
    }

    void right() {
        cursor = Math.min(text.length(), cursor + 1);
    }

    void home() {
        cursor = 0;
    }

    void end() {
        cursor = text.length();
    }

    void clear() {
        text.setLength(0);
        cursor = 0;
    }

    void replace(String s) {
        text.setLength(0);
        text.append(s);
        cursor = text.length();
    }

    void historyUp() {
        if (historyPos == 0) {
            return;
        }
        if (historyPos == history.size()) {
            typed = text();
        }
        replace(history.get(--historyPos));
    }

    void historyDown() {
        if (historyPos >= history.size()) {
            return;
        }
        historyPos++;
        replace(historyPos == history.size() ? typed : history.get(historyPos));
    }
}
