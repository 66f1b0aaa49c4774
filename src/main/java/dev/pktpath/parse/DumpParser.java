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

    /**
     * How much of the start of the input decides its format and the dump's majority architecture: a
     * streaming parse decides both before reading further, and a whole-file parse decides them the same
     * way so the two agree. Inputs shorter than this are judged on all of their text, as they always were.
     * Counted in bytes of the UTF-8 text (the lines up to the one holding the last byte): blocks are cut
     * in bytes, before decoding (for ASCII, nearly every dump, bytes are characters).
     */
    public static final int PREFIX = 4 << 20;
    /**
     * Bytes per block of a parse (a block is cut where a trace starts, so blocks run a little longer).
     * 256 KiB rather than 1 MiB: the blocks in flight and their traces are what a young collection finds
     * alive, and with the launcher's small young generation they were promoted and filled the old one
     * (cluster of a 200 MB foreach bt: 23 full collections, 2-3 s of pauses, against 3-4 and under 1 s).
     */
    public static final int BLOCK = 1 << 18;

    private final int blockSize;
    private final int threads;

    public DumpParser() {
        this(BLOCK, Runtime.getRuntime().availableProcessors());
    }

    /** A parser that cuts its input every {@code blockSize} characters and parses on {@code threads} threads. */
    public DumpParser(int blockSize, int threads) {
        this.blockSize = blockSize;
        this.threads = Math.max(1, Math.min(threads, 8));
    }

    public Dump parse(String source, String text) {
        List<Trace> traces = new ArrayList<>();
        List<Diagnostic> outside;
        try {
            outside = new BlockParse(blockSize, threads, traces::add, () -> { }).run(TextInput.of(source, text).utf8());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Dump(source, traces, outside);
    }

    /** The lines of a dump (without line breaks of their own, as {@link #splitLines} gives them). */
    public Dump parse(String source, List<String> rawLines) {
        return parse(source, String.join("\n", rawLines));
    }

    /**
     * Streams the traces of {@code in} to {@code sink}, in input order, on the calling thread, as they
     * are read: the first traces arrive before the rest of the input is read, and what has been handed
     * to the sink is not kept here. Blocks of the input are parsed on a small pool meanwhile, a bounded
     * number at a time, so memory stays flat whatever the input's size. Trace ids count from 1 in input
     * order, and the traces are those {@link #parse} gives for the same text. The format is decided from
     * the first {@link #PREFIX} bytes. Stops early (returning normally, the interrupt flag still
     * set) when the calling thread is interrupted; the listener hears of progress after each block.
     *
     * @return the dump-level diagnostics (lines outside any trace), complete once the input is read
     * @throws ParseException when the input cannot be read (its one-line message names the input)
     */
    public List<Diagnostic> stream(String source, TextInput in, java.util.function.Consumer<Trace> sink,
                                   ParseListener listener) throws ParseException {
        try {
            List<Diagnostic> out = new BlockParse(blockSize, threads, sink,
                    () -> listener.progress(in.bytesRead(), in.size())).run(in.utf8());
            listener.progress(in.bytesRead(), in.size());
            return out;
        } catch (InputReader.InputFailure e) {
            throw new ParseException(e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new ParseException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Whether a cleaned line is a mark of crash output (which wins over a console log it may quote). */
    static boolean isCrashMark(String cleaned) {
        return cleaned.length() <= CrashBtParser.MAX_LINE && mayMark(cleaned) && CRASH_MARK.matcher(cleaned).matches();
    }

    /**
     * {@link #isCrashMark} of the raw line {@code text[from, to)} cleaned ({@link LineCleaner#clean}): a
     * line that cannot be a mark is turned away by its first characters, in place, without a copy (the
     * format is decided on every line of the first {@link #PREFIX} bytes, and a console log has no mark
     * in any of them: a scan of each whole line for characters cleaning would change was most of the
     * time before the first block could be parsed).
     */
    static boolean isCrashMark(String text, int from, int to) {
        return mayMarkRaw(text, from, to) && isCrashMark(LineCleaner.clean(text.substring(from, to)));
    }

    /**
     * False when the raw line {@code s[from, to)} cleaned cannot start like a mark: after blanks, its
     * first character is printable ASCII and not mail quoting, so cleaning keeps it first, and it or the
     * printable characters after it are not a mark's literal (cleaning removes characters only after a
     * control character, and turns tabs into blanks; at one of those, the cleaned line is judged).
     */
    private static boolean mayMarkRaw(String s, int from, int to) {
        int i = from;
        while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i == to) {
            return false;
        }
        char c = s.charAt(i);
        if (c <= ' ' || c > '~' || c == '>') {
            return true;
        }
        String literal = literal(c);
        if (literal == null) {
            return false;
        }
        for (int k = 0; k < literal.length(); k++) {
            if (i + k == to) {
                return false;
            }
            char d = s.charAt(i + k);
            if (d < ' ' || d > '~') {
                return true;
            }
            if (d != literal.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the cleaned line {@code s} can match {@link #CRASH_MARK} at all, by how it starts after
     * blanks: each alternative of the pattern starts with a literal ({@code #}, {@code PID:},
     * {@code KERNEL-MODE }, {@code USER-MODE }, {@code [exception }), so most lines are turned away
     * without a matcher.
     */
    private static boolean mayMark(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                String literal = literal(c);
                return literal != null && s.startsWith(literal, i);
            }
        }
        return false;
    }

    /** The literal a mark that starts with {@code c} starts with, or null when no mark starts so. */
    private static String literal(char c) {
        return switch (c) {
            case '#' -> "#";
            case 'P' -> "PID:";
            case 'K' -> "KERNEL-MODE ";
            case 'U' -> "USER-MODE ";
            case '[' -> "[exception ";
            default -> null;
        };
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
