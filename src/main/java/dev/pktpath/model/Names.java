package dev.pktpath.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of each function and module name (and other strings that repeat across traces:
 * commands, source lines, crash titles; the crash parser shares {@code bt -l} source lines per parse
 * thread instead, since they are many and each first sighting here cost a lookup in this concurrent
 * map). A parser cuts each name out of its line, so a
 * dump of millions of frames held millions of copies of the same few thousand names; sharing them
 * saves memory and lets every later hash lookup by name reuse the cached hash code. Bounded, so a
 * dump of random names (fuzzing, a corrupt file) cannot grow it without end: past the bound, names
 * are simply not shared.
 */
public final class Names {
    private static final int MAX = 200_000;
    private static final Map<String, String> POOL = new ConcurrentHashMap<>();

    private Names() {
    }

    /** The shared copy of {@code name} (null for null). */
    public static String intern(String name) {
        if (name == null) {
            return null;
        }
        String shared = POOL.get(name);
        if (shared != null) {
            return shared;
        }
        if (POOL.size() >= MAX) {
            return name;
        }
        shared = POOL.putIfAbsent(name, name);
        return shared != null ? shared : name;
    }
}
