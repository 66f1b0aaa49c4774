package dev.pktpath.parse;

import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frames of the trace a crash parser has open, held as fields until the trace ends, so each frame is
 * built once with everything the lines after it told: the stack a later marker sets
 * ({@code --- <IRQ stack> ---} names the stack of every frame since the previous marker), its
 * {@code bt -l} source line and its {@code bt -f} stack words. Built as each frame line came, then
 * copied with those (as before), 600,000 of the 2.1 million frames of a 200 MB generated foreach bt
 * were built twice.
 *
 * <p>The usual frame line ({@link FrameScanner}'s {@code usual}: the frame stores no raw line) is kept as
 * its fields in parallel arrays; any other frame is built at once as before and kept whole, then copied
 * with what came after it when the trace ends ({@link Frame#withShared}), as the general path does. One
 * table per parser, reused by each trace it reads ({@link #freeze} empties it): a parser has at most one
 * trace open.
 */
final class CrashBtFrames {
    private static final StackContext[] CONTEXTS = StackContext.values();

    private int size;
    /** The frame built at once (any but the usual line), else null: its fields are in the arrays below. */
    private Frame[] made = new Frame[16];
    private int[] levels = new int[16];
    private int[] lines = new int[16];
    private long[] addresses = new long[16];
    private long[] stackAddresses = new long[16];
    /** Address digits (low byte) and stack address digits (next byte). */
    private short[] digits = new short[16];
    private String[] functions = new String[16];
    private String[] modules = new String[16];
    /** What later lines told: {@link StackContext} ordinal + 1 (0: none), the shared source, the stack words. */
    private byte[] contexts = new byte[16];
    private String[] sources = new String[16];
    private Object[] data = new Object[16];
    /**
     * The stack data lines of frame {@link #wordsOf} (the last frame, the only one a {@code bt -f} line
     * can add to) end to end, and where each ends: they become one {@link CrashBtStackWords} when the
     * next frame gets some or the trace ends, instead of a string per line.
     */
    private final StringBuilder words = new StringBuilder(1024);
    private int[] wordEnds = new int[16];
    private int wordCount;
    private int wordsOf = -1;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds the usual frame line (as {@link Frame#ofCrashLine} takes it with {@code rawRebuilt}). */
    void addUsual(int level, String function, long address, int addressDigits, long stackAddress, int stackDigits,
                  String module, int line) {
        int i = slot();
        levels[i] = level;
        lines[i] = line;
        addresses[i] = address;
        stackAddresses[i] = stackAddress;
        digits[i] = (short) (addressDigits | stackDigits << 8);
        functions[i] = function;
        modules[i] = module;
    }

    /** Adds a frame built whole. */
    void add(Frame f) {
        int i = slot();
        made[i] = f;
    }

    /** A new last slot, nothing told about it yet. */
    private int slot() {
        if (size == made.length) {
            grow();
        }
        int i = size++;
        made[i] = null;
        contexts[i] = 0;
        sources[i] = null;
        data[i] = null;
        return i;
    }

    private void grow() {
        int n = made.length * 2;
        made = Arrays.copyOf(made, n);
        levels = Arrays.copyOf(levels, n);
        lines = Arrays.copyOf(lines, n);
        addresses = Arrays.copyOf(addresses, n);
        stackAddresses = Arrays.copyOf(stackAddresses, n);
        digits = Arrays.copyOf(digits, n);
        functions = Arrays.copyOf(functions, n);
        modules = Arrays.copyOf(modules, n);
        contexts = Arrays.copyOf(contexts, n);
        sources = Arrays.copyOf(sources, n);
        data = Arrays.copyOf(data, n);
    }

    /** Frame {@code i}'s {@link Frame#levelOrNone}. */
    int levelOrNone(int i) {
        Frame f = made[i];
        return f != null ? f.levelOrNone() : levels[i] >= 0 ? levels[i] : Frame.NONE;
    }

    /** Frame {@code i}'s input line. */
    int line(int i) {
        Frame f = made[i];
        return f != null ? f.line() : lines[i];
    }

    /** Whether frame {@code i} has a source line, its own or told by a later line. */
    boolean hasSource(int i) {
        Frame f = made[i];
        return sources[i] != null || (f != null && f.source() != null);
    }

    /** Frame {@code i} as built so far (without what later lines told): built whole now if it was not. */
    Frame frame(int i) {
        Frame f = made[i];
        if (f == null) {
            f = build(i, null, null, null);
            made[i] = f;
        }
        return f;
    }

    /** Replaces frame {@code i} (its input line read again with a wrapped tail, say). */
    void set(int i, Frame f) {
        made[i] = f;
    }

    /** Frames {@code from} to the last ran on the stack {@code context}. */
    void context(int from, StackContext context) {
        byte c = (byte) (context.ordinal() + 1);
        for (int i = from; i < size; i++) {
            contexts[i] = c;
        }
    }

    /** The last frame's source line, already shared. */
    void source(String source) {
        sources[size - 1] = source;
    }

    /** A stack data line of the last frame: {@code text[from, to)}. */
    void stackData(String text, int from, int to) {
        int i = size - 1;
        if (wordsOf != i) {
            flushWords();
            wordsOf = i;
        }
        if (wordCount == wordEnds.length) {
            wordEnds = Arrays.copyOf(wordEnds, wordCount * 2);
        }
        words.append(text, from, to);
        wordEnds[wordCount++] = words.length();
    }

    /** The stack data lines gathered for frame {@link #wordsOf}, as its list. */
    private void flushWords() {
        if (wordsOf >= 0) {
            data[wordsOf] = new CrashBtStackWords(words.toString(), Arrays.copyOf(wordEnds, wordCount));
            words.setLength(0);
            wordCount = 0;
            wordsOf = -1;
        }
    }

    /** The frames, each built once with what later lines told; the table is empty after. */
    @SuppressWarnings("unchecked")
    List<Frame> freeze() {
        flushWords();
        List<Frame> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            StackContext context = contexts[i] == 0 ? null : CONTEXTS[contexts[i] - 1];
            Frame f = made[i];
            List<String> d = (List<String>) data[i];
            if (f == null) {
                out.add(build(i, context, sources[i], d));
            } else if (context == null && sources[i] == null && d == null) {
                out.add(f);
            } else {
                out.add(f.withShared(context == null ? f.context() : context,
                        sources[i] == null ? f.source() : sources[i], d == null ? f.stackData() : d));
            }
        }
        Arrays.fill(made, 0, size, null);
        Arrays.fill(data, 0, size, null);
        size = 0;
        return out;
    }

    /** The usual frame {@code i}, on {@code context} (the task's stack when null), with that source and stack data. */
    private Frame build(int i, StackContext context, String source, List<String> stackData) {
        int d = digits[i];
        return Frame.ofCompleteCrashLine(i, levels[i], functions[i], addresses[i], d & 0xFF, stackAddresses[i],
                d >>> 8, modules[i], lines[i], context == null ? StackContext.TASK : context, source, stackData);
    }
}
