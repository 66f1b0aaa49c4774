package dev.pktpath.render;

import dev.pktpath.analysis.FrameClass;
import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Location;
import dev.pktpath.model.Trace;

import java.util.List;
import java.util.Map;

/** The {@code pktpath-tui/1} JSON document of {@code print --json}, field for field as the contract says. */
public final class JsonRenderer {
    public static final String SCHEMA = "pktpath-tui/1";

    public String render(String source, List<TraceAnalysis> traces) {
        // the trace objects first, then one builder of about the document's size: grown by doubling,
        // the builder of a million-frame trace (460 MB of JSON) held the object, its old array and a
        // new one twice as big at once, and a 2 GB heap ran out (LargeInputTest)
        List<String> objects = new java.util.ArrayList<>(traces.size());
        long length = 64 + 6L * source.length();
        for (TraceAnalysis t : traces) {
            String o = trace(t);
            objects.add(o);
            length += o.length() + 1;
        }
        StringBuilder sb = new StringBuilder((int) Math.min(length, Integer.MAX_VALUE - 64));
        JsonDocument doc = new JsonDocument(sb, source);
        for (int i = 0; i < objects.size(); i++) {
            doc.add(objects.get(i));
            objects.set(i, null);
        }
        doc.end();
        return sb.toString();
    }

    /** One trace object on its own, for {@link JsonDocument#add} (a dump printed as it is read). */
    public String trace(TraceAnalysis a) {
        return JsonDocument.object(j -> trace(j, a));
    }

    /** One trace object, also used by the REPL's {@code json} command and by diff. */
    public void trace(Json j, TraceAnalysis a) {
        Trace t = a.trace();
        j.beginObject();
        j.field("id", t.id()).field("format", t.format().id()).field("arch", t.arch().id());
        j.name("task").beginObject()
                .field("pid", t.task().pid()).field("task", t.task().task())
                .field("cpu", t.task().cpu()).field("command", t.task().command())
                .endObject();
        j.field("kind", a.naming().kind()).field("title", a.naming().title()).field("guilty", a.naming().guilty());
        crashSite(j, a.naming().crashSite());
        j.name("frames").beginArray();
        for (Frame f : t.frames()) {
            FrameClass c = a.classOf(f.index());
            // the same fields as name(..).value(..) would write, with the schema's text written whole
            // (millions of frame objects in a big dump; JsonFastPathTest holds the two equal)
            j.element().raw("{\"index\":").number(f.index())
                    .raw(",\"level\":").number(f.level())
                    .raw(",\"function\":").string(f.function())
                    .raw(",\"offset\":").number(f.offset())
                    .raw(",\"size\":").number(f.size())
                    .raw(",\"address\":").string(f.address())
                    .raw(",\"stackAddress\":").string(f.stackAddress())
                    .raw(",\"module\":").string(f.module())
                    .raw(",\"reliable\":").bool(f.reliable())
                    .raw(",\"context\":").string(f.context().id())
                    .raw(",\"source\":").string(f.source())
                    .raw(",\"inlined\":").bool(f.inlined())
                    .raw(",\"subsystem\":").string(c.subsystem())
                    .raw(",\"stage\":").string(c.stage())
                    .raw("}");
        }
        j.endArray();
        j.name("exceptions").beginArray();
        for (ExceptionFrame e : t.exceptions()) {
            j.beginObject().field("afterFrame", e.afterFrame()).field("kind", e.kind())
                    .field("function", e.function()).field("offset", e.offset());
            registers(j.name("registers"), e.registers());
            j.endObject();
        }
        j.endArray();
        registers(j.name("registers"), t.registers());
        j.name("journey").beginArray();
        for (JourneyStep s : a.journey().steps()) {
            j.beginObject().field("stage", s.stage()).field("direction", s.direction());
            j.name("frames").beginArray();
            s.frames().forEach(j::value);
            j.endArray().endObject();
        }
        j.endArray();
        j.name("diagnostics").beginArray();
        for (Diagnostic d : t.diagnostics()) {
            j.beginObject().field("line", d.line()).field("message", d.message()).field("text", d.text()).endObject();
        }
        j.endArray();
        j.endObject();
    }

    private static void registers(Json j, Map<String, String> regs) {
        j.beginObject();
        regs.forEach(j::field);
        j.endObject();
    }

    /** The {@code crashSite} field: function, offset and size, or null; as both print --json and journey --json write it. */
    static void crashSite(Json j, Location site) {
        j.name("crashSite");
        if (site == null) {
            j.value((String) null);
        } else {
            j.beginObject().field("function", site.function()).field("offset", site.offset())
                    .field("size", site.size()).endObject();
        }
    }
}
