package dev.pktpath.parse;

import dev.pktpath.model.Arch;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Names;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import static dev.pktpath.parse.CrashBtGrammar.*;

/**
 * Reads crash's {@code bt} output (every {@code bt} option, {@code bt -a}, {@code foreach bt}) into traces.
 * A state machine over cleaned lines:
 * <ul>
 *   <li>OUTSIDE (no open trace): a task header, a frame line or a register block opens a trace; a
 *       {@code crash>} prompt and anything else is kept as a dump-level diagnostic.</li>
 *   <li>IN_TRACE: frames, stack markers, {@code bt -l} source lines, {@code bt -f} stack data and crash's
 *       own messages attach to the open trace; a block header or a register line opens a register block.</li>
 *   <li>IN_REGISTERS: lines the block takes stay in it; any other line (or a blank line) closes the block and
 *       is then read as in IN_TRACE.</li>
 * </ul>
 * A task header or a prompt closes the open trace. Nothing is dropped: every line that is not part of a
 * frame, a block, or a trace's structure becomes a diagnostic saying what it was taken for.
 *
 * <p>Stack markers: crash prints {@code --- <IRQ stack> ---} after the frames that ran on that stack
 * (x86_64.c, arm64.c, riscv64.c and kernel.c all print the marker when they leave a stack), so a marker
 * sets the context of the frames printed since the previous marker; frames after the last marker ran on
 * the task's own stack.
 */
public final class CrashBtParser {
    /** Longer than any line crash prints (a bt -F stack line with long symbols stays well below). */
    static final int MAX_LINE = 4096;

    /** One trace of a block, with what the block could not know alone. */
    record Piece(Trace trace, boolean ownArch, boolean ownPanic) {
    }

    /**
     * What one block of input yields: its traces in order (ids still to be given), the lines outside any
     * trace, the last {@code PANIC:} string it printed (when {@code panicSeen}), and the architecture
     * votes of its traces that start within the dump's prefix (see {@link CrashBtArch#majority}).
     */
    record Chunk(List<Piece> pieces, List<Diagnostic> outside, boolean panicSeen, String lastPanic,
                 Map<Arch, Integer> prefixVotes) {
    }

    private final List<Diagnostic> outside = new ArrayList<>();
    private final List<TraceBuilder> built = new ArrayList<>();
    private final CrashBtArch.Hints hints = new CrashBtArch.Hints();
    private TraceBuilder open;
    /** The last {@code PANIC:} string of this block, and whether one was seen (else later traces inherit it). */
    private String panic;
    private boolean panicSeen;
    private int previous;
    /** Whether lines of a known shape skip the patterns that cannot match them ({@link CrashBtShapes}). */
    private final boolean fast;
    /** The frame line {@link FrameScanner} read last (one per parser, so no allocation per line). */
    private final FrameScanner.Scan scan = new FrameScanner.Scan();
    /**
     * The thread whose caches {@link #names} and {@link #sources} are: a parser may go on on another
     * thread than the one that started it, and each cache is one thread's. Asked for once per block
     * and thread, not through a ThreadLocal lookup per line (2.6% of a warm parse).
     */
    private Thread owner;
    private NameCache names;
    private CrashBtSources sources;
    /** The open trace's frames, held until it ends (one trace is open at a time). */
    private final CrashBtFrames table = new CrashBtFrames();

    CrashBtParser() {
        this(true);
    }

    /** A parser that reads every line through the whole chain of patterns when {@code fast} is false (tests). */
    CrashBtParser(boolean fast) {
        this.fast = fast;
    }

    /** This thread's cache of names. */
    private NameCache names() {
        if (Thread.currentThread() != owner) {
            own();
        }
        return names;
    }

    /** This thread's cache of source lines. */
    private CrashBtSources sources() {
        if (Thread.currentThread() != owner) {
            own();
        }
        return sources;
    }

    private void own() {
        owner = Thread.currentThread();
        names = NameCache.local();
        sources = CrashBtSources.local();
    }

    /**
     * Reads the line {@code block[from, to)} as it comes (not cleaned): the lines a foreach bt prints
     * most are read in place ({@link #inPlace}), without the copy cleaning makes; any other line is
     * cleaned and stripped, then read by {@link #accept(int, String)}.
     */
    void accept(int no, String block, int from, int to) {
        if (fast) {
            int a = from;
            char c;
            while (a < to && ((c = block.charAt(a)) == ' ' || c == '\t')) {
                a++;
            }
            if (a == to) {
                // a blank line (one after each task of a foreach bt), which accept(int, String) ignores
                return;
            }
            int b = to;
            while ((c = block.charAt(b - 1)) == ' ' || c == '\t') {
                b--;
            }
            if (b - a <= MAX_LINE && inPlace(no, block, a, b)) {
                return;
            }
        }
        accept(no, LineCleaner.cleanStripped(block, from, to));
    }

    /**
     * The line {@code block[a, b)} (stripped of blanks and tabs, not cleaned), read in place when it is
     * one of the shapes below; false, with nothing read, for any other line. Each reader takes only
     * printable ASCII where it matters (so the range is what cleaning gives) and says why
     * {@link #accept(int, String)} would read the line the same; each is a method of its own, so that
     * this dispatch stays small for the JIT.
     */
    private boolean inPlace(int no, String block, int a, int b) {
        if (open != null && open.block != null) {
            return inBlock(no, block, a, b);
        }
        char first = block.charAt(a);
        if (first == '#') {
            return frameInPlace(no, block, a, b);
        }
        if (open != null && Hex.isDigit(first)) {
            return stackWordsInPlace(no, block, a, b);
        }
        if (first == 'P') {
            return taskInPlace(no, block, a, b);
        }
        if (first == '-') {
            return markerInPlace(no, block, a, b);
        }
        return first == '/' && open != null && sourceInPlace(no, block, a, b);
    }

    /**
     * The usual frame line. FrameScanner checks every character is printable ASCII and takes no tab
     * inside, so {@code block[a, b)} is what LineCleaner.cleanStripped gives for this line.
     */
    private boolean frameInPlace(int no, String block, int a, int b) {
        if (!FrameScanner.scan(block, a, b, scan)) {
            return false;
        }
        previous = no;
        open = ensure(open, no, panic, panicSeen, hints, table);
        open.addScanned(scan, names(), no, block, a, b);
        return true;
    }

    /**
     * Plain stack words ({@code bt -f}): hex digits, a colon and single blanks, so printable ASCII, no
     * tab inside, and {@code block[a, b)} is the cleaned, stripped line; see accept(int, String) for why
     * no other pattern can take it (a hex digit first is no prompt, PANIC, PID or marker).
     */
    private boolean stackWordsInPlace(int no, String block, int a, int b) {
        if (!CrashBtShapes.isPlainStackWords(block, a, b)) {
            return false;
        }
        previous = no;
        open.lastLine = no;
        open.stackData(block, a, b, no);
        return true;
    }

    /** A task header ({@link TaskHeaderScanner}, which checks every character is printable ASCII). */
    private boolean taskInPlace(int no, String block, int a, int b) {
        Task t = TaskHeaderScanner.read(block, a, b, names());
        if (t == null) {
            return false;
        }
        previous = no;
        startTask(no, t);
        return true;
    }

    /**
     * A stack marker, {@code --- <IRQ stack> ---} (own sample; 32,000 in a 200 MB generated foreach
     * bt): three dashes, blanks, {@code <}, the name, {@code >}, blanks, three dashes, every character
     * printable ASCII (no tab). What {@link CrashBtGrammar#STACK_MARKER} reads: its lazy name starts at
     * the first non-blank after the {@code <} and ends at the last non-blank before a {@code >} that
     * only blanks and the dashes follow, which is the line's last {@code >}; and a {@code -} first is
     * no frame, prompt, PANIC or task header, so the marker pattern is the first that could take it.
     */
    private boolean markerInPlace(int no, String block, int a, int b) {
        if (b - a < 9 || !block.startsWith("---", a) || !block.startsWith("---", b - 3)) {
            return false;
        }
        int i = a + 3;
        while (block.charAt(i) == ' ') {
            i++;
        }
        int close = b - 4;
        while (close > i && block.charAt(close) == ' ') {
            close--;
        }
        if (block.charAt(i) != '<' || block.charAt(close) != '>') {
            return false;
        }
        int name = i + 1;
        while (name < close && block.charAt(name) == ' ') {
            name++;
        }
        int end = close;
        while (end > name && block.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == name || !CrashBtShapes.isPrintableAscii(block, name, end)) {
            return false;
        }
        previous = no;
        open = ensure(open, no, panic, panicSeen, hints, table);
        open.lastLine = no;
        open.marker(names().name(block, name, end), no);
        return true;
    }

    /**
     * A {@code bt -l} source line: '/' first is no prompt, PANIC, PID, marker or stack word, so the
     * source pattern is the first that could take it. Read as {@link CrashBtShapes#sourceColon} reads
     * it, printable ASCII and tabs only (which cleaning would turn into blanks; no blank is part of what
     * is read), in one pass over the file part that also hashes it ({@link CrashBtSources}): the line
     * number at the end, blanks and tabs back to the colon, then {@code /} and at least one printable
     * character that is no blank (or a source extension) before it.
     */
    private boolean sourceInPlace(int no, String block, int a, int b) {
        int digits = CrashBtShapes.digitsStart(block, a, b);
        if (digits == b) {
            return false;
        }
        int colon = digits;
        char c;
        while (colon > a && ((c = block.charAt(colon - 1)) == ' ' || c == '\t')) {
            colon--;
        }
        colon--;
        if (colon < a + 1 || block.charAt(colon) != ':') {
            return false;
        }
        long hash = CrashBtShapes.printableWordHash(block, a, colon);
        if (hash < 0 || (colon < a + 2 && !CrashBtShapes.hasSourceExtension(block, a, colon))) {
            return false;
        }
        previous = no;
        open.lastLine = no;
        open.source(sources().source(block, a, colon, (int) hash, digits, b), no, block, a, b);
        return true;
    }

    /**
     * The shared {@code file:line} of the source line {@code text[from, to)} whose colon is at
     * {@code colon} ({@link CrashBtShapes#sourceColon}): what {@link CrashBtShapes#sourceOf} gives, cut
     * through the thread's cache of source lines.
     */
    private static String sourceName(String text, int from, int to, int colon) {
        return NameCache.sources().name(text, from, colon + 1, CrashBtShapes.digitsStart(text, from, to), to);
    }

    /**
     * A register block's usual line, read in place ({@link CrashBtRegisterBlock#offerPairs}).
     * accept(int, String) would keep such a line in the block too: it is no task header, no block
     * header and no stack data line (offerPairs takes none of them), and offer takes it.
     */
    private boolean inBlock(int no, String block, int a, int b) {
        if (!open.block.offerPairs(block, a, b)) {
            return false;
        }
        previous = no;
        open.lastLine = no;
        return true;
    }

    /** A task header: the open trace ends, the task's starts. */
    private void startTask(int no, Task task) {
        close(open, built);
        open = new TraceBuilder(no, panic, panicSeen, hints, table);
        open.task = task;
    }

    /**
     * Reads one line, already cleaned ({@link LineCleaner}) and stripped of surrounding blanks.
     * Lines come in input order; a block starts at a task header or at the start of the input.
     */
    void accept(int no, String text) {
        if (text.length() > MAX_LINE) {
            // no crash line is this long; keep it short of the grammars so a pasted blob cannot slow them down
            (open == null ? outside : open.diagnostics).add(new Diagnostic(no, "line too long for crash output, kept as text",
                    text.substring(0, 200)));
            return;
        }
        if (text.isEmpty()) {
            // crash prints no blank line inside a block; a blank line here is a mail client's double spacing
            return;
        }
        int before = previous;
        previous = no;
        char c0 = text.charAt(0);
        if (open != null && open.block != null) {
            // a task header always ends a register block, so a block never spans two traces (and the
            // streaming parser may cut the input before any task header)
            if (!(c0 == 'P' && isTaskHeader(text))
                    && (!CrashBtRegisterBlock.isHeader(text) || open.block.continuesWith(text))
                    && !(Hex.isDigit(c0) && STACK_DATA.matcher(text).matches())
                    && open.block.offer(text) != CrashBtRegisterBlock.Fit.NO) {
                open.lastLine = no;
                return;
            }
            open.closeBlock();
        }
        Matcher m;
        if (c0 == '#') {
            // the common line first: a frame cannot be a prompt, a PANIC line, a task header or a marker
            if (fast && FrameScanner.scan(text, scan)) {
                open = ensure(open, no, panic, panicSeen, hints, table);
                open.addScanned(scan, names(), no, text, 0, text.length());
                return;
            }
            if ((m = FRAME.matcher(text)).matches()) {
                open = ensure(open, no, panic, panicSeen, hints, table);
                open.addFrame(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), null, no, text);
                return;
            }
            if ((m = ARM_FRAME.matcher(text)).matches()) {
                open = ensure(open, no, panic, panicSeen, hints, table);
                open.addFrame(m.group(1), null, m.group(3), m.group(2), m.group(6), m.group(4), no, text);
                return;
            }
        } else {
            // each pattern below starts with a fixed word: test the word before running the pattern
            if (c0 == 'c' && text.startsWith("crash") && PROMPT.matcher(text).matches()) {
                open = close(open, built);
                outside.add(new Diagnostic(no, "crash prompt", text));
                return;
            }
            if (c0 == 'P' && text.startsWith("PANIC:") && (m = PANIC.matcher(text)).matches()) {
                panic = m.group(1);
                panicSeen = true;
                (open == null ? outside : open.diagnostics).add(new Diagnostic(no, "crash panic message", text));
                return;
            }
            if (c0 == 'P' && text.startsWith("PID:")) {
                Task t = fast ? TaskHeaderScanner.read(text, 0, text.length(), names()) : null;
                if (t == null && (m = TASK_HEADER.matcher(text)).matches()) {
                    t = task(m);
                }
                if (t != null) {
                    startTask(no, t);
                    return;
                }
            }
            if (c0 == '-' && text.startsWith("---") && (m = STACK_MARKER.matcher(text)).matches()) {
                open = ensure(open, no, panic, panicSeen, hints, table);
                open.lastLine = no;
                open.marker(m.group(1), no);
                return;
            }
            if (fast && open != null) {
                // the two lines a foreach bt prints most after frames, each sent to its one pattern
                // (CrashBtShapes says why none of the patterns below could take them first)
                if (Hex.isDigit(c0) && CrashBtShapes.isPlainStackWords(text)) {
                    open.lastLine = no;
                    open.stackData(text, no);
                    return;
                }
                int colon = CrashBtShapes.mayBeSourceLine(text) ? CrashBtShapes.sourceColon(text, 0, text.length()) : -1;
                if (colon >= 0) {
                    open.lastLine = no;
                    open.source(sourceName(text, 0, text.length(), colon), no, text, 0, text.length());
                    return;
                }
            }
        }
        if (!CRASH_MESSAGE.matcher(text).matches()) {
            CrashBtRegisterBlock block = CrashBtRegisterBlock.open(text, no);
            if (block != null) {
                open = ensure(open, no, panic, panicSeen, hints, table);
                open.block = block;
                open.lastLine = no;
                return;
            }
        }
        if (open == null) {
            outside.add(new Diagnostic(no, outsideMessage(text), text));
            return;
        }
        open.lastLine = no;
        if (open.lastLineWasFrame(before) && WRAPPED_TAIL.matcher(text).matches()) {
            open.wrappedTail(text, no);
        } else if ((m = SOURCE_LINE.matcher(text)).matches()) {
            open.source(Names.intern(m.group(1) + ":" + m.group(2)), no, text, 0, text.length());
        } else if (STACK_DATA.matcher(text).matches() || FRAME_SUMMARY.matcher(text).matches()) {
            open.stackData(text, no);
        } else if (TEXT_SYMBOL.matcher(text).matches()) {
            open.textSymbols.add(new SourceLine(no, text));
        } else if (BOGUS_FRAME.matcher(text).matches()) {
            open.bogus(no, text);
        } else if (ACTIVE.matcher(text).matches()) {
            open.diagnostics.add(new Diagnostic(no, "task was active on a live system", text));
        } else if (CRASH_MESSAGE.matcher(text).matches() || TEXT_START.matcher(text).matches()) {
            open.diagnostics.add(new Diagnostic(no, "crash message", text));
        } else if (ELISION.matcher(text).matches()) {
            open.diagnostics.add(new Diagnostic(no, "elided output: frames may be missing here", text));
        } else {
            open.diagnostics.add(new Diagnostic(no, "unrecognised line kept as text", text));
        }
    }

    /** Whether the stripped line is a task header, which starts a trace whatever came before it. */
    static boolean isTaskHeader(String text) {
        return text.length() <= MAX_LINE && text.startsWith("PID:") && TASK_HEADER.matcher(text).matches();
    }

    /**
     * Ends the block: builds every closed trace, its id still 0, and hands it over.
     *
     * @param prefixLines the traces that start on lines up to this one vote for the dump's architecture
     * @param closeOpen   whether the open trace ends here too (the input ends, or the next block starts
     *                    with a task header); else it stays open for the lines still to come
     */
    Chunk finish(int prefixLines, boolean closeOpen) {
        if (closeOpen) {
            open = close(open, built);
        }
        // the loops over a block's traces are methods of their own: here, they had this method
        // compiled two or three times in a fresh run (on-stack replacement, then whole)
        Map<Arch, Integer> votes = prefixVotes(built, prefixLines);
        List<Piece> pieces = pieces(built);
        built.clear();
        List<Diagnostic> lines = new ArrayList<>(outside);
        outside.clear();
        return new Chunk(pieces, lines, panicSeen, panic, votes);
    }

    /** The architecture votes of the traces that start within the prefix (taken before they are built). */
    private static Map<Arch, Integer> prefixVotes(List<TraceBuilder> built, int prefixLines) {
        Map<Arch, Integer> votes = new EnumMap<>(Arch.class);
        for (TraceBuilder b : built) {
            if (b.firstLine <= prefixLines) {
                CrashBtArch.addVotes(b.evidence, votes);
            }
        }
        return votes;
    }

    private static List<Piece> pieces(List<TraceBuilder> built) {
        List<Piece> pieces = new ArrayList<>(built.size());
        for (TraceBuilder b : built) {
            pieces.add(b.build());
        }
        return pieces;
    }

    private static String outsideMessage(String text) {
        if (ELISION.matcher(text).matches()) {
            return "elided output: frames may be missing here";
        }
        if (CRASH_MESSAGE.matcher(text).matches() || BOGUS_FRAME.matcher(text).matches()) {
            return "crash message";
        }
        return "outside any backtrace";
    }

    private static TraceBuilder ensure(TraceBuilder open, int line, String panic, boolean panicSeen, CrashBtArch.Hints hints,
                                       CrashBtFrames table) {
        return open != null ? open : new TraceBuilder(line, panic, panicSeen, hints, table);
    }

    private static TraceBuilder close(TraceBuilder open, List<TraceBuilder> built) {
        // (returns null: the caller's open trace is then none)
        if (open != null) {
            open.closeBlock();
            open.freeze();
            built.add(open);
        }
        return null;
    }

    static Task task(Matcher m) {
        Long pid = parseNumber(m.group(1));
        Long cpuNumber = isShortDecimal(m.group(3)) ? parseNumber(m.group(3)) : null;
        Integer cpu = cpuNumber == null ? null : cpuNumber.intValue();
        String command = m.group(4) != null ? m.group(4) : (m.group(5).equals("?") ? null : m.group(5));
        return new Task(pid, m.group(2).toLowerCase(Locale.ROOT), cpu, command);
    }

    /** {@code s.matches("\\d{1,9}")} without compiling that pattern for every task header. */
    static boolean isShortDecimal(String s) {
        int n = s.length();
        if (n < 1 || n > 9) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Maps a stack marker's name to the context of the frames printed above it. */
    static StackContext contextOf(String marker) {
        String m = marker.toLowerCase(Locale.ROOT);
        if (m.contains("nmi")) {
            return StackContext.NMI;
        }
        if (m.contains("soft")) {
            return StackContext.SOFTIRQ;
        }
        if (m.contains("irq")) {
            return StackContext.IRQ;
        }
        if (m.contains("exception") || m.contains("fault") || m.contains("debug") || m.contains("mce")
                || m.contains("machine check") || m.contains("overflow") || m.contains("emergency")) {
            return StackContext.EXCEPTION;
        }
        if (m.contains("task") || m.contains("process")) {
            return StackContext.TASK;
        }
        return StackContext.UNKNOWN;
    }

    /** A decimal or {@code 0x} hex number; null when absent, not a number or out of range. */
    static Long parseNumber(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Mutable accumulator for the trace being read; becomes an immutable {@link Trace}. */
    private static final class TraceBuilder {
        final int firstLine;
        final String panic;
        /** Whether {@link #panic} was read in this block; else the trace inherits the one before the block. */
        final boolean ownPanic;
        int lastLine;
        Task task = Task.UNKNOWN;
        /**
         * The frames while the trace is open: the parser's table, which holds what later lines tell about
         * each frame (its stack, source and stack data) until the trace ends; then {@link #frozen}.
         */
        private final CrashBtFrames frames;
        /** The frames, each built once, when the trace has ended ({@link #freeze}). */
        private List<Frame> frozen;
        final List<ExceptionFrame> exceptions = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final List<SourceLine> textSymbols = new ArrayList<>();
        final CrashBtArch.Evidence evidence;
        CrashBtRegisterBlock block;
        /** Index of the first frame since the last stack marker. */
        int segmentStart;

        TraceBuilder(int firstLine, String panic, boolean ownPanic, CrashBtArch.Hints hints, CrashBtFrames frames) {
            this.frames = frames;
            this.evidence = new CrashBtArch.Evidence(hints);
            this.firstLine = firstLine;
            this.lastLine = firstLine;
            this.panic = panic;
            this.ownPanic = ownPanic;
        }

        void addFrame(String levelText, String stackAddress, String symbolText, String address, String rest,
                      String armModule, int no, String text) {
            Integer level = parseLevel(levelText);
            String symbol = symbolText.strip();
            Matcher via = VIA.matcher(symbol);
            if (via.matches()) {
                symbol = via.group(1);
            }
            String function = symbol;
            Long offset = null;
            Long size = null;
            Matcher s = SYMBOL.matcher(symbol);
            if (s.matches()) {
                function = s.group(1);
                offset = parseNumber(s.group(2));
                size = parseNumber(s.group(3));
            }
            addParsedFrame(level, stackAddress, function, offset, size, address, rest, armModule, no, text);
        }

        /**
         * A frame line {@link FrameScanner} read: what {@link #addFrame} makes of {@link CrashBtGrammar#FRAME}'s
         * groups for it, without cutting the line into strings (names come from the parser's cache) or
         * boxing its numbers.
         */
        void addScanned(FrameScanner.Scan s, NameCache names, int no, String text, int from, int to) {
            if (s.unreliable) {
                addScannedUnreliable(s, names, no, text, from, to);
                return;
            }
            if (s.restStart >= 0 && s.moduleStart < 0) {
                addScannedWithTail(s, no, text, from, to);
                return;
            }
            lastLine = no;
            // the usual next frame, #N after #N-1 (or the first, #0), needs no note: numbering() only for the others
            int last = frames.size() - 1;
            if (s.level != (last < 0 ? 0 : frames.levelOrNone(last) + 1)) {
                numbering(s.level, no, text, from, to);
            }
            // the usual symbol is the function name alone, hashed as it was scanned
            String function = s.fnEnd == s.symEnd ? names.name(text, s.symStart, s.fnEnd, s.symHash)
                    : names.name(text, s.symStart, s.fnEnd);
            Arch hint = names.lastHint(function);
            String module = s.moduleStart < 0 ? null : names.name(text, s.moduleStart, s.moduleEnd);
            // the line is kept only when FrameLine cannot rebuild it (a usual line has no offset, so the
            // frame stores nothing that would need it)
            if (s.usual) {
                // built when the trace ends, with what the lines after it tell (CrashBtFrames)
                frames.addUsual(s.level, function, s.address, s.addrDigits(), s.sp, s.spDigits(), module, no);
            } else {
                frames.add(Frame.ofCrashLine(frames.size(), s.level, function, s.offset, s.size, s.address,
                        s.addrDigits(), s.sp, s.spDigits(), module, no, text.substring(from, to), false));
            }
            evidence.frame(hint, s.address, s.addrDigits(), s.sp, s.spDigits());
        }

        /**
         * {@link #addScanned} of a ppc64 frame line ending in {@code (unreliable)}, maybe after
         * {@code [module]}: the frame {@link #addParsedFrame} makes of it (unreliable, the module, the line
         * kept, no note), without its patterns for the tail.
         */
        private void addScannedUnreliable(FrameScanner.Scan s, NameCache names, int no, String text, int from, int to) {
            lastLine = no;
            numbering(s.level, no, text, from, to);
            String function = names.name(text, s.symStart, s.fnEnd);
            Arch hint = names.lastHint(function);
            String module = s.moduleStart < 0 ? null : names.name(text, s.moduleStart, s.moduleEnd);
            frames.add(Frame.of(frames.size(), s.level, function, s.offset, s.size, s.address, s.addrDigits(), s.sp,
                    s.spDigits(), module, false, StackContext.TASK, null, false, no, text.substring(from, to)));
            evidence.frame(hint, s.address, s.addrDigits(), s.sp, s.spDigits());
        }

        /**
         * {@link #addScanned} of a frame line with a tail other than {@code [module]} ({@code (unreliable)},
         * {@code (via x)}, a note): read as the regex path reads it. Apart, so that the usual line's
         * method stays small for the JIT.
         */
        private void addScannedWithTail(FrameScanner.Scan s, int no, String text, int from, int to) {
            String line = text.substring(from, to);
            if (from != 0 || to != text.length()) {
                FrameScanner.scan(line, s);
            }
            addParsedFrame(s.level, s.spStart < 0 ? null : line.substring(s.spStart, s.spEnd),
                    line.substring(s.symStart, s.fnEnd), s.offset < 0 ? null : s.offset, s.size < 0 ? null : s.size,
                    line.substring(s.addrStart, s.addrEnd), line.substring(s.restStart), null, no, line);
        }

        /** Notes a gap or a restart in the {@code #N} numbering ({@code level} {@link Frame#NONE} when absent). */
        private void numbering(int level, int no, String text) {
            numbering(level, no, text, 0, text.length());
        }

        /** {@link #numbering(int, int, String)} of the line {@code text[from, to)}, cut out only for a note. */
        private void numbering(int level, int no, String text, int from, int to) {
            int previous = frames.isEmpty() ? Frame.NONE : frames.levelOrNone(frames.size() - 1);
            if (level >= 0) {
                if (previous < 0 && level > 0) {
                    diagnostics.add(new Diagnostic(no, "trace starts at #" + level + ": earlier frames are not in the input", text.substring(from, to)));
                } else if (previous >= 0 && level <= previous) {
                    diagnostics.add(new Diagnostic(no, "frame numbering restarts at #" + level, text.substring(from, to)));
                } else if (previous >= 0 && level > previous + 1) {
                    diagnostics.add(new Diagnostic(no, "frames #" + (previous + 1)
                            + (level - 1 > previous + 1 ? "..#" + (level - 1) : "") + " are not in the input", text.substring(from, to)));
                }
            }
        }

        /** A frame line cut into its parts: checks the numbering, reads the tail, keeps the frame. */
        void addParsedFrame(Integer level, String stackAddress, String function, Long offset, Long size, String address,
                            String rest, String armModule, int no, String text) {
            lastLine = no;
            numbering(level == null ? Frame.NONE : level, no, text);
            String module = armModule;
            boolean reliable = true;
            if (rest != null) {
                String name = module == null ? FrameScanner.bareModule(rest) : null;
                if (name != null) {
                    // the common tail, "[bnx2]": nothing else to read
                    module = name;
                } else {
                    String left = rest;
                    Matcher mod = MODULE.matcher(left);
                    if (module == null && mod.find()) {
                        module = mod.group(1);
                        left = left.substring(0, mod.start()) + left.substring(mod.end());
                    }
                    left = VIA_TAIL.matcher(left).replaceAll("");
                    Matcher u = UNRELIABLE.matcher(left);
                    if (u.find()) {
                        reliable = false;
                        left = u.replaceAll("");
                    }
                    if (!left.isBlank()) {
                        diagnostics.add(new Diagnostic(no, "text after the frame kept as a note", text));
                    }
                }
            }
            String addr = address.toLowerCase(Locale.ROOT);
            String sp = stackAddress == null ? null : stackAddress.toLowerCase(Locale.ROOT);
            frames.add(frame(frames.size(), level, function, offset, size, addr, sp, module, reliable, no, text));
            evidence.frame(function, addr, sp, armModule != null || text.contains("[<"));
        }

        /**
         * The frame, through {@link Frame#of} (numbers as numbers, no boxing, no second reading of the hex
         * addresses) when its values fit that way in, else through the constructor; both store the same.
         */
        private static Frame frame(int index, Integer level, String function, Long offset, Long size, String addr,
                                   String sp, String module, boolean reliable, int no, String text) {
            if (addr.length() <= 16 && (sp == null || sp.length() <= 16)
                    && (offset == null || offset >= 0) && (size == null || size >= 0)) {
                return Frame.of(index, level == null ? Frame.NONE : level, function, offset == null ? Frame.NONE : offset,
                        size == null ? Frame.NONE : size, Hex.value(addr, 0, addr.length()), addr.length(), sp == null ? 0 : Hex.value(sp, 0, sp.length()),
                        sp == null ? 0 : sp.length(), module, reliable, StackContext.TASK, null, false, no, text);
            }
            return new Frame(index, level, function, offset, size, addr, sp, module, reliable, StackContext.TASK, null,
                    false, no, text);
        }

        private static Integer parseLevel(String s) {
            try {
                return Integer.valueOf(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** True when the last frame was printed on input line {@code line}. */
        boolean lastLineWasFrame(int line) {
            return !frames.isEmpty() && frames.line(frames.size() - 1) == line;
        }

        /** A frame's {@code [module]} or {@code (unreliable)} that a mail client wrapped onto the next line. */
        void wrappedTail(String text, int no) {
            int i = frames.size() - 1;
            Frame f = frames.frame(i);
            Matcher mod = MODULE.matcher(text);
            String module = f.module() == null && mod.find() ? mod.group(1) : f.module();
            boolean reliable = f.reliable() && !UNRELIABLE.matcher(text).find();
            frames.set(i, new Frame(f.index(), f.level(), f.function(), f.offset(), f.size(), f.address(), f.stackAddress(),
                    module, reliable, f.context(), f.source(), f.inlined(), f.line(), f.raw() + " " + text, f.stackData()));
            diagnostics.add(new Diagnostic(no, "wrapped end of the frame line above", text));
        }

        void marker(String name, int no) {
            StackContext ctx = contextOf(name);
            frames.context(segmentStart, ctx);
            segmentStart = frames.size();
            evidence.marker(name);
            if (ctx == StackContext.UNKNOWN) {
                diagnostics.add(new Diagnostic(no, "stack marker of an unknown stack", "--- <" + name + "> ---"));
            }
        }

        /**
         * A {@code bt -l} line, {@code text[from, to)}: stripped, and clean but for tabs (which cleaning
         * turns into blanks), read as {@code source}, already shared (through {@link NameCache#sources},
         * or {@link Names#intern}). The line itself is cut only for a note.
         */
        void source(String source, int no, String text, int from, int to) {
            if (frames.isEmpty()) {
                diagnostics.add(new Diagnostic(no, "source line before any frame", text.substring(from, to).replace('\t', ' ')));
                return;
            }
            int i = frames.size() - 1;
            if (frames.hasSource(i)
                    || (!exceptions.isEmpty() && exceptions.get(exceptions.size() - 1).line() > frames.line(i))) {
                diagnostics.add(new Diagnostic(no, "source line of the exception frame", text.substring(from, to).replace('\t', ' ')));
                return;
            }
            frames.source(source);
        }

        void stackData(String text, int no) {
            stackData(text, 0, text.length(), no);
        }

        /** The stack data line {@code text[from, to)} (cleaned and stripped), copied out only for a note. */
        void stackData(String text, int from, int to, int no) {
            if (frames.isEmpty()) {
                diagnostics.add(new Diagnostic(no, "stack data before any frame", text.substring(from, to)));
                return;
            }
            frames.stackData(text, from, to);
        }

        void bogus(int no, String text) {
            String which = exceptions.isEmpty() ? "" : " (the exception frame at line " + exceptions.get(exceptions.size() - 1).line() + ")";
            diagnostics.add(new Diagnostic(no, "crash warns: possibly bogus exception frame" + which, text));
        }

        /** The trace has ended: its frames are built, and the parser's table is free for the next trace. */
        void freeze() {
            if (frozen == null) {
                frozen = frames.freeze();
            }
        }

        void closeBlock() {
            if (block != null) {
                ExceptionFrame e = block.build(frames.size() - 1);
                exceptions.add(e);
                for (String note : block.notes()) {
                    diagnostics.add(new Diagnostic(block.line(), "register block note", note));
                }
                evidence.registers(e.registers().keySet());
                block = null;
            }
        }

        /** The trace, its id 0 and, when it showed no evidence of its own, its architecture still to be decided. */
        Piece build() {
            closeBlock();
            freeze();
            List<Frame> out = frozen;
            textSymbols(out);
            if (diagnostics.size() > 1) {
                // not for the usual none or one: List.sort on every trace had C2 compile all of TimSort
                diagnostics.sort((a, b) -> Integer.compare(a.line(), b.line()));
            }
            Map<String, String> first = exceptions.isEmpty() ? Map.of() : exceptions.get(0).registers();
            evidence.task(task.task());
            boolean ownArch = evidence.hasVotes();
            Arch arch = evidence.decide(Arch.UNKNOWN);
            return new Piece(new Trace(0, TraceFormat.CRASH_BT, arch, task, panic, null, out, exceptions,
                    first, diagnostics, firstLine, lastLine), ownArch, ownPanic);
        }

        /**
         * {@code bt -t} lists text symbols found on the stack, not a call chain. They become frames
         * (unreliable, without level) only when the trace has no {@code #N} frames at all; next to real
         * frames they are notes.
         */
        private void textSymbols(List<Frame> out) {
            for (SourceLine sl : textSymbols) {
                String text = sl.text().strip();
                if (!out.isEmpty() && out.get(0).level() != null) {
                    diagnostics.add(new Diagnostic(sl.number(), "text symbol on the stack (not a frame)", text));
                    continue;
                }
                Matcher m = TEXT_SYMBOL.matcher(text);
                if (!m.matches()) {
                    continue;
                }
                String function = m.group(2);
                Long offset = null;
                Matcher s = SYMBOL.matcher(function);
                if (s.matches()) {
                    function = s.group(1);
                    offset = parseNumber(s.group(2));
                }
                String module = null;
                if (m.group(4) != null) {
                    Matcher mod = MODULE.matcher(m.group(4));
                    module = mod.find() ? mod.group(1) : null;
                }
                out.add(new Frame(out.size(), null, function, offset, null, m.group(3).toLowerCase(Locale.ROOT),
                        m.group(1).toLowerCase(Locale.ROOT), module, false, StackContext.TASK, null, false,
                        sl.number(), text));
                evidence.frame(function, m.group(3).toLowerCase(Locale.ROOT), m.group(1).toLowerCase(Locale.ROOT), false);
            }
        }
    }
}
