package dev.pktpath.render;

import dev.pktpath.analysis.Journey;
import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.analysis.TraceAnalysis;

import java.util.List;

/**
 * The JSON of {@code pktpath-tui journey --json}:
 * <pre>
 * {"schema":"pktpath-tui/1","source":"dump.txt","traces":[
 *   {"id":1,"title":"BUG: ... in skb_clone","crashSite":{"function":"skb_clone","offset":208,"size":null},
 *    "turnaround":{"from":20,"to":19},
 *    "journey":[{"stage":"driver-rx","direction":"rx","frames":[33,32],
 *                "functions":["bnx2_poll","bnx2_poll_work"]}, ...]}]}
 * </pre>
 * Each journey step carries the contract's fields ({@code stage}, {@code direction}, {@code frames}:
 * frame indexes in call order) plus {@code functions}, the frames' function names in the same order.
 * {@code turnaround} holds the frame indexes of the last receive-side and the first transmit-side
 * frame, or is null. The crash step of a crash-bt trace has an empty {@code frames} list: the
 * faulting function of {@code [exception RIP: ...]} is not a frame; {@code crashSite} names it.
 */
public final class JourneyJson {
    public String render(String source, List<TraceAnalysis> traces) {
        StringBuilder sb = new StringBuilder(2048);
        JsonDocument doc = new JsonDocument(sb, source);
        for (TraceAnalysis a : traces) {
            doc.add(trace(a));
        }
        doc.end();
        return sb.toString();
    }

    /** One trace object on its own, for {@link JsonDocument#add} (a dump printed as it is read). */
    public String trace(TraceAnalysis a) {
        return JsonDocument.object(j -> trace(j, a));
    }

    public void trace(Json j, TraceAnalysis a) {
        j.beginObject().field("id", a.trace().id()).field("title", a.naming().title());
        JsonRenderer.crashSite(j, a.naming().crashSite());
        Journey journey = a.journey();
        j.name("turnaround");
        if (journey.turnaroundFrom() == null) {
            j.value((String) null);
        } else {
            j.beginObject().field("from", journey.turnaroundFrom()).field("to", journey.turnaroundTo()).endObject();
        }
        j.name("journey").beginArray();
        for (JourneyStep s : journey.steps()) {
            j.beginObject().field("stage", s.stage()).field("direction", s.direction());
            j.name("frames").beginArray();
            s.frames().forEach(j::value);
            j.endArray();
            j.name("functions").beginArray();
            for (int i : s.frames()) {
                j.value(a.trace().frames().get(i).function());
            }
            j.endArray().endObject();
        }
        j.endArray().endObject();
    }
}
