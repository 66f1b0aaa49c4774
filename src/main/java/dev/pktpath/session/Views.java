package dev.pktpath.session;

import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.diff.DiffOptions;
import dev.pktpath.diff.DiffSide;
import dev.pktpath.diff.TraceDiff;
import dev.pktpath.render.DiffRenderer;
import dev.pktpath.render.Json;
import dev.pktpath.render.JourneyJson;
import dev.pktpath.render.JourneyRenderer;
import dev.pktpath.render.TextStyle;

/** The journey and diff answers, drawn by the same renderers as {@code pktpath-tui journey} and {@code diff}. */
final class Views {
    private Views() {
    }

    static String journey(Session s, TraceAnalysis a, int traceCount, boolean json) {
        StringBuilder b = new StringBuilder();
        if (json) {
            new JourneyJson().trace(new Json(b), a);
            return b.append('\n').toString();
        }
        new JourneyRenderer(s.width(), s.ascii()).renderTrace(b, a, traceCount);
        return b.toString();
    }

    /** @return the diff's text, and whether the stacks are the same */
    static TraceDiff diff(TraceRef a, TraceRef b, DiffOptions options) {
        return TraceDiff.compare(side(a), side(b), options);
    }

    static String diffText(Session s, TraceDiff d, boolean json) {
        if (json) {
            return new DiffRenderer().json(d);
        }
        return new DiffRenderer().text(d, new TextStyle(s.color(), s.ascii(), s.width()), DiffRenderer.DEFAULT_CONTEXT);
    }

    private static DiffSide side(TraceRef r) {
        TraceAnalysis t = r.dump().traces().get(r.traceIndex());
        return new DiffSide(r.dump().dump().source(), r.id(), t);
    }
}
