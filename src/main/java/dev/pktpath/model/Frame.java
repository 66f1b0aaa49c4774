package dev.pktpath.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One frame of a backtrace, as printed: {@code #9 [ffff880028203518] dev_hard_start_xmit at ffffffff81421d2e}
 * or {@code  ? tcp_ack+0x1a/0x30 [tcp]}. Addresses are lowercase hex without {@code 0x}; null when absent.
 *
 * <p>Read through the accessors a record would have: {@code index()}, {@code level()} (the {@code #N}
 * crash printed; null for console frames), {@code function()}, {@code offset()}, {@code size()},
 * {@code address()}, {@code stackAddress()}, {@code module()}, {@code reliable()} (false for {@code ? }
 * frames and frames crash marks unreliable), {@code context()}, {@code source()} ({@code file:line}
 * when printed), {@code inlined()}, {@code line()} (1-based input line of the frame), {@code raw()}
 * (the input line as read, after prefix cleaning) and {@code stackData()} (lines crash printed under
 * the frame with {@code bt -f}/{@code -F}, kept as printed; empty when none). Equality, hash code and
 * {@code toString} are those of a record with these components.
 *
 * <p>Why not a record: a {@code foreach bt} of 190,000 tasks holds millions of frames, and as a record
 * of boxed numbers, hex strings and the raw line each frame kept about 350 bytes (measured on a 50 MB
 * generated dump, see {@code bench.ModelMemory}). Here a frame is one 56-byte object: addresses are
 * numbers with their printed digit count (so leading zeros survive: {@code 00000000c0123456}), small
 * numbers are primitives with presence flags (the stack address and offset/size share a field), names
 * are shared ({@link Names}), and the raw line is not kept when it is exactly what {@link FrameLine}
 * rebuilds from the fields (the usual crash and console frame lines); it is rebuilt when asked for. What does not fit (an address that is not 1 to
 * 16 lowercase hex digits, a huge offset, stack data, a raw line that cannot be rebuilt) goes to a
 * side object that most frames do not have.
 */
public final class Frame {
    /** Absent {@code level}, {@code offset} or {@code size} in {@link #of}. */
    public static final int NONE = -1;

    static final int RELIABLE = 1;
    static final int INLINED = 2;
    static final int HAS_LEVEL = 4;
    static final int HAS_OFFSET = 8;
    static final int HAS_SIZE = 16;
    /** The raw line is {@link FrameLine#rebuild} of the fields. */
    static final int RAW_REBUILT = 32;

    private static final StackContext[] CONTEXTS = StackContext.values();
    private static final long U32 = 0xFFFF_FFFFL;

    // field order does not matter to the JVM's layout; 16 + 12 + 4 + 12 bytes after the 12-byte header
    private final long address;
    /**
     * The stack address when it has digits, else offset (high half) and size (low half), each unsigned
     * 32 bits when flagged: crash frames have a stack address and no offset, console frames the
     * reverse, so one field serves both (frames with both keep offset and size in {@link Rare}).
     */
    private final long second;
    private final int index;
    private final int line;
    private final int level;
    private final byte flags;
    /** Printed hex digits of the address, 0 when absent or kept as text in {@link Rare}. */
    private final byte addressDigits;
    private final byte stackDigits;
    /** {@link StackContext} ordinal + 1, 0 for null. */
    private final byte context;
    private final String function;
    private final String module;
    /** Null, the source string (frames whose only extra is {@code file:line}), or a {@link Rare}. */
    private final Object extra;

    /** What few frames carry. */
    private record Rare(String source, String raw, List<String> stackData, String addressText,
                        String stackAddressText, Long wideOffset, Long wideSize) {
    }

    /**
     * A frame from its fields as a record would take them. Numbers and addresses may be null (absent);
     * {@code stackData} may be null (none).
     */
    public Frame(int index, Integer level, String function, Long offset, Long size, String address,
                 String stackAddress, String module, boolean reliable, StackContext context, String source,
                 boolean inlined, int line, String raw, List<String> stackData) {
        this(index, (reliable ? RELIABLE : 0) | (inlined ? INLINED : 0) | (level != null ? HAS_LEVEL : 0)
                        | (small(offset) ? HAS_OFFSET : 0) | (small(size) ? HAS_SIZE : 0),
                level == null ? 0 : level, function, small(offset) ? (int) (long) offset : 0,
                small(size) ? (int) (long) size : 0,
                0, 0, 0, 0, module, context, source, line, raw, stackData, address, stackAddress,
                small(offset) ? null : offset, small(size) ? null : size, false, false);
    }

    /**
     * Every way in ends here: the one place that decides what is stored where. Addresses come either
     * as numbers with digits, or as text ({@code addressText}, {@code stackText}), stored as numbers
     * when they are 1 to 16 lowercase hex digits.
     */
    private Frame(int index, int flags, int level, String function, int offset, int size, long address,
                  int addressDigits, long stackAddress, int stackDigits, String module, StackContext context,
                  String source, int line, String raw, List<String> stackData, String addressText,
                  String stackText, Long wideOffset, Long wideSize, boolean pooled, boolean rebuilt) {
        if (addressText != null && (addressDigits = FrameLine.hexDigits(addressText)) > 0) {
            address = FrameLine.hexValue(addressText);
            addressText = null;
        }
        if (stackText != null && (stackDigits = FrameLine.hexDigits(stackText)) > 0) {
            stackAddress = FrameLine.hexValue(stackText);
            stackText = null;
        }
        if (stackDigits > 0 && (flags & (HAS_OFFSET | HAS_SIZE)) != 0) {
            // no room for both beside the stack address: the numbers go to the side object
            wideOffset = (flags & HAS_OFFSET) != 0 ? Long.valueOf(offset & U32) : wideOffset;
            wideSize = (flags & HAS_SIZE) != 0 ? Long.valueOf(size & U32) : wideSize;
            flags &= ~(HAS_OFFSET | HAS_SIZE);
        }
        this.index = index;
        this.line = line;
        this.level = level;
        this.function = pooled ? function : Names.intern(function);
        this.module = pooled ? module : Names.intern(module);
        this.context = context == null ? 0 : (byte) (context.ordinal() + 1);
        this.address = address;
        this.addressDigits = (byte) addressDigits;
        this.second = stackDigits > 0 ? stackAddress
                : ((long) ((flags & HAS_OFFSET) != 0 ? offset : 0) << 32) | (((flags & HAS_SIZE) != 0 ? size : 0) & U32);
        this.stackDigits = (byte) stackDigits;
        List<String> data = stackData == null || stackData.isEmpty() ? List.of() : List.copyOf(stackData);
        String src = Names.intern(source);
        boolean plain = addressText == null && stackText == null && wideOffset == null && wideSize == null;
        String keptRaw = raw;
        // the raw line is dropped when the fields rebuild it exactly; the test depends on the fields
        // alone (not on the source, stack or stack data), so equal frames store equal fields
        if (rebuilt ? plain : raw != null && plain && FrameLine.rebuilds(raw, flags, level, this.function, offset, size, address,
                addressDigits, stackAddress, stackDigits, this.module)) {
            flags |= RAW_REBUILT;
            keptRaw = null;
        }
        this.flags = (byte) flags;
        this.extra = keptRaw == null && data.isEmpty() && plain
                ? src
                : new Rare(src, keptRaw, data, addressText, stackText, wideOffset, wideSize);
    }

    private static boolean small(Long v) {
        return v != null && v >= 0 && v <= U32;
    }

    /** The frame without {@code bt -f} stack data: the shape most producers (console reports) need. */
    public Frame(int index, Integer level, String function, Long offset, Long size, String address,
                 String stackAddress, String module, boolean reliable, StackContext context, String source,
                 boolean inlined, int line, String raw) {
        this(index, level, function, offset, size, address, stackAddress, module, reliable, context, source,
                inlined, line, raw, List.of());
    }

    /** For {@link #withIndex} and the {@code with} copies: every field as stored, nothing re-checked. */
    private Frame(Frame f, int index, StackContext context, Object extra) {
        this.address = f.address;
        this.second = f.second;
        this.index = index;
        this.line = f.line;
        this.level = f.level;
        this.flags = f.flags;
        this.addressDigits = f.addressDigits;
        this.stackDigits = f.stackDigits;
        this.context = context == null ? 0 : (byte) (context.ordinal() + 1);
        this.function = f.function;
        this.module = f.module;
        this.extra = extra;
    }

    /**
     * The compact way in for parsers: no boxing, addresses as numbers with their printed digit count
     * ({@code 00000000c0123456} is {@code 0xc0123456L} with 16 digits; 0 digits = no address).
     * {@code level}, {@code offset} and {@code size} are {@link #NONE} (any negative) when absent; an
     * offset or size of 2^63 or more needs the boxed constructor.
     */
    public static Frame of(int index, int level, String function, long offset, long size,
                           long address, int addressDigits, long stackAddress, int stackDigits, String module,
                           boolean reliable, StackContext context, String source, boolean inlined, int line,
                           String raw) {
        checkDigits(address, addressDigits);
        checkDigits(stackAddress, stackDigits);
        boolean smallOffset = offset >= 0 && offset <= U32;
        boolean smallSize = size >= 0 && size <= U32;
        int flags = (reliable ? RELIABLE : 0) | (inlined ? INLINED : 0) | (level >= 0 ? HAS_LEVEL : 0)
                | (smallOffset ? HAS_OFFSET : 0) | (smallSize ? HAS_SIZE : 0);
        return new Frame(index, flags, Math.max(level, 0), function, smallOffset ? (int) offset : 0,
                smallSize ? (int) size : 0, addressDigits == 0 ? 0 : address, addressDigits,
                stackDigits == 0 ? 0 : stackAddress, stackDigits, module, context, source, line, raw, List.of(),
                null, null, offset > U32 ? offset : null, size > U32 ? size : null, false, false);
    }

    /**
     * {@link #of} for a crash parser's frame line read by a scanner: reliable, on the task's stack, no
     * source; {@code function} and {@code module} already the {@link Names#intern} copies; and
     * {@code rawRebuilt} when the caller knows {@code raw} is exactly the line {@link FrameLine} rebuilds
     * from these fields (it is then not compared again, and may be null: such a line has no offset or
     * size and addresses of 1 to 16 digits, so nothing else needs it). The same frame {@link #of} gives; the crash
     * parser's tests hold the two to each other over the corpus and generated dumps.
     */
    public static Frame ofCrashLine(int index, int level, String function, long offset, long size, long address,
                                    int addressDigits, long stackAddress, int stackDigits, String module, int line,
                                    String raw, boolean rawRebuilt) {
        checkDigits(address, addressDigits);
        checkDigits(stackAddress, stackDigits);
        if (!rawRebuilt) {
            return unusualCrashLine(index, level, function, offset, size, address, addressDigits, stackAddress,
                    stackDigits, module, line, raw);
        }
        if (offset >= 0 || size >= 0 || addressDigits == 0) {
            throw new IllegalArgumentException("a rebuilt crash frame line has an address and no offset or size");
        }
        // what the general constructor stores for this frame, written out: the usual line of a foreach bt
        // (millions of them) then runs and compiles without the checks, interning and copies only the
        // other ways in need, which made that constructor the biggest of the parse for the JIT
        return new Frame(index, line, Math.max(level, 0), RELIABLE | RAW_REBUILT | (level >= 0 ? HAS_LEVEL : 0),
                address, addressDigits, stackDigits == 0 ? 0 : stackAddress, stackDigits, TASK_CONTEXT, function,
                module, null);
    }

    /**
     * The usual crash frame line ({@link #ofCrashLine} with {@code rawRebuilt}) with what the lines after it
     * told, all at once: the stack a marker set ({@code context}), its {@code bt -l} source (already shared,
     * as {@link #withShared} takes it; null for none) and its {@code bt -f} stack data (null or empty for
     * none; else an unmodifiable list that nobody changes after, which the frame keeps as it is: the crash
     * parser's own compact list of a frame's lines, which a copy would cut into strings). The frame {@code ofCrashLine(...).withShared(context, source, stackData)} gives, built once
     * instead of twice: a parser that holds a trace's lines until the trace ends (the crash parser) has
     * all of it when it builds the frame.
     */
    public static Frame ofCompleteCrashLine(int index, int level, String function, long address, int addressDigits,
                                            long stackAddress, int stackDigits, String module, int line,
                                            StackContext context, String source, List<String> stackData) {
        if (addressDigits == 0) {
            throw new IllegalArgumentException("a rebuilt crash frame line has an address");
        }
        checkDigits(address, addressDigits);
        checkDigits(stackAddress, stackDigits);
        Object extra = stackData == null || stackData.isEmpty() ? source
                : new Rare(source, null, stackData, null, null, null, null);
        return new Frame(index, line, Math.max(level, 0), RELIABLE | RAW_REBUILT | (level >= 0 ? HAS_LEVEL : 0),
                address, addressDigits, stackDigits == 0 ? 0 : stackAddress, stackDigits,
                context == null ? 0 : (byte) (context.ordinal() + 1), function, module, extra);
    }

    /** {@link #ofCrashLine} of a line the fields do not rebuild (an offset, odd blanks or case): the general way in. */
    private static Frame unusualCrashLine(int index, int level, String function, long offset, long size, long address,
                                          int addressDigits, long stackAddress, int stackDigits, String module,
                                          int line, String raw) {
        boolean smallOffset = offset >= 0 && offset <= U32;
        boolean smallSize = size >= 0 && size <= U32;
        int flags = RELIABLE | (level >= 0 ? HAS_LEVEL : 0) | (smallOffset ? HAS_OFFSET : 0) | (smallSize ? HAS_SIZE : 0);
        return new Frame(index, flags, Math.max(level, 0), function, smallOffset ? (int) offset : 0,
                smallSize ? (int) size : 0, addressDigits == 0 ? 0 : address, addressDigits,
                stackDigits == 0 ? 0 : stackAddress, stackDigits, module, StackContext.TASK, null, line, raw, List.of(),
                null, null, offset > U32 ? offset : null, size > U32 ? size : null, true, false);
    }

    /** {@link #context} of a frame on the task's own stack. */
    private static final byte TASK_CONTEXT = (byte) (StackContext.TASK.ordinal() + 1);

    /** Every field as it is to be stored, nothing checked: for {@link #ofCrashLine}'s usual line. */
    private Frame(int index, int line, int level, int flags, long address, int addressDigits, long second,
                  int stackDigits, byte context, String function, String module, Object extra) {
        this.index = index;
        this.line = line;
        this.level = level;
        this.flags = (byte) flags;
        this.address = address;
        this.addressDigits = (byte) addressDigits;
        this.second = second;
        this.stackDigits = (byte) stackDigits;
        this.context = context;
        this.function = function;
        this.module = module;
        this.extra = extra;
    }

    /** {@link #level()} without boxing: {@link #NONE} when absent. */
    public int levelOrNone() {
        return (flags & HAS_LEVEL) != 0 ? level : NONE;
    }

    /** A digit count that cannot have printed the value would make the frame print something else. */
    private static void checkDigits(long value, int digits) {
        if (digits < 0 || digits > 16 || (digits > 0 && digits < 16 && value >>> (4 * digits) != 0)) {
            throw new IllegalArgumentException("hex digit count " + digits + " does not fit " + Long.toHexString(value));
        }
    }

    /**
     * The usual console frame line, {@code tcp_ack+0x1a/0x30}, {@code ? dump_stack+0x194/0x257 [bnx2]}, for a
     * parser that read it in place and knows the line is exactly what {@link FrameLine} rebuilds from these
     * fields ({@code "? "} when unreliable, the function as given, offset and size in lower-case hex without
     * leading zeros, {@code " [module]"} when there is one): the frame {@link #of} gives for that line, with no
     * source and not inlined, stored without comparing the line again. {@code function} and {@code module}
     * are already the {@link Names#intern} copies; {@code offset} and {@code size} 0 to 2^32 - 1. The console
     * parser's tests hold the two ways in to each other over the corpus and generated logs.
     */
    public static Frame ofConsoleLine(int index, String function, long offset, long size, String module,
                                      boolean reliable, StackContext context, int line) {
        if (offset < 0 || offset > U32 || size < 0 || size > U32 || function == null) {
            throw new IllegalArgumentException("a rebuilt console frame line has a function, offset and size");
        }
        return new Frame(index, line, 0, (reliable ? RELIABLE : 0) | HAS_OFFSET | HAS_SIZE | RAW_REBUILT, 0, 0,
                (offset << 32) | size, 0, context == null ? 0 : (byte) (context.ordinal() + 1), function, module, null);
    }

    public int index() {
        return index;
    }

    public Integer level() {
        return (flags & HAS_LEVEL) != 0 ? Integer.valueOf(level) : null;
    }

    public String function() {
        return function;
    }

    public Long offset() {
        if ((flags & HAS_OFFSET) != 0) {
            return second >>> 32;
        }
        return extra instanceof Rare r ? r.wideOffset : null;
    }

    public Long size() {
        if ((flags & HAS_SIZE) != 0) {
            return second & U32;
        }
        return extra instanceof Rare r ? r.wideSize : null;
    }

    public String address() {
        if (addressDigits > 0) {
            return FrameLine.hex(address, addressDigits);
        }
        return extra instanceof Rare r ? r.addressText : null;
    }

    public String stackAddress() {
        if (stackDigits > 0) {
            return FrameLine.hex(second, stackDigits);
        }
        return extra instanceof Rare r ? r.stackAddressText : null;
    }

    /** The stack address as a number, or -1 when there is none or it is not 1..16 hex digits. */
    public long stackAddressValue() {
        return stackDigits > 0 ? second : -1;
    }

    public String module() {
        return module;
    }

    public boolean reliable() {
        return (flags & RELIABLE) != 0;
    }

    public StackContext context() {
        return context == 0 ? null : CONTEXTS[context - 1];
    }

    public String source() {
        if (extra instanceof String s) {
            return s;
        }
        return extra instanceof Rare r ? r.source : null;
    }

    public boolean inlined() {
        return (flags & INLINED) != 0;
    }

    public int line() {
        return line;
    }

    /** The input line, rebuilt from the fields when it was not kept (it is then the same text). */
    public String raw() {
        if ((flags & RAW_REBUILT) != 0) {
            return FrameLine.rebuild(flags, level, function, (int) (second >>> 32), (int) second, address,
                    addressDigits, second, stackDigits, module);
        }
        return extra instanceof Rare r ? r.raw : null;
    }

    /** Whether the input line is stored (not rebuilt from the fields): for tests. */
    boolean keepsRawLine() {
        return extra instanceof Rare r && r.raw != null;
    }

    public List<String> stackData() {
        return extra instanceof Rare r ? r.stackData : List.of();
    }

    /** GCC clone suffixes that do not change which function it is: {@code .isra.0}, {@code .constprop.3}, {@code .part.1}, {@code .cold}. */
    private static final Pattern CLONE_SUFFIX =
            Pattern.compile("(\\.(isra|constprop|part|cold|llvm|lto_priv)(\\.\\d+)?)+$");

    /** The function name compared across traces: clone suffixes removed. */
    public String normalizedName() {
        if (function == null) {
            return "";
        }
        // most names carry no clone suffix: skip the regex (a matcher per call) when there is no dot
        return function.indexOf('.') < 0 ? function : CLONE_SUFFIX.matcher(function).replaceAll("");
    }

    public Frame withIndex(int newIndex) {
        return new Frame(this, newIndex, context(), extra);
    }

    /**
     * This frame on another stack, with another source line and stack data: what a parser learns from
     * the lines after a frame (stack markers, {@code bt -l}, {@code bt -f}). Cheaper than the
     * constructor: nothing is parsed, printed or compared again.
     */
    public Frame with(StackContext newContext, String newSource, List<String> newStackData) {
        return withShared(newContext, Names.intern(newSource), newStackData);
    }

    /**
     * {@link #with} for a caller that shares its source lines itself (as a parser that cuts them through
     * its own cache does): {@code sharedSource} is stored as it is, without a lookup in the {@link Names}
     * pool for every frame that has a source line. An equal frame to {@link #with}'s.
     */
    public Frame withShared(StackContext newContext, String sharedSource, List<String> newStackData) {
        Object newExtra;
        if (extra == null && (newStackData == null || newStackData.isEmpty())) {
            // the common case (a bt -l line, no stack data, nothing rare): the source is the whole extra
            newExtra = sharedSource;
        } else {
            newExtra = extraWith(sharedSource, newStackData);
        }
        return new Frame(this, index, newContext, newExtra);
    }

    /** The side object of {@link #withShared} when the frame has stack data or something rare. */
    private Object extraWith(String src, List<String> newStackData) {
        List<String> data = newStackData == null || newStackData.isEmpty() ? List.of() : List.copyOf(newStackData);
        if (extra instanceof Rare r) {
            boolean onlySource = r.raw == null && r.addressText == null && r.stackAddressText == null
                    && r.wideOffset == null && r.wideSize == null && data.isEmpty();
            return onlySource ? src : new Rare(src, r.raw, data, r.addressText, r.stackAddressText,
                    r.wideOffset, r.wideSize);
        }
        return data.isEmpty() ? src : new Rare(src, null, data, null, null, null, null);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        // equal components give equal stored fields (the encoding depends on the components only),
        // so comparing what is stored is comparing the components
        return o instanceof Frame f
                && index == f.index && line == f.line && level == f.level
                && flags == f.flags && address == f.address && addressDigits == f.addressDigits
                && second == f.second && stackDigits == f.stackDigits && context == f.context
                && Objects.equals(function, f.function) && Objects.equals(module, f.module)
                && Objects.equals(extra, f.extra);
    }

    @Override
    public int hashCode() {
        int h = index;
        h = 31 * h + line;
        h = 31 * h + level;
        h = 31 * h + flags;
        h = 31 * h + Long.hashCode(address);
        h = 31 * h + addressDigits;
        h = 31 * h + Long.hashCode(second);
        h = 31 * h + stackDigits;
        h = 31 * h + context;
        h = 31 * h + Objects.hashCode(function);
        h = 31 * h + Objects.hashCode(module);
        return 31 * h + Objects.hashCode(extra);
    }

    @Override
    public String toString() {
        return "Frame[index=" + index + ", level=" + level() + ", function=" + function + ", offset=" + offset()
                + ", size=" + size() + ", address=" + address() + ", stackAddress=" + stackAddress()
                + ", module=" + module + ", reliable=" + reliable() + ", context=" + context()
                + ", source=" + source() + ", inlined=" + inlined() + ", line=" + line + ", raw=" + raw()
                + ", stackData=" + stackData() + "]";
    }
}
