package dev.pktpath.parse;

import dev.pktpath.model.ExceptionFrame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import static dev.pktpath.parse.CrashBtRegisters.*;

/**
 * One register block being read: an exception frame, a user-mode register dump at syscall entry,
 * a {@code bt -e} search result, an s390x lowcore. Lines are offered one at a time; the block takes
 * those that belong to it.
 *
 * <p>The kind it reports (see {@link #kind()}): the header's own words when crash printed one
 * ({@code exception RIP}, {@code exception EIP}); otherwise {@code user-mode registers} when the block
 * shows a user-mode frame (CS with a non-zero privilege level, arm64/riscv64 {@code ORIG_X0}/{@code ORIG_A0}
 * with {@code SYSCALLNO}, ppc64 MSR with PR set, s390x PSW "(user space)", a USER-MODE header), else
 * {@code exception <IP register>} ({@code exception PC}, {@code exception NIP}, {@code exception EPC},
 * {@code exception ERA}, {@code exception PSW}, {@code exception EIP}, {@code exception RIP}); an s390x
 * lowcore is {@code lowcore}.
 */
final class CrashBtRegisterBlock {
    /** How strongly a line belongs to a register block. */
    enum Fit { NO, WEAK, STRONG }

    private enum Mode { UNKNOWN, KERNEL, USER }

    private final int line;
    private final Map<String, String> registers = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String headerKind;
    private Mode mode = Mode.UNKNOWN;
    private String function;
    private Long offset;
    private boolean functionFromHeader;
    /** The register whose symbol named {@link #function}: RIP, PC, NIP, PSW, EPC, ERA. */
    private String symbolRegister;
    /** Register-name prefix and next index for bare value rows (s390x GPRS continuation, lowcore groups). */
    private String rowPrefix;
    private int rowIndex;
    private boolean awaitingPtRegs;
    /** arm64 and riscv64 name PC's symbol ({@code [f+off]}) only in kernel-mode frames. */
    private boolean pcSymbolic;

    private CrashBtRegisterBlock(int line) {
        this.line = line;
    }

    /** A new block when {@code text} is a block header or a line that can only be registers; else null. */
    static CrashBtRegisterBlock open(String text, int line) {
        CrashBtRegisterBlock b = new CrashBtRegisterBlock(line);
        if (b.header(text)) {
            return b;
        }
        return b.offer(text) == Fit.STRONG ? b : null;
    }

    /** True when {@code text} starts a new block of its own (so the current one must end). */
    static boolean isHeader(String text) {
        // each header pattern starts or ends with a fixed word: test the word first (this runs on every
        // line of a register block)
        return exceptionHeader(text) && EXCEPTION_HEADER.matcher(text).matches()
                || modeHeader(text) && (SEARCH_HEADER.matcher(text).matches() || S390_IFRAME_HEADER.matcher(text).matches())
                || ppcHeader(text) && PPC_EFRAME_HEADER.matcher(text).matches()
                || text.equals("LOWCORE INFO:");
    }

    /** Whether {@link CrashBtRegisters#EXCEPTION_HEADER} may match: it starts with {@code [exception}. */
    private static boolean exceptionHeader(String text) {
        return text.startsWith("[exception");
    }

    /** Whether {@code SEARCH_HEADER} or {@code S390_IFRAME_HEADER} may match: {@code KERNEL-MODE } or {@code USER-MODE }. */
    private static boolean modeHeader(String text) {
        return text.startsWith("KERNEL-MODE ") || text.startsWith("USER-MODE ");
    }

    /** Whether {@link CrashBtRegisters#PPC_EFRAME_HEADER} may match: it ends with {@code exception frame:}. */
    private static boolean ppcHeader(String text) {
        return text.endsWith("exception frame:");
    }

    private boolean header(String text) {
        Matcher m;
        if (exceptionHeader(text) && (m = EXCEPTION_HEADER.matcher(text)).matches()) {
            String what = m.group(2);
            if (what.equalsIgnoreCase("user space")) {
                mode = Mode.USER;
            } else {
                headerKind = "exception " + m.group(1);
                mode = Mode.KERNEL;
                symbol(what, true, m.group(1));
            }
            return true;
        }
        if (modeHeader(text) && (m = SEARCH_HEADER.matcher(text)).matches()) {
            mode = m.group(1).equals("USER") ? Mode.USER : Mode.KERNEL;
            return true;
        }
        if (ppcHeader(text) && (m = PPC_EFRAME_HEADER.matcher(text)).matches()) {
            registers.put("TRAP", m.group(2).toLowerCase(Locale.ROOT));
            notes.add("ppc64 exception frame: " + m.group(1));
            return true;
        }
        if (modeHeader(text) && (m = S390_IFRAME_HEADER.matcher(text)).matches()) {
            mode = m.group(1).equals("USER") ? Mode.USER : Mode.KERNEL;
            awaitingPtRegs = !text.contains("pt_regs");
            return true;
        }
        if (text.equals("LOWCORE INFO:")) {
            headerKind = "lowcore";
            return true;
        }
        return false;
    }

    /**
     * True when {@code text} is a header that continues this block rather than starting another:
     * {@code bt -e} prints {@code KERNEL-MODE EXCEPTION FRAME AT ...} and then {@code [exception RIP: ...]}
     * (x86_64) or {@code Data Access [300] exception frame:} (ppc64).
     */
    boolean continuesWith(String text) {
        return registers.isEmpty() && headerKind == null && mode != Mode.UNKNOWN && !awaitingPtRegs
                && (exceptionHeader(text) && EXCEPTION_HEADER.matcher(text).matches()
                || ppcHeader(text) && PPC_EFRAME_HEADER.matcher(text).matches());
    }

    /** Takes {@code text} into the block when it belongs there. */
    Fit offer(String text) {
        Matcher m;
        if (continuesWith(text)) {
            header(text);
            return Fit.STRONG;
        }
        if (awaitingPtRegs && S390_PT_REGS_AT.matcher(text).matches()) {
            awaitingPtRegs = false;
            return Fit.STRONG;
        }
        if (text.startsWith("PSW:") && (m = S390_PSW.matcher(text)).matches()) {
            put("PSW_MASK", m.group(1));
            put("PSW_ADDR", m.group(2));
            if (m.group(3).equalsIgnoreCase("user space")) {
                mode = Mode.USER;
            } else {
                symbol(m.group(3), false, "PSW");
            }
            return Fit.STRONG;
        }
        if (text.startsWith("GPRS:") && (m = S390_GPRS.matcher(text)).matches()) {
            rowPrefix = "GPR";
            rowIndex = 0;
            row(m.group(1));
            return Fit.STRONG;
        }
        if ("lowcore".equals(headerKind)) {
            Fit f = lowcore(text);
            if (f != Fit.NO) {
                return f;
            }
        }
        if (rowPrefix != null && VALUE_ROW.matcher(text).matches()) {
            row(text);
            return Fit.STRONG;
        }
        if (text.startsWith("$") && (m = GPR_ROW.matcher(text)).matches()) {
            int first = Integer.parseInt(m.group(1));
            for (int i = 0; i < 4; i++) {
                put("$" + (first + i), m.group(2 + i));
            }
            return Fit.STRONG;
        }
        if (text.endsWith("]") && (m = SYMBOLIC_PAIR.matcher(text)).matches()) {
            String name = m.group(1);
            put(name, m.group(2));
            if (name.equals("PC")) {
                pcSymbolic = true;
                symbol(m.group(3), false, "PC");
            }
            return Fit.STRONG;
        }
        if ((text.startsWith("e") || text.startsWith("r")) && (m = TRAILING_SYMBOL_PAIR.matcher(text)).matches()
                && !PAIRS_LINE.matcher(text).matches()) {
            String name = m.group(1).toUpperCase(Locale.ROOT);
            put(name, m.group(2));
            if (!name.equals("RA")) {
                symbol(m.group(3), false, name);
            }
            return Fit.STRONG;
        }
        if (text.startsWith("[") && (m = PPC_SYMBOLIC.matcher(text)).matches()) {
            if (m.group(1).equals("NIP")) {
                symbol(m.group(2), false, "NIP");
            } else {
                notes.add("ppc64 LR: " + m.group(2));
            }
            return Fit.STRONG;
        }
        if (PAIRS_LINE.matcher(text).matches()) {
            Matcher p = PAIR.matcher(text);
            int n = 0;
            while (p.find()) {
                put(registerName(p.group(1)), p.group(2));
                n++;
            }
            return n >= 2 ? Fit.STRONG : Fit.WEAK;
        }
        if (text.startsWith("Flags:") && ARM_FLAGS.matcher(text).matches()) {
            notes.add(text);
            return Fit.STRONG;
        }
        return Fit.NO;
    }

    /** Where {@link #offerPairs} found each name and value: start and end of each, four ints a pair. */
    private final int[] pairs = new int[4 * MAX_FAST_PAIRS];
    private static final int MAX_FAST_PAIRS = 8;

    /**
     * {@link #offer} of the register line crash prints most, read where it is:
     * {@code RIP: ffffffff8147a1e4  RSP: ffff88003a13bc40  RFLAGS: 00010246} (x86_64.c; arm64.c's
     * {@code X29: ffff80000a1b3c40  X28: ffff0000c4f1a000  X27: 0000000000000000} alike, own samples):
     * upper-case names of letters, digits and {@code _}, each with a colon right after it, then blanks
     * and a hex value ending at a blank or the line's end. {@code text[from, to)} is the line stripped;
     * every character of it is one of these (so printable ASCII without tabs: the cleaned line). False,
     * with nothing read, for any other line, which then goes through {@link #offer}.
     *
     * <p>Why {@link #offer} would read such a line the same, through {@link CrashBtRegisters#PAIRS_LINE}
     * and {@link CrashBtRegisters#PAIR}: every check before them needs what this shape has not (a
     * header's {@code [exception} or {@code exception frame:}, {@code PSW:} or {@code GPRS:}, a lowcore
     * or value-row block, the s390 pt_regs line, a {@code $} or a lower-case {@code e}/{@code r} first, a
     * {@code ]} last, a {@code [} first); the names {@code CSR crmd} and {@code Syscall Result} have a
     * blank before the colon; and each name and value is a run that only a blank or the end can stop,
     * so the patterns' pairs are these. It also turns away a task header ({@code PID:}) and a line with
     * a hex digit first (maybe stack data), which the parser checks for, and ends the block at, before
     * it offers a line to the block.
     */
    boolean offerPairs(String text, int from, int to) {
        if (awaitingPtRegs || rowPrefix != null || "lowcore".equals(headerKind)) {
            return false;
        }
        char c = text.charAt(from);
        if (c < 'G' || c > 'Z' || text.startsWith("PID:", from) || text.startsWith("PSW:", from)
                || text.startsWith("GPRS:", from)) {
            return false;
        }
        int n = 0;
        int i = from;
        while (i < to) {
            if (n == MAX_FAST_PAIRS) {
                return false;
            }
            int name = i;
            c = text.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
            // the loops over characters are helpers: with them here, a fresh run compiled this method
            // twice (on-stack replacement first)
            i = nameEnd(text, i + 1, to);
            if (i >= to || text.charAt(i) != ':') {
                return false;
            }
            int nameEnd = i;
            i = CrashBtShapes.skipSpaces(text, i + 1, to);
            int value = i;
            i = Hex.end(text, i, to);
            if (i == value || (i < to && text.charAt(i) != ' ')) {
                return false;
            }
            pairs[4 * n] = name;
            pairs[4 * n + 1] = nameEnd;
            pairs[4 * n + 2] = value;
            pairs[4 * n + 3] = i;
            n++;
            i = CrashBtShapes.skipSpaces(text, i, to);
        }
        NameCache names = NameCache.local();
        for (int k = 0; k < n; k++) {
            // registerName of an upper-case name without blanks is the name itself
            put(names.name(text, pairs[4 * k], pairs[4 * k + 1]), text.substring(pairs[4 * k + 2], pairs[4 * k + 3]));
        }
        return true;
    }

    /** The end of the register name's characters ({@link #isNameChar}) from {@code i} (before {@code to}). */
    private static int nameEnd(String text, int i, int to) {
        while (i < to && isNameChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private Fit lowcore(String text) {
        Matcher m;
        if ((m = S390_LOWCORE_VALUE.matcher(text)).matches()) {
            String name = m.group(1);
            if (name.equals("psw")) {
                put("PSW_MASK", m.group(2));
                if (m.group(3) != null) {
                    put("PSW_ADDR", m.group(3));
                }
            } else {
                put(registerName(name), m.group(2));
            }
            return Fit.STRONG;
        }
        if ((m = S390_LOWCORE_FUNCTION.matcher(text)).matches()) {
            symbol(m.group(1), false, "PSW");
            return Fit.STRONG;
        }
        if ((m = S390_LOWCORE_GROUP.matcher(text)).matches()) {
            rowPrefix = switch (m.group(1)) {
                case "general" -> "GPR";
                case "access" -> "AR";
                case "control" -> "CR";
                case "floating point" -> "FPR";
                default -> "VR";
            };
            rowIndex = 0;
            return Fit.STRONG;
        }
        return Fit.NO;
    }

    private void row(String values) {
        for (String v : values.trim().split("\\s+")) {
            put(rowPrefix + rowIndex++, v);
        }
    }

    /** {@code CSR crmd} becomes {@code CSR_CRMD}, {@code Syscall Result} {@code SYSCALL_RESULT}, {@code epc} {@code EPC}. */
    static String registerName(String printed) {
        String t = printed.trim();
        // the common name (RAX, R8, ORIG_RAX) has no blank: no regex to run
        return (t.indexOf(' ') < 0 && t.indexOf('\t') < 0 ? t : t.replaceAll("\\s+", "_")).toUpperCase(Locale.ROOT);
    }

    private void put(String name, String value) {
        String v = value;
        if (v.startsWith("[<") && v.endsWith(">]")) {
            v = v.substring(2, v.length() - 2);
        }
        if (v.startsWith("0x") || v.startsWith("0X")) {
            v = v.substring(2);
        }
        registers.putIfAbsent(name, v.toLowerCase(Locale.ROOT));
    }

    /** Reads {@code skb_clone+208}, {@code tcp_ack+0x1c4 [tcp]} or crash's "unknown or invalid address". */
    private void symbol(String text, boolean fromHeader, String register) {
        if (functionFromHeader && !fromHeader) {
            return;
        }
        String s = text.trim();
        int mod = s.indexOf(" [");
        if (mod > 0 && s.endsWith("]")) {
            s = s.substring(0, mod).trim();
        }
        if (s.isEmpty() || s.equalsIgnoreCase(UNKNOWN_ADDRESS) || s.contains(" ")) {
            return;
        }
        Matcher m = CrashBtGrammar.SYMBOL.matcher(s);
        if (m.matches()) {
            function = m.group(1);
            offset = CrashBtParser.parseNumber(m.group(2));
            functionFromHeader = fromHeader;
            symbolRegister = register;
        }
    }

    List<String> notes() {
        return notes;
    }

    int line() {
        return line;
    }

    Map<String, String> registers() {
        return registers;
    }

    String kind() {
        if (headerKind != null && !headerKind.startsWith("exception")) {
            return headerKind;
        }
        if (isUserMode()) {
            return "user-mode registers";
        }
        if (headerKind != null) {
            return headerKind;
        }
        String ip = ipRegister();
        return ip == null ? "registers" : "exception " + ip;
    }

    private boolean isUserMode() {
        if (mode != Mode.UNKNOWN) {
            return mode == Mode.USER;
        }
        Long cs = hex(registers.get("CS"));
        if (cs != null) {
            return (cs & 3) != 0;
        }
        if (registers.containsKey("ORIG_X0") || (registers.containsKey("ORIG_A0") && registers.containsKey("SYSCALLNO"))) {
            return true;
        }
        if (registers.containsKey("PC") && !pcSymbolic && !registers.containsKey("PSR")) {
            // arm64's compat (32-bit) user frame: PC/LR/SP/PSTATE without a symbol and without ORIG_X0
            return true;
        }
        Long msr = hex(registers.get("MSR"));
        if (msr != null) {
            return (msr & 0x4000L) != 0;
        }
        String rip = registers.get("RIP");
        return rip != null && rip.length() == 16 && rip.startsWith("0000");
    }

    private String ipRegister() {
        for (String r : new String[] {"RIP", "EIP", "NIP", "PSW_ADDR", "ERA", "PC", "EPC"}) {
            if (registers.containsKey(r)) {
                return r.equals("PSW_ADDR") ? "PSW" : r;
            }
        }
        return symbolRegister;
    }

    private static Long hex(String v) {
        if (v == null || v.isEmpty() || v.length() > 16) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(v, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    ExceptionFrame build(int afterFrame) {
        return new ExceptionFrame(afterFrame, kind(), function, offset, registers, line);
    }
}
