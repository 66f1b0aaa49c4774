package dev.pktpath.parse;

import dev.pktpath.model.Task;

/**
 * A hand-written reader for the task header crash prints once per task of a {@code foreach bt}
 * (190,000 times in 200 MB), {@code PID: 0      TASK: ffffffff81a8d020  CPU: 3   COMMAND: "swapper"}
 * (task.c print_task_header; the seed sample's shape): the pid, the task address, the CPU and the quoted
 * command, each after its word. It gives the task {@link CrashBtGrammar#TASK_HEADER} and
 * {@code CrashBtParser.task} give for such a line, without a matcher, substrings or boxing; anything
 * else (a {@code ?} or {@code -} CPU is fine, but an unquoted command, text after the closing quote, a
 * task address of more than 16 digits, numbers too long for a {@code long}, a character outside
 * printable ASCII) it leaves to the pattern, which stays the reference ({@code CrashBtFastPathTest}
 * holds the two to the same traces).
 *
 * <p>Why the reading is the pattern's: {@code ^PID:\s*(\d+|\?)\s+TASK:\s*(HEX)\s+CPU:\s*(\S+)\s+COMMAND:\s*(?:"(.*)"|(\S+))(.*)$}
 * on printable ASCII without tabs has one way to match a line that has this shape: each group is a
 * run of characters that cannot be a blank, followed by the blanks the next word needs, so no
 * backtracking can move a boundary; and the greedy {@code "(.*)"} ends at the line's last quote, which
 * this reader requires to be the line's last character (so the pattern's rest is empty).
 */
final class TaskHeaderScanner {
    private TaskHeaderScanner() {
    }

    /**
     * The task of the header {@code text[from, to)} (cleaned and stripped, as the parser reads it; the
     * command's name from {@code names}), or null when the line does not have the usual shape.
     */
    static Task read(String text, int from, int to, NameCache names) {
        // every character is checked to be printable ASCII (outside it the pattern's "." and "\s" have
        // their own rules, and a tab is no blank to this reader): those of the words, digits and blanks
        // by matching them, the CPU and the command by CrashBtShapes.isPrintableAscii()
        if (to - from < 4 || !text.startsWith("PID:", from)) {
            return null;
        }
        int i = CrashBtShapes.skipSpaces(text, from + 4, to);
        long pid;
        int d = i;
        if (i < to && text.charAt(i) == '?') {
            pid = -1;
            i++;
        } else {
            // the loops over the line's characters are helpers (as in FrameScanner): this method was
            // compiled twice in a fresh run, on-stack replacement first
            i = digitsEnd(text, i, to);
            if (i == d || i - d > 18) {
                return null;
            }
            pid = decimal(text, d, i);
        }
        int e = CrashBtShapes.skipSpaces(text, i, to);
        if (e == i || !text.startsWith("TASK:", e)) {
            return null;
        }
        i = CrashBtShapes.skipSpaces(text, e + 5, to);
        d = i;
        i = Hex.end(text, i, to);
        int taskDigits = i - d;
        if (taskDigits == 0 || taskDigits > 16) {
            return null;
        }
        long task = Hex.value(text, d, i);
        e = CrashBtShapes.skipSpaces(text, i, to);
        if (e == i || !text.startsWith("CPU:", e)) {
            return null;
        }
        d = CrashBtShapes.skipSpaces(text, e + 4, to);
        i = text.indexOf(' ', d);
        if (i <= d || i >= to || !CrashBtShapes.isPrintableAscii(text, d, i)) {
            return null;
        }
        // CrashBtParser.task: a CPU of 1 to 9 digits is a number, anything else ("-", "?") none
        int cpu = i - d <= 9 ? (int) decimal(text, d, i) : -1;
        e = CrashBtShapes.skipSpaces(text, i, to);
        if (e == i || !text.startsWith("COMMAND:", e)) {
            return null;
        }
        int quote = CrashBtShapes.skipSpaces(text, e + 8, to);
        if (quote >= to - 1 || text.charAt(quote) != '"' || text.charAt(to - 1) != '"' || !CrashBtShapes.isPrintableAscii(text, quote + 1, to - 1)) {
            return null;
        }
        return Task.of(pid, task, taskDigits, cpu, names.name(text, quote + 1, to - 1));
    }

    /** The end of the decimal digits from {@code i} (before {@code to}). */
    private static int digitsEnd(String text, int i, int to) {
        char c;
        while (i < to && (c = text.charAt(i)) >= '0' && c <= '9') {
            i++;
        }
        return i;
    }

    /** The value of {@code text[from, to)} (at most 18 digits) when it is all decimal digits, else -1. */
    private static long decimal(String text, int from, int to) {
        long n = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
