package dev.pktpath.parse;

import dev.pktpath.model.Arch;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Location;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import static dev.pktpath.parse.OopsGrammar.*;

/**
 * One console report being read; becomes an immutable {@link Trace}. Sorts the report's lines:
 * <ul>
 *   <li>before the main stack: task line, the header's faulting location ({@code RIP:}, {@code pc :},
 *       {@code PC is at}, {@code NIP [..]}, {@code Krnl PSW}) and register lines → {@code ip}, {@code registers};</li>
 *   <li>the main stack: the first {@code Call Trace:} (or frames that come without one) → frames, with
 *       {@code <IRQ>}/{@code <NMI>}/{@code <TASK>} markers setting each frame's context; a {@code RIP:} block inside
 *       it (an interrupted location, a user-mode register dump) → an exception frame;</li>
 *   <li>other stacks (lockdep's dependency chain, KASAN's Allocated/Freed by, a second dump after a panic) →
 *       diagnostics, so the trace's frames are one stack, innermost first.</li>
 * </ul>
 * Stack states:
 * <ul>
 *   <li>NONE → MAIN on a stack header ({@code Call Trace:}) or a first reliable frame;</li>
 *   <li>NONE → ASIDE on a text line ending with {@code :} (a secondary stack's title: lockdep's
 *       {@code -> #1 (&xt[i].mutex){+.+.}:}, {@code RCU grace-period kthread stack dump:});</li>
 *   <li>ASIDE → NONE when the report's own task shows up ({@code NMI backtrace for cpu 1},
 *       {@code CPU: 1 PID: ...}); frames read while ASIDE are kept and become the stack only if the
 *       report has no other;</li>
 *   <li>MAIN → DONE on a second stack header, a titled line after frames ({@code Allocated by task 1:}) or
 *       {@code ---[ end trace}.</li>
 * </ul>
 */
final class OopsReport {
    private enum Stack { NONE, ASIDE, MAIN, DONE }

    private final int firstLine;
    private int lastLine;
    private int headlineLine;
    private String headline;
    private final String caller;
    private final boolean prefixed;
    private boolean preamble;
    private boolean ended;
    private int endLine;
    private boolean cpuTraceback;

    private Long pid;
    private Integer cpu;
    private String command;
    private Location ip;
    private final Map<String, String> registers = new LinkedHashMap<>();
    private final List<Frame> frames = new ArrayList<>();
    /** The first stack read while ASIDE; becomes the trace's stack when the report has no other. */
    private final List<Frame> asideFrames = new ArrayList<>();
    private boolean asideClosed;
    private final List<ExceptionFrame> exceptions = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private Stack stack = Stack.NONE;
    private StackContext context = StackContext.TASK;
    private StackContext beforeNmi = StackContext.TASK;

    /** The exception block being read inside the main stack, or null. */
    private Map<String, String> blockRegs;
    private String blockKind;
    private Location blockAt;
    private int blockLine;
    private int blockAfter;
    /** s390's GPRS block continues over lines of bare words; the next register number. */
    private int s390Next = -1;
    /** ARM's last "from" caller, added as the outermost frame when the backtrace ends. */
    private Frame armCaller;
    private boolean s390;
    /** Whether frame lines are read by hand where they can be ({@link #readFrame}). */
    private final boolean fastFrames;
    /** Where {@link #readFrame} has {@link #scanFrame} write a line's parts (one array per report, not per line). */
    private final int[] scan = new int[Z_END + 1];

    OopsReport(int line, String headline, String caller, boolean prefixed, boolean preamble) {
        this(line, headline, caller, prefixed, preamble, true);
    }

    /** {@code fastFrames} off: every frame line goes through {@link OopsGrammar#FRAME} (tests hold the two equal). */
    OopsReport(int line, String headline, String caller, boolean prefixed, boolean preamble, boolean fastFrames) {
        this.fastFrames = fastFrames;
        this.prefixed = prefixed;
        this.firstLine = line;
        this.lastLine = line;
        this.headlineLine = line;
        this.headline = headline;
        this.caller = caller;
        this.preamble = preamble;
        Matcher m;
        // HUNG_TASK is anchored: only "INFO: task ..." headlines can match
        if (headline.startsWith("INFO: task ") && (m = HUNG_TASK.matcher(headline)).find()) {
            command = m.group(1);
            pid = Long.valueOf(m.group(2));
        }
    }

    boolean ended() {
        return ended;
    }

    int endLine() {
        return endLine;
    }

    /** A line printed by another task or CPU than the header (caller ids differ), or not by the kernel. */
    boolean isForeign(String lineCaller, boolean linePrefixed) {
        if (prefixed && !linePrefixed) {
            return true;
        }
        if (caller == null || lineCaller == null || lineCaller.equals(caller)) {
            return false;
        }
        return !(cpuTraceback && lineCaller.startsWith("C"));
    }

    boolean hasStack() {
        return !frames.isEmpty();
    }

    boolean isPreambleOnly(int line, int reach) {
        return preamble && !ended && frames.isEmpty() && line - headlineLine <= reach;
    }

    /** {@code list_del corruption ...} then {@code kernel BUG at lib/list_debug.c:56!}: the BUG line names the report. */
    void upgradeHeadline(String newHeadline, int line) {
        diagnostics.add(new Diagnostic(headlineLine, "report preamble", headline));
        headline = newHeadline;
        headlineLine = line;
        lastLine = line;
        preamble = false;
    }

    void note(int line, String text) {
        lastLine = Math.max(lastLine, line);
        diagnostics.add(new Diagnostic(line, "report text", text));
    }

    void accept(String text, int line) {
        lastLine = line;
        String t = text;
        if (t.charAt(0) == '<') {
            t = markers(t);
            if (t.isEmpty()) {
                return;
            }
        }
        // the common line, a frame of the stack, first: a line readFrame takes starts with a function name
        // (or "?"), so neither "---[ end" nor any check below it would have taken it, and frame() would
        // have come to readFrame for it (see there)
        if (fastFrames && !startsWithRegisterTag(t) && readFrame(t, line)) {
            return;
        }
        acceptOther(t, line);
    }

    /**
     * Every other line of the report: its own method, so the JIT compiles the frame path above as a small
     * method of its own instead of one with all of this inlined (it was the largest compilation of a
     * console parse: 7.8 kB of bytecode, ~140 ms of C2 time), and this part once.
     */
    private void acceptOther(String t, int line) {
        // (each literal tested only when the first character is its own: with the launcher's inlining limits
        // String.startsWith is a call, and these run on every line of a report that is no frame)
        char first = t.charAt(0);
        if (first == '-' && t.startsWith(END_TRACE)) {
            ended = true;
            endLine = line;
            flushArm();
            closeBlock();
            return;
        }
        if (maybeFrame(t) && frame(t, line)) {
            return;
        }
        if (isStackHeader(t)) {
            flushArm();
            closeBlock();
            if (stack == Stack.ASIDE) {
                // "RCU grace-period kthread stack dump:" then "Call Trace:": a stack beside the report's own
                asideClosed = !asideFrames.isEmpty();
                return;
            }
            if (stack == Stack.NONE || (stack == Stack.MAIN && frames.isEmpty())) {
                stack = Stack.MAIN;
                context = StackContext.TASK;
            } else {
                stack = Stack.DONE;
            }
            return;
        }
        if (stack == Stack.ASIDE && (t.startsWith("NMI backtrace for cpu") || CPU_LINE.matcher(t).lookingAt())) {
            // the report's own stack follows: "NMI backtrace for cpu 1", "CPU: 1 PID: 8314 Comm: ..."
            stack = Stack.NONE;
            asideClosed = true;
        }
        if ((first == 'C' && t.startsWith("CPU: ")) || (first == 'P' && (t.startsWith("Pid: ") || t.startsWith("Process ")))) {
            if (task(t)) {
                return;
            }
        }
        if ((first == 'S' && t.startsWith("Sending NMI from CPU")) || (first == 'N' && t.startsWith("NMI backtrace for cpu"))) {
            cpuTraceback = true;
        }
        if (ipLine(t, line) || registerLine(t, line)) {
            return;
        }
        if (t.charAt(t.length() - 1) == ':' && !t.startsWith("Code:")) {
            if (stack == Stack.MAIN && !frames.isEmpty()) {
                flushArm();
                closeBlock();
                stack = Stack.DONE;
            } else if (stack == Stack.NONE) {
                stack = Stack.ASIDE;
            }
        }
        diagnostics.add(new Diagnostic(line, "unrecognised line kept as text", t));
    }

    private static boolean isStackHeader(String t) {
        char c = t.charAt(0);
        return (c == 'C' && (t.startsWith("Call Trace") || t.startsWith("Call trace")))
                || (c == 'B' && t.equals("Backtrace:")) || (c == 'b' && (t.equals("backtrace:") || t.startsWith("backtrace (crc")));
    }

    /**
     * {@code <IRQ>}, {@code </IRQ>}, {@code <NMI>}, {@code <TASK>}, {@code <EOI>}, {@code <SOFTIRQ>}, {@code <#DF>},
     * {@code <<EOE>>}, also before a frame on the same line ({@code <IRQ>  [<ffffffff81584ca7>] ip_local_deliver+0x47/0x80});
     * returns the rest of the line.
     */
    private String markers(String t) {
        String s = t;
        while (s.startsWith("<")) {
            if (s.startsWith("<<EOE>>")) {
                // end of an exception stack (NMI, debug, MCE): back on the interrupted stack
                context = beforeNmi;
                s = s.substring(7).strip();
                continue;
            }
            int close = s.indexOf('>');
            if (close < 0 || close > 12) {
                return s;
            }
            String m = s.substring(1, close);
            switch (m) {
                case "IRQ" -> context = StackContext.IRQ;
                case "SOFTIRQ" -> context = StackContext.SOFTIRQ;
                case "NMI" -> {
                    beforeNmi = context;
                    context = StackContext.NMI;
                }
                case "/NMI" -> context = beforeNmi;
                case "/IRQ", "/SOFTIRQ", "EOI", "TASK", "/TASK" -> context = StackContext.TASK;
                default -> {
                    if (m.startsWith("#")) {
                        context = StackContext.EXCEPTION;
                    } else if (m.startsWith("/#")) {
                        context = StackContext.TASK;
                    } else {
                        return s;
                    }
                }
            }
            s = s.substring(close + 1).strip();
        }
        return s;
    }

    /**
     * {@link OopsGrammar#FRAME}'s groups (index 1 to 7) for {@code t}, or null when it does not match. The
     * common line, {@code dump_stack+0x194/0x257} or {@code ? tcp_ack+0x1a/0x30 [bnx2]} (printable ASCII, no
     * address in brackets), is read by hand, with the groups the pattern would give; any other goes to the pattern.
     */
    static String[] frameGroups(String t) {
        String[] g = scannedFrameGroups(t);
        if (g != null) {
            return g;
        }
        return generalFrameGroups(t);
    }

    /** {@link #frameGroups} by the pattern alone. */
    static String[] generalFrameGroups(String t) {
        Matcher m = FRAME.matcher(t);
        if (!m.matches()) {
            return null;
        }
        String[] g = new String[8];
        for (int i = 1; i <= 7; i++) {
            g[i] = m.group(i);
        }
        return g;
    }

    /** Where {@link #scanFrame} found the parts of the common frame line: {@code t[f, fEnd)} the function, and so on. */
    private static final int QUESTION_END = 0, F = 1, F_END = 2, O = 3, O_END = 4, Z = 5, Z_END = 6;

    /**
     * The common frame line's parts, {@code [? ]function+0xOFF/0xSIZE rest}, all printable ASCII, in
     * {@code t[from, n)}: the positions above, as indexes into {@code t} ({@code QUESTION_END} {@code from}
     * without a leading {@code ?}), written to {@code at}, which is returned; null for any other line. The
     * caller's array: a new one per frame line was 109 MB of the 1.5 GB a 200 MB console log allocates (the
     * JIT did not inline this method, so the array escaped).
     */
    private static int[] scanFrame(String t, int from, int n, int[] at, boolean printable) {
        int i = from;
        if (n > from && t.charAt(from) == '?') {
            i = n > from + 1 && t.charAt(from + 1) == ' ' ? from + 2 : from + 1;
        }
        int question = i;
        // character classes by table and literals by character, in the loops themselves: with the launcher's
        // small inlining limits a helper or String.startsWith here is a call per character or per line
        char c0;
        if (i >= n || (c0 = t.charAt(i)) >= 128 || (CHAR_CLASS[c0] & FUNCTION_START) == 0) {
            return null;
        }
        int f = i;
        i++;
        char c1;
        while (i < n && (c1 = t.charAt(i)) < 128 && (CHAR_CLASS[c1] & FUNCTION_PART) != 0) {
            i++;
        }
        int fEnd = i;
        if (i + 2 >= n || t.charAt(i) != '+' || t.charAt(i + 1) != '0' || t.charAt(i + 2) != 'x') {
            return null;
        }
        int o = i + 3;
        int oEnd = Hex.end(t, o, n);
        if (oEnd == o || oEnd + 2 >= n || t.charAt(oEnd) != '/' || t.charAt(oEnd + 1) != '0' || t.charAt(oEnd + 2) != 'x') {
            return null;
        }
        int z = oEnd + 3;
        int zEnd = Hex.end(t, z, n);
        if (zEnd == z) {
            return null;
        }
        // the shape first, as it turns most other lines away at their first characters; then the whole line
        // (unless the caller checked it already)
        for (int k = printable ? n : from; k < n; k++) {
            char c = t.charAt(k);
            if (c < 0x20 || c > 0x7e) {
                return null;
            }
        }
        at[QUESTION_END] = question;
        at[F] = f;
        at[F_END] = fEnd;
        at[O] = o;
        at[O_END] = oEnd;
        at[Z] = z;
        at[Z_END] = zEnd;
        return at;
    }

    /** {@link #scanFrame}'s line as {@link OopsGrammar#FRAME}'s groups would give it, or null. */
    private static String[] scannedFrameGroups(String t) {
        int[] at = scanFrame(t, 0, t.length(), new int[Z_END + 1], false);
        if (at == null) {
            return null;
        }
        String question = at[QUESTION_END] == 0 ? null : t.substring(0, at[QUESTION_END]);
        return new String[] {null, null, null, question, t.substring(at[F], at[F_END]), t.substring(at[O], at[O_END]),
            t.substring(at[Z], at[Z_END]), t.substring(at[Z_END])};
    }

    /**
     * The common frame line, {@code dump_stack+0x194/0x257}, {@code ? tcp_ack+0x1a/0x30 [bnx2]}, read in place
     * into the main stack: what {@link #scanFrame} accepts, with offset and size of at most 15 hex digits,
     * gives the frame {@link #frame} builds from {@link #frameGroups}, without copying the line's parts
     * or boxing its numbers. False (nothing done) for any other line.
     */
    private boolean readFrame(String t, int line) {
        int[] at = scanFrame(t, 0, t.length(), scan, false);
        if (at == null || at[O_END] - at[O] > 15 || at[Z_END] - at[Z] > 15) {
            return false;
        }
        int n = t.length();
        boolean question = at[QUESTION_END] > 0;
        int f = at[F];
        int fEnd = at[F_END];
        int o = at[O];
        int oEnd = at[O_END];
        int z = at[Z];
        int zEnd = at[Z_END];
        // ppc64's function descriptors: ".eeh_dev_check_failure" is eeh_dev_check_failure (see function())
        String function = t.substring(fEnd - f > 1 && t.charAt(f) == '.' ? f + 1 : f, fEnd);
        // most frames have no tail (module, source, "(unreliable)"); one call of Frame.of either way, so
        // the compiled method holds one copy of it
        String rest = zEnd == n ? null : t.substring(zEnd);
        boolean reliable = !question && (rest == null || !rest.contains("(unreliable)"));
        add(Frame.of(nextIndex(), Frame.NONE, function, Hex.value(t, o, oEnd), Hex.value(t, z, zEnd), 0, 0, 0, 0,
                rest == null ? null : moduleAt(t, zEnd, n), reliable, context,
                rest == null ? null : sourceIn(rest), rest != null && inlinedIn(rest), line, t), line, t);
        return true;
    }

    /**
     * The usual frame line of the main stack read where it lies, {@code s[from, to)} (a block of the input,
     * the console prefix already cut): {@code [? ]function+0xOFF/0xSIZE}, optionally followed by
     * {@code  [module]}, with offset and size of at most 8 hex digits. It is the frame {@link #accept} would
     * add for the message {@code s.substring(from, to)} through {@link #readFrame}, but without that copy,
     * nor a copy of the function and module names (shared by their characters through {@code names}), nor
     * the comparison of the line with the one the frame rebuilds when its shape says it is that line
     * ({@link Frame#ofConsoleLine}). False, nothing done, for any other line, and whenever the report is
     * not reading its main stack (then {@link #add} keeps the line as text), and for a line
     * {@link #startsWithRegisterTag} turns away or a header's token starts. The line need not have been checked
     * for printable ASCII: every character of a line taken here is part of its shape.
     */
    boolean readFrameInPlace(String s, int from, int to, int line, NameCache names) {
        if (ended || stack != Stack.MAIN || !fastFrames) {
            return false;
        }
        // every character of a line taken here is read below as part of its shape (name, hex digits, the
        // module's brackets and name), all printable ASCII: the scanner's own check of the line is not needed
        int[] at = scanFrame(s, from, to, scan, true);
        if (at == null || at[O_END] - at[O] > 8 || at[Z_END] - at[Z] > 8 || startsWithRegisterTag(s, from, to)
                || OopsParser.frameMayBeHeader(s, from, to)) {
            // (a header's token can start a name: "Oops_x+0x1/0x2" is an Oops line; see headerRole for why the
            // rest of its tests cannot take the lines read here)
            return false;
        }
        int zEnd = at[Z_END];
        String module = null;
        if (zEnd < to) {
            // the one tail read here: " [bnx2]" (moduleAt's reading of it, no source, not "[inline]")
            int m = zEnd + 2;
            int mEnd = to - 1;
            if (mEnd <= m || s.charAt(zEnd) != ' ' || s.charAt(zEnd + 1) != '[' || s.charAt(mEnd) != ']'
                    || !isModuleName(s, m, mEnd)) {
                return false;
            }
            module = names.name(s, m, mEnd);
        }
        int question = at[QUESTION_END];
        int f = at[F];
        int fEnd = at[F_END];
        boolean dotted = s.charAt(f) == '.';
        // ppc64's function descriptors: ".eeh_dev_check_failure" is eeh_dev_check_failure (see function())
        String function = names.name(s, dotted && fEnd - f > 1 ? f + 1 : f, fEnd);
        long offset = Hex.value(s, at[O], at[O_END]);
        long size = Hex.value(s, at[Z], zEnd);
        boolean reliable = question == from;
        Frame frame;
        if (!dotted && (reliable || question == from + 2) && isPlainHex(s, at[O], at[O_END]) && isPlainHex(s, at[Z], zEnd)) {
            // exactly the line FrameLine rebuilds: "? " or nothing, the name as stored, hex as printed
            frame = Frame.ofConsoleLine(frames.size(), function, offset, size, module, reliable, context, line);
        } else {
            frame = Frame.of(frames.size(), Frame.NONE, function, offset, size, 0, 0, 0, 0, module, reliable, context,
                    null, false, line, s.substring(from, to));
        }
        lastLine = line;
        closeBlock();
        armCaller = null;
        frames.add(frame);
        return true;
    }

    /** Whether {@code s[from, to)} is a module name {@link #moduleAt} reads ({@code [\w\-]+}) other than {@code inline}. */
    private static boolean isModuleName(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isModulePart(s.charAt(k))) {
                return false;
            }
        }
        // " [inline]" marks the frame inlined (inlinedIn): the general reading's
        return !(to - from == 6 && s.startsWith("inline", from));
    }

    /** Whether the hex digits {@code s[from, to)} are as a number prints them: lower case, no leading zero. */
    private static boolean isPlainHex(String s, int from, int to) {
        if (to - from > 1 && s.charAt(from) == '0') {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c >= 'A' && c <= 'F') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #moduleIn} of {@code t.substring(from, to)} by hand, as {@link OopsGrammar#FRAME_MODULE} reads it
     * ({@code ^\s*\[([\w\-]+)\]}; {@code find} on an anchored pattern matches at the start only): no
     * matcher for the frames of a module ({@code bnx2_poll+0x9b/0x476 [bnx2]}).
     */
    static String moduleAt(String t, int from, int to) {
        int i = from;
        while (i < to && LineCleaner.isRegexSpace(t.charAt(i))) {
            i++;
        }
        if (i >= to || t.charAt(i) != '[') {
            return null;
        }
        int m = ++i;
        while (i < to && isModulePart(t.charAt(i))) {
            i++;
        }
        return i > m && i < to && t.charAt(i) == ']' ? t.substring(m, i) : null;
    }

    /** {@code [\w\-]} of a Java pattern without UNICODE_CHARACTER_CLASS. */
    private static boolean isModulePart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    // what a frame line's tail after func+off/size says; most frames have no tail: a module needs "[", a source ":"

    /** The module of a frame line's tail ({@code [bnx2]}), or null. */
    static String moduleIn(String rest) {
        Matcher m = rest.indexOf('[') < 0 ? null : FRAME_MODULE.matcher(rest);
        return m != null && m.find() ? m.group(1) : null;
    }

    /** The source location of a frame line's tail ({@code net/core/dev.c:123}), or null. */
    private static String sourceIn(String rest) {
        Matcher m = rest.indexOf(':') < 0 ? null : FRAME_SOURCE.matcher(rest);
        return m != null && m.find() ? m.group(1) : null;
    }

    /** Whether a frame line's tail marks the frame as inlined. */
    private static boolean inlinedIn(String rest) {
        return rest.contains("[inline]") || rest.contains("(inlined)");
    }

    /** {@link #CHAR_CLASS} bits: a function name's first character ({@code [A-Za-z_.$]}), its others (also digits and {@code :}). */
    private static final byte FUNCTION_START = 1, FUNCTION_PART = 2;
    /** The classes of the ASCII characters, for the loops of {@link #scanFrame}. */
    private static final byte[] CHAR_CLASS = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            boolean start = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '.' || c == '$';
            boolean digit = c >= '0' && c <= '9';
            CHAR_CLASS[c] = (byte) ((start ? FUNCTION_START | FUNCTION_PART : 0) | (digit || c == ':' ? FUNCTION_PART : 0));
        }
    }

    private static boolean maybeFrame(String t) {
        return t.contains("+0x") || t.contains(" from ") || t.endsWith("[inline]") || t.endsWith(")");
    }

    /** Reads a frame line into the main stack (or a diagnostic when it belongs to another stack). */
    private boolean frame(String t, int line) {
        Matcher m;
        if (t.indexOf(" from ") > 0) {
            if ((m = ARM_FRAME.matcher(t)).matches()) {
                Long off = hex(m.group(3));
                Long size = hex(m.group(4));
                String module = m.group(5);
                if (off == null && armCaller != null && armCaller.function().equals(m.group(2))) {
                    // the previous line's "from [<c031c7a0>] (generic_perform_write+0xc4/0x1c0)" is this frame
                    off = armCaller.offset();
                    size = armCaller.size();
                    module = armCaller.module();
                }
                add(new Frame(0, null, m.group(2), off, size, lower(m.group(1)), null,
                        module, true, context, null, false, line, t), line, t);
                armCaller = new Frame(0, null, m.group(7), hex(m.group(8)), hex(m.group(9)), lower(m.group(6)), null,
                        m.group(10), true, context, null, false, line, t);
                return true;
            }
            if ((m = ARM_FRAME_SHORT.matcher(t)).matches()) {
                Frame prev = armCaller;
                boolean same = prev != null && prev.function().equals(m.group(1));
                add(new Frame(0, null, m.group(1), same ? prev.offset() : null, same ? prev.size() : null, null, null,
                        same ? prev.module() : null, true, context, null, false, line, t), line, t);
                armCaller = new Frame(0, null, m.group(2), hex(m.group(3)), hex(m.group(4)), null, null,
                        m.group(5), true, context, null, false, line, t);
                return true;
            }
        }
        if (startsWithRegisterTag(t)) {
            return false;
        }
        // (accept tried readFrame already)
        String[] g;
        if (t.contains("+0x") && (g = (fastFrames ? frameGroups(t) : generalFrameGroups(t))) != null) {
            String first = lower(g[1]);
            String second = lower(g[2]);
            String address = second != null ? second : first;
            String stackAddress = second != null ? first : null;
            String rest = g[7];
            boolean reliable = g[3] == null && !rest.contains("(unreliable)");
            add(new Frame(0, null, function(g[4]), hex(g[5]), hex(g[6]), address, stackAddress,
                    moduleIn(rest), reliable, context, sourceIn(rest), inlinedIn(rest), line, t), line, t);
            return true;
        }
        if (t.endsWith("[inline]") && (m = INLINE_FRAME.matcher(t)).matches()) {
            add(new Frame(0, null, m.group(1), null, null, null, null, null, true, context, m.group(2), true, line, t),
                    line, t);
            return true;
        }
        if (t.endsWith(")") && mayBeDecoded(t) && (m = DECODED_FRAME.matcher(t)).matches()) {
            add(new Frame(0, null, m.group(2), hex(m.group(3)), hex(m.group(4)), null, null, null, m.group(1) == null,
                    context, m.group(5), m.group(6) != null, line, t), line, t);
            return true;
        }
        return false;
    }

    /**
     * Whether a register or faulting-location line's tag starts {@code t} ({@code RIP: 0010:f+0x1/0x2},
     * {@code pc : f+0x1/0x2}, {@code lr : ...}, {@code Krnl PSW : ...}): such a line is no frame, whatever
     * follows. By first character, as this runs on every frame line.
     */
    private static boolean startsWithRegisterTag(String t) {
        return startsWithRegisterTag(t, 0, t.length());
    }

    /** {@link #startsWithRegisterTag(String)} of {@code t[from, to)}. */
    private static boolean startsWithRegisterTag(String t, int from, int to) {
        return switch (t.charAt(from)) {
            case 'R' -> startsWith(t, "RIP", from, to);
            case 'I' -> startsWith(t, "IP:", from, to);
            case 'E' -> startsWith(t, "EIP", from, to);
            case 'p' -> startsWith(t, "pc ", from, to);
            case 'l' -> startsWith(t, "lr ", from, to);
            case 'P' -> startsWith(t, "PC is", from, to);
            case 'L' -> startsWith(t, "LR is", from, to) || startsWith(t, "LR [", from, to);
            case 'N' -> startsWith(t, "NIP", from, to);
            case 'K' -> startsWith(t, "Krnl", from, to);
            case 'e' -> startsWith(t, "epc", from, to);
            case 'r' -> startsWith(t, "ra ", from, to);
            default -> false;
        };
    }

    /** Whether {@code t[from, to)} starts with {@code prefix}. */
    private static boolean startsWith(String t, String prefix, int from, int to) {
        return to - from >= prefix.length() && t.startsWith(prefix, from);
    }

    /**
     * Whether {@link OopsGrammar#DECODED_FRAME} can match {@code t}: after an optional {@code ?} and blank, a
     * name ({@code [A-Za-z_][\w.$]*}) followed by {@code +0x} or {@code " ("}. Lines ending with {@code )} are
     * common ({@code Hardware name: QEMU Standard PC (i440FX + PIIX, 1996)}) and are turned away here.
     */
    private static boolean mayBeDecoded(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && t.charAt(i) == '?') {
            i++;
            if (i < n && t.charAt(i) == ' ') {
                i++;
            }
        }
        if (i >= n || !isDecodedNameStart(t.charAt(i))) {
            return false;
        }
        i++;
        while (i < n && (isDecodedNameStart(t.charAt(i)) || (t.charAt(i) >= '0' && t.charAt(i) <= '9')
                || t.charAt(i) == '.' || t.charAt(i) == '$')) {
            i++;
        }
        return t.startsWith("+0x", i) || t.startsWith(" (", i);
    }

    private static boolean isDecodedNameStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private void add(Frame f, int line, String t) {
        if (stack == Stack.NONE) {
            if (!f.reliable()) {
                // a "? f+0x.." line before any stack header is another CPU's stack running through
                diagnostics.add(new Diagnostic(line, "frame outside the report's stack", t));
                return;
            }
            stack = Stack.MAIN;
        }
        if (stack != Stack.MAIN) {
            if (stack == Stack.ASIDE && !asideClosed) {
                asideFrames.add(indexed(f, asideFrames.size()));
            }
            diagnostics.add(new Diagnostic(line, "frame of another stack", t));
            return;
        }
        closeBlock();
        armCaller = null;
        frames.add(indexed(f, frames.size()));
    }

    /** {@code f} at {@code index}: itself when built there already ({@link #readFrame}), else a copy. */
    private static Frame indexed(Frame f, int index) {
        return f.index() == index ? f : f.withIndex(index);
    }

    /** The index the next frame gets in the stack {@link #add} puts it in (a guess: add decides). */
    private int nextIndex() {
        return stack == Stack.ASIDE ? asideFrames.size() : frames.size();
    }

    private void flushArm() {
        if (armCaller != null && stack == Stack.MAIN) {
            frames.add(armCaller.withIndex(frames.size()));
        }
        armCaller = null;
    }

    private boolean task(String t) {
        Matcher m;
        if ((m = CPU_LINE.matcher(t)).find()) {
            if (cpu == null) {
                cpu = Integer.valueOf(m.group(1));
                if (pid == null) {
                    pid = Long.valueOf(m.group(2));
                    command = m.group(3);
                }
            }
            return true;
        }
        if ((m = PID_LINE.matcher(t)).find() || (m = PROCESS_LINE.matcher(t)).find()) {
            boolean pidFirst = t.startsWith("Pid");
            if (pid == null) {
                pid = Long.valueOf(m.group(pidFirst ? 1 : 2));
                command = m.group(pidFirst ? 2 : 1);
            }
            return true;
        }
        return false;
    }

    /** The faulting location: the header's ({@code ip}) before the main stack, an exception frame inside it. */
    private boolean ipLine(String t, int line) {
        char c = t.charAt(0);
        if (!startsWithIpTag(t)) {
            // neither IP_LINE (its tags) nor RIP_RAW ("RIP: ") can match: register rows (RAX:, RSP:) end here
            return false;
        }
        Matcher m = IP_LINE.matcher(t);
        if (m.lookingAt()) {
            String tag = tagName(m.group(1));
            if (tag.equals("PSW")) {
                s390 = true;
            }
            Location at = new Location(function(m.group(3)), hex(m.group(4)), hex(m.group(5)));
            String address = lower(m.group(2));
            if (stack == Stack.MAIN) {
                if (ip != null && at.equals(ip)) {
                    diagnostics.add(new Diagnostic(line, "faulting location repeated", t));
                    return true;
                }
                openBlock("exception " + tag, at, line);
                if (address != null) {
                    blockRegs.put(tag, address);
                }
            } else if (stack == Stack.DONE) {
                diagnostics.add(new Diagnostic(line, "faulting location of another stack", t));
            } else {
                if (ip == null) {
                    ip = at;
                }
                if (address != null) {
                    registers.putIfAbsent(tag, address);
                }
            }
            return true;
        }
        if (c == 'R' && t.startsWith("RIP: ") && (m = RIP_RAW.matcher(t)).matches()) {
            String address = lower(m.group(2));
            if (stack == Stack.MAIN) {
                // a segment with RPL 3 (0033, 0023, 0073) is user mode: the syscall's saved registers
                boolean user = (Integer.parseInt(m.group(1), 16) & 3) == 3;
                openBlock(user ? "registers" : "exception RIP", null, line);
                blockRegs.put("RIP", address);
            } else if (stack == Stack.DONE) {
                diagnostics.add(new Diagnostic(line, "registers of another stack", t));
            } else {
                registers.putIfAbsent("RIP", address);
            }
            return true;
        }
        return false;
    }

    /**
     * Whether {@code t} starts with one of {@link OopsGrammar#IP_LINE}'s tags ({@code EIP is at} starts with
     * {@code EIP}), by first character: one comparison for most lines instead of eight.
     */
    private static boolean startsWithIpTag(String t) {
        return switch (t.charAt(0)) {
            case 'R' -> t.startsWith("RIP");
            case 'I' -> t.startsWith("IP");
            case 'E' -> t.startsWith("EIP");
            case 'N' -> t.startsWith("NIP");
            case 'p' -> t.startsWith("pc");
            case 'P' -> t.startsWith("PC is at");
            case 'K' -> t.startsWith("Krnl PSW");
            case 'e' -> t.startsWith("epc");
            default -> false;
        };
    }

    private static String tagName(String tag) {
        return switch (tag) {
            case "PC is at", "pc" -> "PC";
            case "EIP is at" -> "EIP";
            case "Krnl PSW" -> "PSW";
            case "epc" -> "EPC";
            default -> tag;
        };
    }

    private boolean registerLine(String t, int line) {
        Map<String, String> regs = null;
        Matcher m;
        if (t.startsWith("GPR") && (m = PPC_GPR.matcher(t)).matches()) {
            regs = numbered("GPR", Integer.parseInt(m.group(1)), m.group(2), true);
        } else if (t.startsWith("Krnl GPRS") && (m = S390_GPRS.matcher(t)).matches()) {
            s390 = true;
            regs = numbered("R", 0, m.group(1), false);
            s390Next = regs.size();
        } else if (s390Next > 0 && s390Next < 16 && HEX_WORDS.matcher(t).matches()) {
            regs = numbered("R", s390Next, t, false);
            s390Next += regs.size();
        } else if (t.indexOf(':') > 0 && t.indexOf(':') < 12) {
            regs = RegisterLine.parse(t);
            if (regs != null && isPswBits(regs)) {
                // s390 "R:0 T:1 IO:1 EX:1 Key:0 M:1 W:0 P:0 AS:3 CC:3 PM:0 EA:3": PSW fields, not registers
                diagnostics.add(new Diagnostic(line, "PSW fields", t));
                return true;
            }
        }
        if (regs == null) {
            return false;
        }
        if (stack == Stack.MAIN && blockRegs != null) {
            blockRegs.putAll(regs);
        } else if (stack == Stack.NONE || stack == Stack.ASIDE) {
            regs.forEach(registers::putIfAbsent);
        } else {
            diagnostics.add(new Diagnostic(line, "registers of a stack frame", t));
        }
        return true;
    }

    private static boolean isPswBits(Map<String, String> regs) {
        return regs.size() >= 6 && regs.containsKey("CC") && regs.values().stream().allMatch(v -> v.length() == 1);
    }

    /** A line that continues a register dump; printk prints these without a timestamp of their own. */
    static boolean looksLikeRegisters(String t) {
        return HEX_WORDS.matcher(t).matches() || t.startsWith("Krnl ") || PPC_GPR.matcher(t).matches()
                || RegisterLine.parse(t) != null;
    }

    private static Map<String, String> numbered(String prefix, int first, String words, boolean twoDigits) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = first;
        for (String w : words.trim().split("\\s+")) {
            out.put(prefix + (twoDigits && n < 10 ? "0" : "") + n, w.toLowerCase(Locale.ROOT));
            n++;
        }
        return out;
    }

    private void openBlock(String kind, Location at, int line) {
        closeBlock();
        blockRegs = new LinkedHashMap<>();
        blockKind = kind;
        blockAt = at;
        blockLine = line;
        blockAfter = frames.size() - 1;
    }

    private void closeBlock() {
        if (blockRegs != null) {
            exceptions.add(new ExceptionFrame(blockAfter, blockKind, blockAt == null ? null : blockAt.function(),
                    blockAt == null ? null : blockAt.offset(), blockRegs, blockLine));
            blockRegs = null;
        }
    }

    Trace build(int id) {
        flushArm();
        closeBlock();
        if (frames.isEmpty() && !asideFrames.isEmpty()) {
            frames.addAll(asideFrames);
        }
        if (ip == null) {
            Matcher w = WARNING_AT.matcher(headline);
            if (w.find()) {
                ip = new Location(function(w.group(1)), hex(w.group(2)), hex(w.group(3)));
            }
        }
        Map<String, String> regs = registers;
        if (regs.isEmpty()) {
            for (ExceptionFrame e : exceptions) {
                if (e.function() != null) {
                    regs = e.registers();
                    break;
                }
            }
        }
        return new Trace(id, TraceFormat.OOPS, arch(), new Task(pid, null, cpu, command), headline, ip, frames,
                exceptions, regs, diagnostics, firstLine, lastLine);
    }

    /** The arch, from the register names first, then the frames' addresses and entry points. */
    private Arch arch() {
        List<Map<String, String>> blocks = new ArrayList<>();
        blocks.add(registers);
        exceptions.forEach(e -> blocks.add(e.registers()));
        if (s390) {
            return Arch.S390X;
        }
        for (Map<String, String> r : blocks) {
            if (r.containsKey("RAX") || r.containsKey("R15") && r.containsKey("RIP") || r.containsKey("R08")) {
                return Arch.X86_64;
            }
            if (r.containsKey("RIP")) {
                return Arch.X86_64;
            }
            if (r.containsKey("EAX") || r.containsKey("EIP")) {
                return Arch.X86;
            }
            if (r.containsKey("X29") || r.containsKey("PSTATE")) {
                return Arch.ARM64;
            }
            if (r.containsKey("PSR") || r.containsKey("R10") && r.containsKey("FP")) {
                return Arch.ARM;
            }
            if (r.containsKey("NIP") || r.containsKey("MSR") || r.containsKey("GPR00")) {
                return Arch.PPC64;
            }
            if (r.containsKey("EPC") || r.containsKey("BADADDR")) {
                return Arch.RISCV64;
            }
        }
        for (Frame f : frames) {
            Arch a = archOfFunction(f.function());
            if (a != null) {
                return a;
            }
        }
        for (Frame f : frames) {
            String a = f.address();
            if (a == null) {
                continue;
            }
            if (a.length() == 16) {
                if (a.startsWith("c000")) {
                    return Arch.PPC64;
                }
                if (a.startsWith("ffffffff8") || a.startsWith("ffffffffa") || a.startsWith("ffffffffc")) {
                    return Arch.X86_64;
                }
                if (a.startsWith("ffff0000") || a.startsWith("ffff8000") || a.startsWith("ffffffc")
                        || a.startsWith("ffff80")) {
                    return Arch.ARM64;
                }
            }
            if (a.length() == 8 && f.raw().contains(" from ")) {
                return Arch.ARM;
            }
        }
        // ARM's unwinder is the only one that prints "f from g"
        return frames.stream().anyMatch(f -> f.raw().contains(" from ")) ? Arch.ARM : Arch.UNKNOWN;
    }

    private static Arch archOfFunction(String fn) {
        if (fn.startsWith("entry_SYSCALL_64") || fn.equals("do_syscall_64") || fn.startsWith("asm_exc_")
                || fn.startsWith("asm_sysvec_") || fn.startsWith("__x64_sys_") || fn.startsWith("x64_sys_call")) {
            return Arch.X86_64;
        }
        if (fn.startsWith("el0_svc") || fn.startsWith("el0t_64") || fn.startsWith("el1h_64") || fn.startsWith("__arm64_sys_")
                || fn.equals("el0_sync") || fn.equals("el1_irq") || fn.equals("el1_sync")) {
            return Arch.ARM64;
        }
        if (fn.equals("ret_fast_syscall") || fn.equals("__irq_svc") || fn.equals("vector_swi") || fn.equals("__dabt_svc")) {
            return Arch.ARM;
        }
        if (fn.startsWith("entry_SYSENTER_32") || fn.equals("sysenter_past_esp") || fn.equals("syscall_call")) {
            return Arch.X86;
        }
        if (fn.startsWith("sysc_")) {
            return Arch.S390X;
        }
        if (fn.equals("handle_exception") || fn.equals("ret_from_exception") || fn.equals("do_trap_break")) {
            return Arch.RISCV64;
        }
        return null;
    }

    /** ppc64 ELFv1 prints function descriptors with a leading dot ({@code .eeh_dev_check_failure}); the function is the same. */
    private static String function(String f) {
        return f.length() > 1 && f.charAt(0) == '.' ? f.substring(1) : f;
    }

    private static Long hex(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(s, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
