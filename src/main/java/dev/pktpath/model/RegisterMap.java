package dev.pktpath.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The registers of a trace or an exception block: an unmodifiable map in print order, stored as shared
 * names and numbers. A crash exception block prints some 20 registers ({@code RAX: 0000000000000000})
 * and each was a map entry, a name string and a value string, about 130 bytes; here it is a shared
 * name and a number with its digit count (so {@code 0010} stays {@code 0010}), about 13. Values that
 * are not 1 to 16 lowercase hex digits are kept as text. Lookups by name scan the few entries, which
 * is as fast as hashing for a map this small.
 */
final class RegisterMap extends AbstractMap<String, String> {
    private final String[] names;
    private final long[] values;
    /** Hex digits of each value, or 0 when the value is in {@link #texts}. */
    private final byte[] digits;
    /** Values kept as text; null when all are numbers. */
    private final String[] texts;

    private RegisterMap(Map<String, String> registers) {
        int n = registers.size();
        names = new String[n];
        values = new long[n];
        digits = new byte[n];
        String[] t = null;
        int i = 0;
        for (Map.Entry<String, String> e : registers.entrySet()) {
            names[i] = Names.intern(e.getKey());
            String v = e.getValue();
            int d = FrameLine.hexDigits(v);
            if (d > 0) {
                // (Long.parseUnsignedLong asks Character.digit for each digit: 3% of a warm console parse)
                values[i] = FrameLine.hexValue(v);
                digits[i] = (byte) d;
            } else {
                if (t == null) {
                    t = new String[n];
                }
                t[i] = v;
            }
            i++;
        }
        texts = t;
    }

    /**
     * An unmodifiable copy in the same order. Most traces (every crash task without an exception
     * frame) have no registers and share one empty map; ours are returned as they are (they cannot
     * change), so a trace and its exception block share the block's registers.
     */
    static Map<String, String> copyOf(Map<String, String> registers) {
        // ours first, by type (never empty), and the two empty maps by identity: isEmpty() is then called on
        // the parsers' LinkedHashMaps only (a call site that met every kind of map, ours and the clusterer's
        // Map.of() too, was compiled for the kinds met first and deoptimised at each new one). The clusterer's
        // Map.of() still costs one recompilation of Trace's constructor per run: the parse threads, whose
        // profile it is compiled with, never pass one
        if (registers instanceof RegisterMap r) {
            return r;
        }
        if (registers == null || registers == EMPTY || registers == NO_REGISTERS || registers.isEmpty()) {
            return EMPTY;
        }
        return new RegisterMap(registers);
    }

    private static final Map<String, String> EMPTY = java.util.Collections.emptyMap();
    /** {@code Map.of()}: one shared instance. */
    private static final Map<String, String> NO_REGISTERS = Map.of();

    private String value(int i) {
        return digits[i] > 0 ? FrameLine.hex(values[i], digits[i]) : texts[i];
    }

    private int indexOf(Object name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null ? name == null : names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public String get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : value(i);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return names.length;
            }

            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], value(i));
                    }
                };
            }
        };
    }
}
