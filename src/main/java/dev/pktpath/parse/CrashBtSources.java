package dev.pktpath.parse;

/**
 * A parse thread's shared copies of {@code bt -l} source lines ({@code file:line}), found by the file
 * and the line number as a number rather than by the line's characters. A 200 MB generated foreach bt
 * prints 206,000 source lines of 60,000 distinct call sites in a few files: looked up by their
 * characters ({@link NameCache#sources}), each line was hashed, then compared with a string somewhere
 * in a table of 60,000 (a cache miss on the string and another on its characters), 15% of a warm
 * parse. Here the file part is hashed while it is checked, looked up among the few files (a small
 * table that stays in the cache), and the line is one {@code long} key: file and line number.
 *
 * <p>Only a line number of 1 to 9 digits without a leading zero is a key (so number and digits are one
 * to one); any other line, and any line once the tables are full, goes through
 * {@link NameCache#sources} as before. Not synchronised: one per thread ({@link #local}).
 */
final class CrashBtSources {
    /** Files: a fixed table (a slot is a file's id), at most half full. */
    private static final int FILE_SLOTS = 1 << 12;
    /** File and line pairs: as many as {@link NameCache}'s source lines. */
    private static final int MAX_LINE_SLOTS = 1 << 18;
    private static final ThreadLocal<CrashBtSources> LOCAL = ThreadLocal.withInitial(CrashBtSources::new);

    static CrashBtSources local() {
        return LOCAL.get();
    }

    private final String[] files = new String[FILE_SLOTS];
    private final int[] fileHashes = new int[FILE_SLOTS];
    private int fileCount;

    /**
     * Per file (by id), its lines by number while the number is below {@link #DIRECT_LINES}: one load,
     * in an array that stays small, instead of a probe in {@link #keys} (a cache miss each: 60,000
     * keys). At most {@link #MAX_DIRECT} slots in all; beyond, lines go to {@link #keys}.
     */
    private final String[][] byLine = new String[FILE_SLOTS][];
    private static final int DIRECT_LINES = 1 << 16;
    private static final int MAX_DIRECT = 1 << 20;
    private int directSlots;

    private long[] keys = new long[1 << 10];
    private String[] lines = new String[1 << 10];
    private int lineCount;

    /**
     * The shared {@code file:line} of a source line {@code text[from, to)}: the file is
     * {@code text[from, colon)} with hash {@code fileHash} ({@link String#hashCode} of it), the colon at
     * {@code colon}, blanks, then the line number {@code text[digits, to)}: what
     * {@code NameCache.sources().name(text, from, colon + 1, digits, to)} gives, equal text.
     */
    String source(String text, int from, int colon, int fileHash, int digits, int to) {
        int n = to - digits;
        if (n > 9 || (n > 1 && text.charAt(digits) == '0')) {
            return NameCache.sources().name(text, from, colon + 1, digits, to);
        }
        int file = file(text, from, colon, fileHash);
        if (file < 0) {
            return NameCache.sources().name(text, from, colon + 1, digits, to);
        }
        int number = number(text, digits, to);
        String[] direct = number < DIRECT_LINES ? direct(file, number) : null;
        if (direct != null) {
            String s = direct[number];
            if (s == null) {
                s = colon + 1 == digits ? text.substring(from, to)
                        : text.substring(from, colon + 1).concat(text.substring(digits, to));
                direct[number] = s;
            }
            return s;
        }
        long key = (long) file << 32 | number;
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        String s;
        while ((s = lines[i]) != null) {
            if (keys[i] == key) {
                return s;
            }
            i = (i + 1) & mask;
        }
        return add(i, key, colon + 1 == digits ? text.substring(from, to)
                : text.substring(from, colon + 1).concat(text.substring(digits, to)));
    }

    /** File {@code file}'s lines by number, grown to hold {@code number}; null when there is no room. */
    private String[] direct(int file, int number) {
        String[] a = byLine[file];
        if (a != null && number < a.length) {
            return a;
        }
        int n = Math.max(256, Integer.highestOneBit(number) * 2);
        int old = a == null ? 0 : a.length;
        if (directSlots + n - old > MAX_DIRECT) {
            return null;
        }
        directSlots += n - old;
        a = a == null ? new String[n] : java.util.Arrays.copyOf(a, n);
        byLine[file] = a;
        return a;
    }

    /** The id of the file {@code text[from, to)} (its slot), or -1 when the table is full. */
    private int file(String text, int from, int to, int h) {
        int len = to - from;
        int i = mix(h) & (FILE_SLOTS - 1);
        String s;
        while ((s = files[i]) != null) {
            if (fileHashes[i] == h && s.length() == len && text.regionMatches(from, s, 0, len)) {
                return i;
            }
            i = (i + 1) & (FILE_SLOTS - 1);
        }
        if (fileCount >= FILE_SLOTS / 2) {
            return -1;
        }
        files[i] = text.substring(from, to);
        fileHashes[i] = h;
        fileCount++;
        return i;
    }

    /** The decimal {@code text[from, to)}, 1 to 9 digits. */
    private static int number(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (text.charAt(i) - '0');
        }
        return v;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Keeps {@code line} in the free slot {@code i} while there is room. */
    private String add(int i, long key, String line) {
        if (lineCount >= keys.length / 2) {
            if (keys.length >= MAX_LINE_SLOTS) {
                return line;
            }
            grow();
            int mask = keys.length - 1;
            i = mix(key) & mask;
            while (lines[i] != null) {
                i = (i + 1) & mask;
            }
        }
        keys[i] = key;
        lines[i] = line;
        lineCount++;
        return line;
    }

    private void grow() {
        long[] oldKeys = keys;
        String[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new String[keys.length];
        int mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldLines[k] != null) {
                int j = mix(oldKeys[k]) & mask;
                while (lines[j] != null) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[k];
                lines[j] = oldLines[k];
            }
        }
    }
}
