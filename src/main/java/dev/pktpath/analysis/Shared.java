package dev.pktpath.analysis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each equal analysis result across the traces of a dump. A {@code foreach bt} of
 * 190,000 tasks is mostly the same few hundred stacks (every idle CPU, every sleeping worker), and
 * their classes, journeys and names are equal values: keeping one of each cut what the analyses keep
 * from about 32 to a few bytes per frame. The results are immutable records compared by value, so
 * sharing them changes nothing a caller can see. Bounded: past {@link #MAX} distinct values (a dump
 * of all-different stacks) further values are simply not shared.
 */
final class Shared<T> {
    static final int MAX = 50_000;

    static final Shared<List<FrameClass>> CLASSES = new Shared<>();
    static final Shared<Journey> JOURNEYS = new Shared<>();
    static final Shared<Naming> NAMINGS = new Shared<>();

    private final Map<T, T> pool = new ConcurrentHashMap<>();

    private Shared() {
    }

    T of(T value) {
        if (value == null) {
            return null;
        }
        T shared = pool.get(value);
        if (shared != null) {
            return shared;
        }
        if (pool.size() >= MAX) {
            return value;
        }
        shared = pool.putIfAbsent(value, value);
        return shared != null ? shared : value;
    }
}
