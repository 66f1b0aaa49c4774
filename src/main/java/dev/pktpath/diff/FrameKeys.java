package dev.pktpath.diff;

import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns frames into the keys a diff compares, and keys into small ints for the LCS.
 * Normalised names are cached per function string: a {@code foreach bt} of 100,000 tasks repeats
 * the same few hundred names, and the clone-suffix regex need then run once per name.
 * Not thread-safe; one instance per diff or clustering run.
 */
final class FrameKeys {
    private final Map<String, String> normalized = new HashMap<>();
    private final Map<String, Integer> ids = new HashMap<>();
    /** Function name as printed to the id of its normalised name: one lookup a frame for clustering. */
    private final Map<String, Integer> nameIds = new HashMap<>();

    /** The normalised function name ({@code __handle_sysrq.cold.12} -> {@code __handle_sysrq}). */
    String name(Frame f) {
        if (f.function() == null) {
            return "";
        }
        String n = normalized.get(f.function());
        if (n == null) {
            n = f.normalizedName();
            normalized.put(f.function(), n);
        }
        return n;
    }

    /** The key of a frame under the options: the name, or name plus offset (else address). */
    String key(Frame f, DiffOptions options) {
        String n = name(f);
        if (!options.offsets()) {
            return n;
        }
        if (f.offset() != null) {
            return n + "+" + f.offset();
        }
        return f.address() != null ? n + "@" + f.address() : n;
    }

    /** Indexes of the frames compared under the options: every frame, or only reliable ones. */
    static int[] compared(Trace t, DiffOptions options) {
        int[] idx = new int[t.frames().size()];
        int n = 0;
        for (Frame f : t.frames()) {
            if (!options.reliableOnly() || f.reliable()) {
                idx[n++] = f.index();
            }
        }
        return n == idx.length ? idx : java.util.Arrays.copyOf(idx, n);
    }

    /** Keys of the compared frames (see {@link #compared}), in order. */
    List<String> keys(Trace t, DiffOptions options) {
        List<String> out = new ArrayList<>(t.frames().size());
        for (Frame f : t.frames()) {
            if (!options.reliableOnly() || f.reliable()) {
                out.add(key(f, options));
            }
        }
        return out;
    }

    /** {@code id(name(f))}, in one lookup once the function has been seen. */
    int nameId(Frame f) {
        String function = f.function();
        if (function == null) {
            return id("");
        }
        Integer id = nameIds.get(function);
        if (id == null) {
            id = id(name(f));
            nameIds.put(function, id);
        }
        return id;
    }

    int id(String key) {
        Integer id = ids.get(key);
        if (id == null) {
            id = ids.size();
            ids.put(key, id);
        }
        return id;
    }

    int[] ids(List<String> keys) {
        int[] out = new int[keys.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(keys.get(i));
        }
        return out;
    }
}
