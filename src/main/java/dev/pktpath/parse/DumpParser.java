package dev.pktpath.parse;

import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parser's front door: cleans lines, recognises the format and hands the lines to its grammar.
 * Never throws on odd text: what it cannot read becomes a diagnostic.
 */
public final class DumpParser {
    /**
     * Marks of crash output: a frame line ({@code #3 [ffff...] f at ffff...}, 32-bit ARM's
     * {@code #3 [<c0...>] (f) from [<c0...>]}), a task header, or an exception block that {@code bt -e}
     * prints without frames ({@code KERNEL-MODE EXCEPTION FRAME AT: ...}, {@code [exception RIP: ...]}).
     */
    private static final Pattern CRASH_MARK = Pattern.compile("^\\s*(?:#\\d+\\s+(?:\\[(?:BSP:)?[0-9a-fA-F]+\\]\\s+)?\\S.*\\sat\\s+[0-9a-fA-F]+"
            + "|#\\d+\\s+\\[<[0-9a-fA-F]+>\\]\\s+\\(.*\\)\\s+from\\s+\\[<"
            + "|PID:\\s*(?:\\d+|\\?)\\s+TASK:|(?:KERNEL|USER)-MODE (?:EXCEPTION|INTERRUPT) FRAME|\\[exception [A-Z]+:).*");

    public Dump parse(String source, String text) {
        // split and clean in one pass: no list of raw lines beside the cleaned ones (for a 200 MB
        // dump that list alone was 3.5 million strings)
        List<SourceLine> lines = new ArrayList<>();
        forEachLine(text, raw -> lines.add(new SourceLine(lines.size() + 1, LineCleaner.clean(raw))));
        return parseClean(source, lines);
    }

    public Dump parse(String source, List<String> rawLines) {
        List<SourceLine> lines = new ArrayList<>(rawLines.size());
        for (int i = 0; i < rawLines.size(); i++) {
            lines.add(new SourceLine(i + 1, LineCleaner.clean(rawLines.get(i))));
        }
        return parseClean(source, lines);
    }

    /**
     * Streams the traces of {@code in} to {@code sink}, in input order, on the calling thread, as they
     * are read: the first traces arrive before the rest of the input is read, and what has been handed
     * to the sink is not kept here. Trace ids count from 1 in input order, as {@link #parse} gives them.
     * Stops early with an {@link InterruptedException}-free return when the calling thread is interrupted
     * (the caller checks {@link Thread#isInterrupted()}).
     *
     * @return the dump-level diagnostics (lines outside any trace), complete once the input is read
     * @throws ParseException when the input cannot be read (its one-line message names the input)
     */
    public List<Diagnostic> stream(String source, TextInput in, java.util.function.Consumer<Trace> sink,
                                   ParseListener listener) throws ParseException {
        // first cut: read everything, then parse; the streaming, parallel version replaces this body
        String text;
        try {
            text = new String(readAll(in.reader()));
        } catch (java.io.IOException e) {
            throw new ParseException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
        Dump dump = parse(source, text);
        listener.progress(in.bytesRead(), in.size());
        for (Trace t : dump.traces()) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            sink.accept(t);
        }
        return dump.diagnostics();
    }

    private static char[] readAll(java.io.Reader r) throws java.io.IOException {
        java.io.CharArrayWriter w = new java.io.CharArrayWriter();
        r.transferTo(w);
        return w.toCharArray();
    }

    private Dump parseClean(String source, List<SourceLine> lines) {
        List<Diagnostic> outside = new ArrayList<>();
        // crash's bt output wins when present (a crash session may quote the console log); anything
        // else is read as a console log, which yields no trace when it holds no report
        List<Trace> traces = looksLikeCrash(lines)
                ? new CrashBtParser().parse(lines, outside)
                : new OopsParser().parse(lines, outside);
        return new Dump(source, traces, outside);
    }

    private static boolean looksLikeCrash(List<SourceLine> lines) {
        for (SourceLine l : lines) {
            if (l.text().length() <= CrashBtParser.MAX_LINE && mayMark(l.text()) && CRASH_MARK.matcher(l.text()).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a line can match {@link #CRASH_MARK} at all, by its first non-blank character: the
     * regex is tried on every line of a console log that holds no crash output, so most lines are
     * turned away here without a matcher.
     */
    private static boolean mayMark(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '#' || c == 'P' || c == 'K' || c == 'U' || c == '[';
            }
        }
        return false;
    }

    /** Splits on LF, CRLF or lone CR. */
    public static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        forEachLine(text, out::add);
        return out;
    }

    /** Each line of {@code text} in order, split as {@link #splitLines} does. */
    private static void forEachLine(String text, java.util.function.Consumer<String> out) {
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.accept(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            out.accept(text.substring(start));
        }
    }
}
