package dev.pktpath.parse;

import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.Map;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Reads kernel console reports (dmesg, vmcore-dmesg.txt, serial console, syzbot reports) into
 * traces, one per report. A state machine over lines:
 * <ul>
 *   <li>OUTSIDE: no report open. A header line ({@link OopsGrammar#HEADERS}) opens one; anything else is
 *       kept as a diagnostic of the dump.</li>
 *   <li>IN_REPORT: lines go to the open report ({@link OopsReport}), which sorts them into task, header
 *       registers, the main stack, exception blocks and text. A new START header closes it and opens the
 *       next; a CONTINUE header ({@code Oops:}, {@code Kernel panic - not syncing}) stays in it.</li>
 *   <li>ENDED: after {@code ---[ end trace ... ]---} the report takes no more lines, except a CONTINUE
 *       header within a few lines (the panic that follows an oops), which is noted in it.</li>
 * </ul>
 * Lines whose caller id ({@code [ T1234]}) differs from the header's belong to another task or CPU and
 * stay outside the report; so do lines without a console timestamp when the header has one (a
 * program's own output written to the same serial console). Never throws on odd text.
 */
public final class OopsParser {
    /** How many lines after {@code end trace} a CONTINUE header still belongs to the ended report. */
    private static final int CONTINUE_AFTER_END = 6;
    /** A PREAMBLE report gives its place to a START header this many lines later, when no stack was read. */
    private static final int PREAMBLE_REACH = 12;
    /** How many recent reports may take lines from other CPUs ({@code NMI backtrace for cpu 1}). */
    private static final int RECENT = 4;

    private final List<Diagnostic> outside = new ArrayList<>();
    /** Reports read and not yet handed out, in input order. */
    private final List<OopsReport> reports = new ArrayList<>();
    // the report each printer (caller id; "" when the log has none) is in the middle of
    private final Map<String, OopsReport> openBy = new HashMap<>();
    /**
     * Printers whose last report ended more than {@link #CONTINUE_AFTER_END} lines ago (and that opened none
     * since): such a report takes no line any more and is handed out, but its printer's lines still look
     * for no other report ({@link #route}), so the printer is remembered here. A log of many printers
     * (syzkaller's caller ids) would otherwise keep the first report of each, and every later one, in memory.
     */
    private Set<String> staleKeys = new HashSet<>();
    // the last reports opened, newest last; bounded so a long log does not slow every line
    private final List<OopsReport> recent = new ArrayList<>();
    private int started;
    /** The number of the last line read: later lines have higher numbers. */
    private int lastNumber;
    /** Off only in tests: lines are read by the grammar's patterns alone (the general path). */
    private final boolean fastPaths;
    /** Where the line being read has its message (reused: one per parser, which one thread uses at a time). */
    private final ConsolePrefix.Cut cut = new ConsolePrefix.Cut();
    /** The caller id of the last line that had one ({@link #caller}). */
    private String lastCaller;
    /** The brackets of the block being read ({@link #readsInPlace}). */
    private final BracketFinder brackets = new BracketFinder();
    /** The names of frames read in place ({@link #names()}) and the thread whose cache it is. */
    private NameCache names;
    private Thread namesThread;

    public OopsParser() {
        this(true);
    }

    /** {@code fastPaths} off: the general reading, which the fast one is held to by tests. */
    OopsParser(boolean fastPaths) {
        this.fastPaths = fastPaths;
    }
    /**
     * What this parser assumed of the state before its first line, for {@link #handsOverTo}: the printers
     * whose lines found no report of theirs, from the first such line on ({@code routed} when a recent
     * report took one), and whether a search of the recent reports found none while fewer than
     * {@link #RECENT} reports had been opened here.
     */
    private final Map<String, Miss> missed = new HashMap<>();
    private boolean searchedEarly;

    private static final class Miss {
        final int line;
        boolean routed;

        Miss(int line) {
            this.line = line;
        }
    }

    /** Reads one cleaned line ({@link LineCleaner#clean}); lines come in input order. */
    void accept(SourceLine whole) {
        accept(whole.number(), whole.text());
    }

    /** {@link #accept(SourceLine)} of line {@code number}, cleaned {@code text}. */
    void accept(int number, String text) {
        lastNumber = number;
        if (firstGlue(text) < 0) {
            // the usual line: one printk message, read without a list of pieces
            piece(number, text, 0, text.length(), false);
            return;
        }
        for (SourceLine sl : unglue(new SourceLine(number, text))) {
            piece(sl.number(), sl.text(), 0, sl.text().length(), false);
        }
    }

    /**
     * {@link #accept(int, String)} of the raw line {@code block[from, to)}, cleaned ({@link LineCleaner#clean}):
     * the common line (printable ASCII, not mail-quoted, one message) is read in place in its block, so its
     * only copy is its message; any other is copied out and cleaned first.
     */
    void accept(int number, String block, int from, int to) {
        if (!readsInPlace(block, from, to) || !piece(number, block, from, to, true)) {
            accept(number, LineCleaner.clean(block.substring(from, to)));
        }
    }

    /**
     * Whether {@code s[from, to)}, if it is printable ASCII, is a line {@link LineCleaner#clean} leaves as it is
     * (the first non-blank no {@code >}) and {@link #firstGlue} splits nowhere. Whether it is printable ASCII
     * is for {@link #piece} to check, as it reads the line: a frame line's message needs no check of its own.
     * The {@code [}s of the glue test are found with {@link String#indexOf} ({@link BracketFinder}).
     */
    private boolean readsInPlace(String s, int from, int to) {
        int lead = from;
        while (lead < to && s.charAt(lead) == ' ') {
            lead++;
        }
        if (lead < to && s.charAt(lead) == '>') {
            return false;
        }
        // as firstGlue: a timestamp that starts at a "[" after the first "]". The "["s are looked for first
        // (most lines have none but the one that opens their prefix, which is no glue), and only for one that
        // starts a timestamp whether a "]" comes before it: a search for the "]" on every line was a tenth of
        // a warm parse (it is in every line's prefix)
        BracketFinder b = brackets.in(s);
        for (int at = b.open(from); at < to; at = b.open(at + 1)) {
            if (at > from && gluedStampEnd(s, from, at, to) > 0 && closesBefore(s, from, at)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[from, to)} is all printable ASCII (what {@link LineCleaner#clean} leaves as it is). */
    private static boolean printable(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[from, at)} holds a {@code ]}. */
    private static boolean closesBefore(String s, int from, int at) {
        for (int k = from; k < at; k++) {
            if (s.charAt(k) == ']') {
                return true;
            }
        }
        return false;
    }

    /**
     * The next {@code [} of a block at or after a position, found with {@link String#indexOf} and remembered:
     * lines are read in order, so a bracket found past one line's end answers for the next lines too, and
     * each block is searched once from start to end whatever its lines hold (an {@code indexOf} per line
     * would search past the line's end, as far as the block's next bracket).
     */
    private static final class BracketFinder {
        private String text;
        private int openFrom;
        private int openAt;

        BracketFinder in(String s) {
            if (s != text) {
                text = s;
                openFrom = Integer.MAX_VALUE;
                // (below any start: a new block's first look searches through the test every line's does)
                openAt = -1;
            }
            return this;
        }

        /** The first {@code [} at or after {@code from}, or {@link Integer#MAX_VALUE} when there is none. */
        int open(int from) {
            // the answer found from openFrom holds for any later start up to it (MAX_VALUE: none to the end);
            // lines come in order, so a start before openFrom (a block read again) is the rare test, second
            if (openAt < from || from < openFrom) {
                openFrom = from;
                int at = text.indexOf('[', from);
                // -1 as MAX_VALUE without a branch, and a block's start through the usual test: branches taken
                // only at a block's start or end were ones the JIT left out, and the first block to take one
                // sent readsInPlace back to the interpreter to be compiled again
                int none = at >> 31;
                openAt = (at & ~none) | (Integer.MAX_VALUE & none);
            }
            return openAt;
        }
    }

    /**
     * Reads one printk message with its console prefix, {@code s[from, to)}, from line {@code number}. A
     * {@code raw} line is one {@link #readsInPlace} let through, not yet known to be printable ASCII: false,
     * with nothing read and nothing changed, when it is not (the caller then cleans a copy of it); the parts
     * of the line that the frame scanner does not read character by character are checked here, the others
     * are by that reading ({@link OopsReport#readFrameInPlace} takes only printable ASCII).
     */
    private boolean piece(int number, String s, int from, int to, boolean raw) {
        // the caller id separates printers; the message comes stripped (String.strip) in one copy
        ConsolePrefix.Cut cut = this.cut;
        cut.strip(s, from, to, true);
        int start = cut.start;
        int end = cut.end;
        if (raw && !(printable(s, from, start) && printable(s, end, to))) {
            return false;
        }
        lastNumber = number;
        if (start == end) {
            return true;
        }
        String caller = cut.callerFrom < 0 ? null : caller(s, cut.callerFrom, cut.callerTo);
        boolean prefixed = cut.prefixed;
        String key = caller == null ? "" : caller;
        // the usual frame line of its printer's report's stack, read where it lies: no copy of the message, and
        // route() would give that report (nothing else it does applies to a printer that has a report)
        OopsReport mine = openOf(key);
        if (mine != null && fastPaths && !mine.isForeign(caller, prefixed)
                && mine.readFrameInPlace(s, start, end, number, names())) {
            return true;
        }
        if (raw && !printable(s, start, end)) {
            return false;
        }
        OopsReport open = route(key, caller, prefixed, s, start, end, number);
        String t = start == 0 && end == s.length() ? s : s.substring(start, end);
        OopsGrammar.Role role = headerRole(t);
        if (role == null) {
            if (open == null || open.ended()) {
                outside.add(new Diagnostic(number, "outside any report", t));
                return true;
            }
            open.accept(t, number);
            return true;
        }
        header(number, role, open, key, t, caller, prefixed);
        return true;
    }

    /**
     * This thread's {@link NameCache}, asked for once while the parser stays on one thread (a parser may be
     * continued on another thread, and a cache is one thread's).
     */
    private NameCache names() {
        Thread now = Thread.currentThread();
        if (namesThread != now) {
            namesThread = now;
            names = NameCache.local();
        }
        return names;
    }

    /** A header line {@code t} of the given role, for the printer {@code key} whose report is {@code open}. */
    private void header(int number, OopsGrammar.Role role, OopsReport open, String key, String t, String caller,
                        boolean prefixed) {
        if (role == OopsGrammar.Role.JOIN_EMPTY) {
            role = open != null && !open.ended() && !open.hasStack() ? OopsGrammar.Role.CONTINUE
                    : OopsGrammar.Role.START;
        }
        if (role == OopsGrammar.Role.START) {
            if (open != null && open.isPreambleOnly(number, PREAMBLE_REACH)) {
                open.upgradeHeadline(t, number);
                return;
            }
            start(key, number, t, caller, prefixed, false);
            return;
        }
        if (open != null && !open.ended()) {
            open.note(number, t);
            return;
        }
        if (open != null && role == OopsGrammar.Role.CONTINUE && number - open.endLine() <= CONTINUE_AFTER_END) {
            open.note(number, t);
            return;
        }
        start(key, number, t, caller, prefixed, role == OopsGrammar.Role.PREAMBLE);
    }

    /**
     * The caller id {@code s[from, to)}: the last one's string again when it is the same (a printer prints
     * many lines in a row), so its hash is not worked out anew for every line's lookup in {@link #openBy}.
     */
    private String caller(String s, int from, int to) {
        String last = lastCaller;
        if (last != null && last.length() == to - from && s.startsWith(last, from)) {
            return last;
        }
        return lastCaller = s.substring(from, to);
    }

    /**
     * The reports no later line can reach (neither open for a printer nor among the recent ones), built
     * with id 0 and handed over, in input order up to the first report that is still reachable.
     */
    List<Trace> drainFinal() {
        forgetStale();
        int n = 0;
        while (n < reports.size() && !reachable(reports.get(n))) {
            n++;
        }
        return drain(n);
    }

    /** Every report, built with id 0: the input has ended, or what follows cannot reach them. */
    List<Trace> drainAll() {
        return drain(reports.size());
    }

    private List<Trace> drain(int n) {
        List<Trace> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(reports.get(i).build(0));
        }
        reports.subList(0, n).clear();
        return out;
    }

    /**
     * Whether a later line can still change {@code r}: through its printer's entry in {@link #openBy} (an
     * ended report only for a CONTINUE header within {@link #CONTINUE_AFTER_END} lines, see {@link #accept}),
     * or as one of the {@link #recent} reports while it has not ended ({@link #route}).
     */
    private boolean reachable(OopsReport r) {
        if (r.ended()) {
            // stale ones left openBy, and route skips ended recent ones
            return !staleFromNextLine(r) && openBy.containsValue(r);
        }
        for (OopsReport o : recent) {
            if (o == r) {
                return true;
            }
        }
        return openBy.containsValue(r);
    }

    /** Whether no line after the last one read can reach the ended report {@code r} through its printer. */
    private boolean staleFromNextLine(OopsReport r) {
        return r.ended() && (long) lastNumber + 1 - r.endLine() > CONTINUE_AFTER_END;
    }

    /** Moves the printers whose report no later line can reach to {@link #staleKeys}, so it can be handed out. */
    private void forgetStale() {
        for (Iterator<Map.Entry<String, OopsReport>> it = openBy.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, OopsReport> e = it.next();
            if (staleFromNextLine(e.getValue())) {
                staleKeys.add(e.getKey());
                it.remove();
                lastKey = null;
            }
        }
    }

    /** The lines outside any report so far, handed over (this parser forgets them). */
    List<Diagnostic> takeOutside() {
        List<Diagnostic> out = new ArrayList<>(outside);
        outside.clear();
        return out;
    }

    /**
     * Whether {@code next}, a parser that started afresh at {@code line} (a START header without a caller
     * id) and then read a stretch of the log, read it exactly as this parser would have, had it gone on
     * from where it stopped. {@code next} noted each time it looked for a printer's report and found none
     * ({@link #missed}); this parser's state gives the same answers, and keeps none that a later line could
     * reach, when:
     * <ul>
     *   <li>its report without caller id does not take the header as a better headline (a preamble);</li>
     *   <li>every printer it knows has a report that is stale (ended more than {@link #CONTINUE_AFTER_END}
     *       lines before the first line {@code next} read from that printer, or before the end of the
     *       stretch when none came), and {@code next} found no recent report for that printer's lines
     *       either: a stale report stops the search for one ({@link #route});</li>
     *   <li>its recent reports have all ended, unless {@code next} had {@link #RECENT} reports of its own
     *       whenever it searched the recent ones in vain (a search goes newest first, so one that found a
     *       report of {@code next}'s finds it here too).</li>
     * </ul>
     * Then {@link #continueFrom} gives {@code next} the one part of this state it needs.
     */
    boolean handsOverTo(OopsParser next, int line) {
        OopsReport open = openBy.get("");
        if (open != null && open.isPreambleOnly(line, PREAMBLE_REACH)) {
            return false;
        }
        for (Map.Entry<String, OopsReport> e : openBy.entrySet()) {
            String key = e.getKey();
            if (key.isEmpty()) {
                continue;
            }
            OopsReport r = e.getValue();
            Miss m = next.missed.get(key);
            if (m != null && m.routed) {
                return false;
            }
            long from = m != null ? m.line : (long) next.lastNumber + 1;
            if (!(r.ended() && from - r.endLine() > CONTINUE_AFTER_END)) {
                return false;
            }
        }
        for (Map.Entry<String, Miss> e : next.missed.entrySet()) {
            if (e.getValue().routed && staleKeys.contains(e.getKey())) {
                return false;
            }
        }
        if (next.searchedEarly || next.started < RECENT) {
            // an unended one would be searched here, or stay searchable after the stretch
            for (OopsReport r : recent) {
                if (!r.ended()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Takes over from {@code before}, after {@code before.handsOverTo(this, ...)}: its printers' stale
     * reports, which keep their printers' lines from looking for a recent report. Its other state (its
     * ended recent reports, its outside lines) changes nothing here or is handed out by the caller.
     */
    void continueFrom(OopsParser before) {
        // the larger set is the earlier parser's, grown over the whole log: add to it, not from it
        Set<String> stale = before.staleKeys;
        stale.addAll(staleKeys);
        for (String key : before.openBy.keySet()) {
            if (!key.isEmpty()) {
                stale.add(key);
            }
        }
        staleKeys = stale;
        missed.clear();
        searchedEarly = false;
    }

    /**
     * Whether a cleaned line may start a fresh parse: a START header printed without caller id, glued to
     * nothing. Cheap checks first: this runs on the lines where the streaming parser looks for a cut.
     */
    static boolean startsReport(String cleaned) {
        if (cleaned.isEmpty()) {
            return false;
        }
        if (firstGlue(cleaned) >= 0) {
            return false;
        }
        ConsolePrefix.Stripped sp = ConsolePrefix.stripMessage(cleaned);
        if (sp.caller() != null) {
            return false;
        }
        String t = sp.text();
        return !t.isEmpty() && headerRole(t) == OopsGrammar.Role.START;
    }

    /**
     * The report a line belongs to: the one its printer has open; for another CPU's line, a report
     * that asked every CPU for a backtrace ({@code Sending NMI from CPU 0 to CPUs 1:}); never one whose
     * lines carry console timestamps when this line has none.
     */
    private OopsReport route(String key, String caller, boolean prefixed, String s, int start, int end, int line) {
        OopsReport r = openOf(key);
        if (r == null && !key.isEmpty()) {
            r = recentFor(key, caller, prefixed, line);
            if (r == null) {
                return null;
            }
        }
        if (r != null && r.isForeign(caller, prefixed)) {
            // a register dump's continuation lines carry no timestamp of their own
            boolean sameCaller = caller == null;
            if (!(sameCaller && !prefixed && !r.ended() && OopsReport.looksLikeRegisters(s.substring(start, end)))) {
                return null;
            }
        }
        return r;
    }

    /**
     * {@code openBy.get(key)}, the last answer again for the same key (the same string: a log without caller ids
     * has the key {@code ""} on every line, and {@link #caller} gives one printer's lines one string) while
     * {@link #openBy} has not changed: a lookup per line was 3% of a warm parse.
     */
    private OopsReport openOf(String key) {
        if (key != lastKey) {
            lastKey = key;
            lastOpen = openBy.get(key);
        }
        return lastOpen;
    }

    /** The last key {@link #openOf} looked up and its report; {@code lastKey} null when {@link #openBy} changed since. */
    private String lastKey;
    private OopsReport lastOpen;

    /**
     * For {@link #route}: the report a line of printer {@code key} belongs to when that printer has none open,
     * among the recent ones, or null. Its own method, apart from the usual line's route: the loop made route
     * a method the JIT compiled twice (its loop's limit check failed once the loop ran).
     */
    private OopsReport recentFor(String key, String caller, boolean prefixed, int line) {
        if (staleKeys.contains(key)) {
            // a stale report behaves as none for every line (accept), but its printer looks no further
            return null;
        }
        Miss miss = missed.get(key);
        if (miss == null) {
            missed.put(key, miss = new Miss(line));
        }
        OopsReport r = null;
        // only the few most recent reports can still be collecting other CPUs' backtraces
        for (int i = recent.size() - 1; i >= 0; i--) {
            OopsReport o = recent.get(i);
            if (!o.ended() && !o.isForeign(caller, prefixed)) {
                r = o;
                break;
            }
        }
        if (r != null) {
            miss.routed = true;
        } else if (started < RECENT) {
            searchedEarly = true;
        }
        return r;
    }

    private void start(String key, int number, String headline, String caller, boolean prefixed, boolean preamble) {
        OopsReport r = new OopsReport(number, headline, caller, prefixed, preamble, fastPaths);
        started++;
        reports.add(r);
        openBy.put(key, r);
        lastKey = null;
        recent.add(r);
        if (recent.size() > RECENT) {
            recent.remove(0);
        }
    }

    /** Where {@link #unglue} would first split {@code text}, or -1 when it gives the line whole. */
    static int firstGlue(String text) {
        int close = text.indexOf(']');
        int at = close < 0 ? -1 : text.indexOf('[', close);
        while (at >= 0) {
            if (gluedStampEnd(text, 0, at, text.length()) > 0) {
                return at;
            }
            at = text.indexOf('[', at + 1);
        }
        return -1;
    }

    /** Splits a line where a second console timestamp starts (two printk lines glued by a lost newline). */
    static List<SourceLine> unglue(SourceLine sl) {
        String text = sl.text();
        // a loop, not recursion: a line of a million glued timestamps must not overflow the stack
        List<SourceLine> out = null;
        int start = 0;
        int close = text.indexOf(']');
        int at = close < 0 ? -1 : text.indexOf('[', close);
        while (at >= 0) {
            if (gluedStampEnd(text, start, at, text.length()) > 0) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(new SourceLine(sl.number(), text.substring(start, at)));
                start = at;
                close = text.indexOf(']', start);
                at = close < 0 ? -1 : text.indexOf('[', close);
            } else {
                at = text.indexOf('[', at + 1);
            }
        }
        if (out == null) {
            return List.of(sl);
        }
        out.add(new SourceLine(sl.number(), text.substring(start)));
        return out;
    }

    /**
     * Where a timestamp that starts at {@code at} ends, or -1: {@code [   76.471107] } with exactly six
     * decimals, optionally followed by a caller id, and not at the start of the piece's own prefix; the
     * line ends at {@code n}.
     */
    private static int gluedStampEnd(String text, int pieceStart, int at, int n) {
        if (at == pieceStart || text.charAt(at - 1) == ']') {
            return -1;
        }
        int k = at + 1;
        while (k < n && text.charAt(k) == ' ') {
            k++;
        }
        int digits = k;
        while (k < n && Character.isDigit(text.charAt(k))) {
            k++;
        }
        if (k == digits || k >= n || text.charAt(k) != '.') {
            return -1;
        }
        int frac = ++k;
        while (k < n && Character.isDigit(text.charAt(k))) {
            k++;
        }
        if (k - frac != 6 || k >= n || text.charAt(k) != ']') {
            return -1;
        }
        return k + 1;
    }

    /**
     * {@link OopsGrammar#HEADERS} by the first character of their token (ASCII letters; in list order),
     * so a line is compared with the few headers that start as it does: this runs on every line of a log.
     */
    private static final OopsGrammar.Header[][] HEADERS_BY_FIRST = new OopsGrammar.Header[128][];

    static {
        for (OopsGrammar.Header h : OopsGrammar.HEADERS) {
            if (h.token().length() < 2) {
                // roleOf compares a token's second character before the rest
                throw new IllegalStateException("header token too short: " + h.token());
            }
            char c = h.token().charAt(0);
            OopsGrammar.Header[] old = HEADERS_BY_FIRST[c];
            OopsGrammar.Header[] grown = old == null ? new OopsGrammar.Header[1] : java.util.Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = h;
            HEADERS_BY_FIRST[c] = grown;
        }
    }

    /**
     * The header tokens without a blank ({@code BUG:}, {@code Oops}): the only ones that can start a frame line
     * as {@link OopsReport#readFrameInPlace} reads it, {@code [? ]name+0xOFF/0xSIZE[ [module]]}, whose blanks
     * follow only {@code ?} (no token starts with it) or the size's hex digits (a token would hold {@code +0x}).
     */
    /**
     * {@link OopsGrammar#ANYWHERE} and {@link OopsGrammar#NOT_HEADERS} as arrays: a for-each over a {@code List.of}
     * on every line made an iterator per line (4% of what a warm parse allocated), the JIT not inlining enough
     * with the launcher's limits to do without it.
     */
    private static final String[] ANYWHERE = OopsGrammar.ANYWHERE.toArray(String[]::new);
    private static final String[] NOT_HEADERS = OopsGrammar.NOT_HEADERS.toArray(String[]::new);

    private static final String[] BLANKLESS_TOKENS = OopsGrammar.HEADERS.stream().map(OopsGrammar.Header::token)
            .filter(t -> t.indexOf(' ') < 0).toArray(String[]::new);

    /**
     * Whether the frame line {@code s[from, to)} ({@link OopsReport#readFrameInPlace}'s shape) may be a header:
     * {@link #roleOf(String, int, int)} can give a role only when a token without a blank starts it.
     */
    static boolean frameMayBeHeader(String s, int from, int to) {
        char c = s.charAt(from);
        for (String token : BLANKLESS_TOKENS) {
            if (token.charAt(0) == c && startsWith(s, token, from, to)) {
                return true;
            }
        }
        return false;
    }

    static {
        for (String a : OopsGrammar.ANYWHERE) {
            if (a.chars().filter(c -> c == ' ').count() < 3) {
                // OopsReport.readFrameInPlace relies on it (see headerRole)
                throw new IllegalStateException("a header found anywhere needs three blanks: " + a);
            }
        }
    }

    /**
     * The role of a header line, or null when the line is no header. Cheap checks first. For the frame lines
     * {@link OopsReport#readFrameInPlace} reads ({@code [? ]name+0xOFF/0xSIZE[ [module]]}) this is
     * {@link #roleOf(String, int, int)} alone (which {@link #frameMayBeHeader} narrows): they start with {@code ?} or a name (not {@code [}, and a name is
     * followed by {@code +}, so not {@code BUG }), hold at most two blanks (each {@link OopsGrammar#ANYWHERE}
     * string has three, checked above) and no {@code ": "} (a blank follows only {@code ?} or a hex digit).
     */
    static OopsGrammar.Role headerRole(String t) {
        OopsGrammar.Role r = roleOf(t);
        if (r != null) {
            return r;
        }
        // old lockdep: "[ INFO: possible circular locking dependency detected ]"
        if (t.charAt(0) == '[' && t.startsWith("[ ") && t.endsWith(" ]")) {
            return roleOf(t.substring(2, t.length() - 2));
        }
        if (t.charAt(0) == 'B' && t.startsWith("BUG ") && OopsGrammar.SLAB_BUG.matcher(t).lookingAt()) {
            return OopsGrammar.Role.START;
        }
        for (String a : ANYWHERE) {
            if (t.contains(a)) {
                return OopsGrammar.Role.START;
            }
        }
        // "watchdog: BUG: soft lockup ...", "rcu: INFO: rcu_sched detected stalls ..."
        int colon = firstColonSpace(t, 40);
        // a tag cannot hold a colon, so when HEADER_TAG matches it ends at this first ": ": what follows
        // must be a header for the line to be one (register lines, "CPU: 3 PID: ...", are turned away here)
        if (colon > 1 && roleOf(t, colon + 2) != null) {
            Matcher m = OopsGrammar.HEADER_TAG.matcher(t);
            // a kernel tag is a module or subsystem name, in lower case ("watchdog", "rcu"); an
            // all-capitals tag is a document's field ("TITLE: BUG: ..." in a bug report's header)
            if (m.lookingAt() && !t.substring(0, m.end()).equals(t.substring(0, m.end()).toUpperCase(java.util.Locale.ROOT))) {
                return roleOf(t.substring(m.end()));
            }
        }
        return null;
    }

    /** Where the first {@code ": "} of {@code t} is, when it is at {@code max} or before; else -1. */
    private static int firstColonSpace(String t, int max) {
        // String.indexOf, not a loop over the characters: this runs on every line that is no header
        int i = t.indexOf(": ");
        return i <= max ? i : -1;
    }

    private static OopsGrammar.Role roleOf(String t) {
        return roleOf(t, 0);
    }

    /** The role of the header that starts at {@code t[from]}, or null: the headers are looked up by first letter. */
    private static OopsGrammar.Role roleOf(String t, int from) {
        return roleOf(t, from, t.length());
    }

    /** {@link #roleOf(String, int)} of the text {@code t[from, end)}, read where it lies. */
    static OopsGrammar.Role roleOf(String t, int from, int end) {
        if (from >= end) {
            return null;
        }
        char c = t.charAt(from);
        if (c >= HEADERS_BY_FIRST.length) {
            return null;
        }
        OopsGrammar.Header[] candidates = HEADERS_BY_FIRST[c];
        if (candidates == null) {
            return null;
        }
        for (OopsGrammar.Header h : candidates) {
            String token = h.token();
            // the second character first (every token has one): String.startsWith is a call per candidate with
            // the launcher's inlining limits, and most lines share only their first letter with a header
            if (from + 1 < end && t.charAt(from + 1) == token.charAt(1) && startsWith(t, token, from, end)) {
                for (String not : NOT_HEADERS) {
                    // (most of them start with another letter: no call for those)
                    if (not.charAt(0) == c && startsWith(t, not, from, end)) {
                        return null;
                    }
                }
                if (h.token().equals("INFO: ") && (startsWith(t, "INFO: Allocated in", from, end)
                        || startsWith(t, "INFO: Freed in", from, end) || startsWith(t, "INFO: Slab 0x", from, end)
                        || startsWith(t, "INFO: Object 0x", from, end) || startsWith(t, "INFO: 0x", from, end))) {
                    // SLUB debug and old KASAN detail lines ("INFO: 0xf2751962-0xf2751995. First byte 0x98
                    // instead of 0x6b", "INFO: Freed in hotkey_exit+0x50/0xb0"): part of the report above them
                    return OopsGrammar.Role.CONTINUE;
                }
                return h.role();
            }
        }
        return null;
    }

    /** Whether the text {@code t[from, end)} starts with {@code prefix}. */
    private static boolean startsWith(String t, String prefix, int from, int end) {
        return end - from >= prefix.length() && t.startsWith(prefix, from);
    }
}
