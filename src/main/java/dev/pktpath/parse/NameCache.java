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
    private static final int SLOTS = 1 << 14;
    /** At most this many names, so a slot is always free to end a probe. */
    private static final int MAX = SLOTS / 2;
    private static final ThreadLocal<NameCache> LOCAL = ThreadLocal.withInitial(() -> new NameCache(new CrashBtArch.Hints()));

    /** This thread's cache of function and module names. */
    static NameCache local() {
        return LOCAL.get();
    }

    private final String[] names = new String[SLOTS];
    private final int[] hashes = new int[SLOTS];
    private final Arch[] hints = new Arch[SLOTS];
    private final CrashBtArch.Hints hinter;
    private int count;
    /** The slot of the last {@link #name} call, or -1 when the name was not kept. */
    private int last = -1;

    NameCache(CrashBtArch.Hints hinter) {
        this.hinter = hinter;
    }

    /** The shared copy of {@code text[from, to)}, as {@code Names.intern(text.substring(from, to))} gives it. */
    String name(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        int len = to - from;
        int mask = SLOTS - 1;
        int i = (h ^ (h >>> 16)) & mask;
        String s;
        while ((s = names[i]) != null) {
            if (hashes[i] == h && s.length() == len && text.regionMatches(from, s, 0, len)) {
                last = i;
                return s;
            }
            i = (i + 1) & mask;
        }
        String name = Names.intern(text.substring(from, to));
        if (count >= MAX) {
            last = -1;
            return name;
        }
        names[i] = name;
        hashes[i] = h;
        count++;
        last = i;
        return name;
    }

    /** The architecture hint of the name the last {@link #name} call gave ({@code hinter.of(name)}). */
    Arch lastHint(String name) {
        if (last < 0) {
            return hinter.of(name);
        }
        Arch a = hints[last];
        if (a == null) {
            a = hinter.of(name);
            hints[last] = a;
        }
        return a;
    }
}
