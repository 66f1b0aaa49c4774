package dev.pktpath.diff;

import dev.pktpath.analysis.Journey;
import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Where two packet journeys part. Steps are compared oldest call first (the packet's own order):
 * a step matches when it has the same stage and its frames have the same normalised names. The
 * first step that does not match is where the journeys part.
 *
 * @param partStep index of the first differing step, or -1 when the journeys are the same
 * @param stageA   A's stage at that step, null when A's journey ended before it (or none differs)
 * @param stageB   B's stage at that step, likewise
 * @param after    the last stage both shared before parting, null when they part at the first step
 */
public record JourneyComparison(Journey a, Journey b, int partStep, String stageA, String stageB, String after) {

    public boolean same() {
        return partStep < 0;
    }

    /** Neither trace touches networking code. */
    public boolean bothEmpty() {
        return a.isEmpty() && b.isEmpty();
    }

    static JourneyComparison of(Trace ta, Journey a, Trace tb, Journey b, FrameKeys keys) {
        int n = Math.max(a.steps().size(), b.steps().size());
        for (int i = 0; i < n; i++) {
            JourneyStep sa = i < a.steps().size() ? a.steps().get(i) : null;
            JourneyStep sb = i < b.steps().size() ? b.steps().get(i) : null;
            if (sa == null || sb == null || !sa.stage().equals(sb.stage())
                    || !names(ta, sa, keys).equals(names(tb, sb, keys))) {
                String after = i == 0 ? null : a.steps().get(i - 1).stage();
                return new JourneyComparison(a, b, i, sa == null ? null : sa.stage(), sb == null ? null : sb.stage(), after);
            }
        }
        return new JourneyComparison(a, b, -1, null, null, null);
    }

    private static List<String> names(Trace t, JourneyStep s, FrameKeys keys) {
        List<String> out = new ArrayList<>(s.frames().size());
        for (int idx : s.frames()) {
            out.add(idx >= 0 && idx < t.frames().size() ? keys.name(t.frames().get(idx)) : "?");
        }
        return out;
    }
}
