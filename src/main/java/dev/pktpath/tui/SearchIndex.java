package dev.pktpath.tui;

import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Frame;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The frames of one trace whose function matches one search, found once (in the background for a
 * long trace) so that {@code n} and {@code N} are a binary search instead of a scan of a million frames.
 */
final class SearchIndex {
    final TraceAnalysis analysis;
    final String regex;
    /** Matching frame indexes, ascending (the frames pane's order). */
    private final int[] matches;

    private SearchIndex(TraceAnalysis analysis, String regex, int[] matches) {
        this.analysis = analysis;
        this.regex = regex;
        this.matches = matches;
    }

    /**
     * Tries the pattern once per distinct function name: a deep trace repeats a few names (runaway
     * recursion), and a name is a shared string, so most frames cost a map look-up.
     */
    static SearchIndex build(TraceAnalysis a, String regex, Pattern p, Background.Progress progress) {
        List<Frame> frames = a.trace().frames();
        int n = frames.size();
        int[] out = new int[16];
        int count = 0;
        Map<String, Boolean> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (progress != null) {
                progress.tick(i, n);
            }
            String fn = frames.get(i).function();
            if (fn == null) {
                continue;
            }
            Boolean hit = seen.get(fn);
            if (hit == null) {
                hit = p.matcher(fn).find();
                if (seen.size() < 100_000) {
                    seen.put(fn, hit);
                }
            }
            if (hit) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = i;
            }
        }
        return new SearchIndex(a, regex, Arrays.copyOf(out, count));
    }

    boolean isEmpty() {
        return matches.length == 0;
    }

    boolean isFor(TraceAnalysis a, String re) {
        return analysis == a && regex.equals(re);
    }

    /** A match found from the selected frame: the frame, and whether the search went round the end. */
    record Hit(int frame, boolean wrapped) {
    }

    /**
     * The next shown match after frame {@code cur} (at or after it with {@code includeCurrent}), going
     * round the end as {@code n} does; backwards for {@code N}. Null when no match is shown.
     */
    Hit next(FrameRows rows, int cur, boolean forward, boolean includeCurrent) {
        int n = matches.length;
        if (n == 0) {
            return null;
        }
        // first index whose match is > cur (forward) or the last < cur (backward)
        int at = Arrays.binarySearch(matches, cur);
        if (forward) {
            int start = at >= 0 ? (includeCurrent ? at : at + 1) : -at - 1;
            for (int k = 0; k < n; k++) {
                int i = start + k;
                boolean wrapped = i >= n;
                int f = matches[i % n];
                if (rows.positionOf(f) >= 0) {
                    return new Hit(f, wrapped || (f == cur && !includeCurrent));
                }
            }
        } else {
            int start = at >= 0 ? (includeCurrent ? at : at - 1) : -at - 2;
            for (int k = 0; k < n; k++) {
                int i = start - k;
                boolean wrapped = i < 0;
                int f = matches[Math.floorMod(i, n)];
                if (rows.positionOf(f) >= 0) {
                    return new Hit(f, wrapped || (f == cur && !includeCurrent));
                }
            }
        }
        return null;
    }
}
