package dev.pktpath.parse;

import dev.pktpath.model.Arch;
import dev.pktpath.model.Names;

/**
 * The names a parse thread has met, looked up by their characters in the line, so a name seen before
 * costs neither a substring nor a lookup in the shared {@link Names} pool (a concurrent map both parse
 * threads hit millions of times). Each name is remembered with the architecture its function name hints
 * at ({@link CrashBtArch.Hints}), asked once (the hint depends on the name alone). Not synchronised: one
 * per thread ({@link #local}), asked for on the thread that reads the line, since a parser may be
 * continued on another thread than the one that started it. Bounded: once full, names are interned as
 * before, one lookup each.
 */
final class NameCache {
    /** Function, module and command names: a few thousand in the biggest dump. */
    private static final int NAME_SLOTS = 1 << 14;
    /**
     * {@code bt -l} source lines ({@code file:line}): one per distinct call site, so many more than
     * names (60,000 in a 200 MB generated foreach bt), and kept apart so that they cannot fill the
     * names' cache and send every later function name back to the shared pool. A source line is
     * shared within its parse thread only, not through the {@link Names} pool: each first sighting
     * was a lookup in that concurrent map (the parse threads' biggest single cost in a fresh JVM on
     * that file), and the price is at most one copy per parse thread of a line seen by both.
     */
    private static final int SOURCE_SLOTS = 1 << 18;
    /** Where a cache starts: it doubles as it fills, so a small dump does not pay for a big table. */
    private static final int FIRST_SLOTS = 1 << 10;
    private static final ThreadLocal<NameCache> LOCAL =
            ThreadLocal.withInitial(() -> new NameCache(new CrashBtArch.Hints(), NAME_SLOTS, true));
    private static final ThreadLocal<NameCache> SOURCES =
            ThreadLocal.withInitial(() -> new NameCache(null, SOURCE_SLOTS, false));

    /** This thread's cache of function, module and command names. */
    static NameCache local() {
        return LOCAL.get();
    }

    /**
     * This thread's cache of {@code bt -l} source lines (shared within the thread only, see
     * {@link #SOURCE_SLOTS}): for the lines {@link CrashBtSources} does not key by file and number (a line
     * number with a leading zero or of ten digits, or past its tables) and those read out of place.
     */
    static NameCache sources() {
        return SOURCES.get();
    }

    private String[] names;
    private int[] hashes;
    /** The hint of each name, made when first asked for (a cache of source lines asks none). */
    private Arch[] hints;
    private final CrashBtArch.Hints hinter;
    private int mask;
    /** The most slots the cache grows to; it holds at most half as many names, so a probe always ends. */
    private final int maxSlots;
    /** Whether a name met for the first time is the {@link Names} pool's copy (else the cut itself). */
    private final boolean pooled;
    private int count;
    /** The slot of the last {@link #name} call, or -1 when the name was not kept. */
    private int last = -1;

    NameCache(CrashBtArch.Hints hinter) {
        this(hinter, NAME_SLOTS, true);
    }

    private NameCache(CrashBtArch.Hints hinter, int maxSlots, boolean pooled) {
        this.hinter = hinter;
        this.maxSlots = maxSlots;
        this.pooled = pooled;
        this.names = new String[FIRST_SLOTS];
        this.hashes = new int[FIRST_SLOTS];
        this.mask = FIRST_SLOTS - 1;
    }

    /**
     * The shared copy of {@code text[from, to)}: as {@code Names.intern(text.substring(from, to))} gives
     * it for the names' cache, the first cut of it on this thread for the source lines' cache.
     */
    String name(String text, int from, int to) {
        return name(text, from, to, hash(0, text, from, to));
    }

    /** {@link #name(String, int, int)} when the caller has {@code h}, {@link String#hashCode} of the name, already. */
    String name(String text, int from, int to, int h) {
        int len = to - from;
        int i = (h ^ (h >>> 16)) & mask;
        String s;
        while ((s = names[i]) != null) {
            if (hashes[i] == h && s.length() == len && text.regionMatches(from, s, 0, len)) {
                last = i;
                return s;
            }
            i = (i + 1) & mask;
        }
        // the first sighting: kept apart so the lookup above stays small for the JIT
        return add(i, h, text.substring(from, to));
    }

    /**
     * The shared copy of {@code text[from, mid) + text[resume, to)}: a {@code bt -l} source line's
     * {@code file:} and line number without the blanks between them, cut without a string per line.
     */
    String name(String text, int from, int mid, int resume, int to) {
        int h = hash(hash(0, text, from, mid), text, resume, to);
        int first = mid - from;
        int len = first + to - resume;
        int i = (h ^ (h >>> 16)) & mask;
        String s;
        while ((s = names[i]) != null) {
            if (hashes[i] == h && s.length() == len && text.regionMatches(from, s, 0, first)
                    && text.regionMatches(resume, s, first, len - first)) {
                last = i;
                return s;
            }
            i = (i + 1) & mask;
        }
        return add(i, h, mid == resume ? text.substring(from, to) : text.substring(from, mid).concat(text.substring(resume, to)));
    }

    /** {@link String#hashCode}'s sum continued over {@code text[from, to)}. */
    private static int hash(int h, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    /** Keeps {@code cut}'s shared copy in the free slot {@code i} (hash {@code h}) while there is room. */
    private String add(int i, int h, String cut) {
        String name = pooled ? Names.intern(cut) : cut;
        if (count >= names.length / 2) {
            if (names.length >= maxSlots) {
                last = -1;
                return name;
            }
            grow();
            i = free(h);
        }
        names[i] = name;
        hashes[i] = h;
        count++;
        last = i;
        return name;
    }

    /** Twice the slots, every name (and its hint) moved to its slot in the new table. */
    private void grow() {
        String[] oldNames = names;
        int[] oldHashes = hashes;
        Arch[] oldHints = hints;
        names = new String[oldNames.length * 2];
        hashes = new int[names.length];
        hints = oldHints == null ? null : new Arch[names.length];
        mask = names.length - 1;
        for (int k = 0; k < oldNames.length; k++) {
            if (oldNames[k] != null) {
                int j = free(oldHashes[k]);
                names[j] = oldNames[k];
                hashes[j] = oldHashes[k];
                if (hints != null) {
                    hints[j] = oldHints[k];
                }
            }
        }
    }

    /** The first free slot of the probe for hash {@code h}. */
    private int free(int h) {
        int i = (h ^ (h >>> 16)) & mask;
        while (names[i] != null) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** The architecture hint of the name the last {@link #name} call gave ({@code hinter.of(name)}). */
    Arch lastHint(String name) {
        if (last < 0) {
            return hinter.of(name);
        }
        if (hints == null) {
            hints = new Arch[names.length];
        }
        Arch a = hints[last];
        if (a == null) {
            a = hinter.of(name);
            hints[last] = a;
        }
        return a;
    }
}
