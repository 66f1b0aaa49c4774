package dev.pktpath.render;

import dev.pktpath.diff.Cluster;
import dev.pktpath.diff.Clustering;
import dev.pktpath.diff.EditKind;
import dev.pktpath.diff.EditOp;
import dev.pktpath.diff.Members;
import dev.pktpath.diff.Variant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * {@code pktpath-tui cluster}: the buckets of a multi-task dump, biggest first, as text and JSON.
 *
 * <pre>
 * bucket 1: 312 traces, 2 variants, similarity &gt;= 0.91
 *   traces    1-40 45 47-300 (+12 more)
 *   commands  nginx (300), sshd (12)
 *   CPUs      0-3
 *        #0  __schedule
 *   ~    #2  schedule_hrtimeout_range               12 differ
 *   variant 2: 12 traces, 0.91: at #2 -schedule_hrtimeout_range +schedule_timeout
 * </pre>
 * Long variant lines wrap rather than lose the names that tell the variants apart.
 * {@code ~} marks a representative frame where some members' stacks differ; the variant lines say how.
 */
public final class ClusterRenderer {
    /** Variant lines shown per bucket before the rest are counted. */
    public static final int MAX_VARIANT_LINES = 8;

    public String text(String source, Clustering c, TextStyle st) {
        StringBuilder out = new StringBuilder();
        int w = st.width();
        int n = c.clusters().size();
        String merge = (c.threshold() >= 1.0 ? "identical stacks only" : "threshold " + TextStyle.score(c.threshold()))
                + (c.reliableOnly() ? ", reliable frames" : "");
        String summary = ": " + c.traceCount() + (c.traceCount() == 1 ? " trace" : " traces") + " in " + n
                + (n == 1 ? " bucket" : " buckets") + ", " + merge;
        String name = Sanitizer.clean(source);
        int slash = name.lastIndexOf('/');
        if (name.length() + summary.length() > w && slash >= 0 && slash < name.length() - 1) {
            name = name.substring(slash + 1);
        }
        out.append(st.fit(name + summary, w)).append('\n');
        for (String bucket : eachBucket(c.clusters(), (number, cl) -> {
            StringBuilder b = new StringBuilder(512);
            bucket(b, number, cl, st);
            return b.toString();
        })) {
            out.append('\n').append(bucket);
        }
        return out.toString();
    }

    /** Below this many buckets they are written on the calling thread alone. */
    static final int PARALLEL_FROM = 64;

    /**
     * Each bucket written by {@code writer} (its number counts from 1), in order. A big dump has
     * thousands of buckets, written once each, mostly before the JIT has compiled the code that writes
     * them, on one core after the parse is done; so many buckets are written on both cores, each into
     * its own string, and joined in order (issue 10: the 2,300 buckets of a 200 MB foreach bt took
     * 221-270 ms on one core, 203-226 ms on two, the code being compiled meanwhile).
     */
    private static List<String> eachBucket(List<Cluster> clusters, java.util.function.BiFunction<Integer, Cluster, String> writer) {
        java.util.stream.IntStream numbers = java.util.stream.IntStream.range(0, clusters.size());
        if (clusters.size() >= PARALLEL_FROM) {
            numbers = numbers.parallel();
        }
        return numbers.mapToObj(i -> writer.apply(i + 1, clusters.get(i))).toList();
    }

    private void bucket(StringBuilder out, int number, Cluster cl, TextStyle st) {
        int w = st.width();
        StringBuilder head = new StringBuilder("bucket ").append(number).append(": ").append(cl.size())
                .append(cl.size() == 1 ? " trace" : " traces");
        if (cl.identical()) {
            head.append(cl.size() > 1 ? ", identical stacks" : "");
        } else {
            head.append(", ").append(cl.variants().size()).append(" variants, similarity >= ")
                    .append(TextStyle.score(cl.minSimilarity()));
        }
        out.append(st.bold(st.fit(head.toString(), w))).append('\n');
        Members m = Members.of(cl);
        int valueW = w - 12;
        out.append("  traces    ").append(Ranges.of(cl.traceIds(), valueW)).append('\n');
        if (!m.commands().isEmpty()) {
            out.append("  commands  ").append(commands(m.commands(), valueW, st)).append('\n');
        }
        if (!m.cpus().isEmpty()) {
            out.append("  CPUs      ").append(Ranges.of(m.cpus(), valueW)).append('\n');
        }
        if (!m.pids().isEmpty()) {
            out.append("  PIDs      ").append(Ranges.of(m.pids(), valueW)).append('\n');
        }
        List<String> frames = cl.frames();
        if (frames.isEmpty()) {
            out.append("       (no frames)\n");
        }
        SortedSet<Integer> differ = cl.differAt();
        int levelW = 1 + String.valueOf(Math.max(0, frames.size() - 1)).length();
        int nameW = Math.max(10, w - 4 - levelW - 2 - 14);
        for (int i = 0; i < frames.size(); i++) {
            boolean d = differ.contains(i);
            String level = "#" + i;
            String line = (d ? "  ~ " : "    ") + " ".repeat(levelW - level.length()) + level + "  "
                    + TextStyle.pad(st.fit(Sanitizer.clean(frames.get(i)), nameW), nameW);
            if (d) {
                line += "  " + cl.differingAt(i) + " differ";
            }
            out.append(line.stripTrailing()).append('\n');
        }
        List<Variant> vs = cl.variants();
        for (int v = 1; v < vs.size() && v <= MAX_VARIANT_LINES; v++) {
            Variant var = vs.get(v);
            String lead = "  variant " + (v + 1) + ": " + var.size() + (var.size() == 1 ? " trace" : " traces") + ", "
                    + TextStyle.score(var.similarity()) + ":";
            wrap(out, lead, changes(var, frames), "      ", st);
        }
        if (vs.size() - 1 > MAX_VARIANT_LINES) {
            out.append("  (+").append(vs.size() - 1 - MAX_VARIANT_LINES).append(" more variants)\n");
        }
    }

    private static String commands(List<Map.Entry<String, Integer>> commands, int width, TextStyle st) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) {
            Map.Entry<String, Integer> e = commands.get(i);
            String part = Sanitizer.clean(e.getKey()) + (e.getValue() > 1 ? " (" + e.getValue() + ")" : "");
            String tail = " (+" + (commands.size() - i) + " more)";
            if (b.length() > 0 && b.length() + 2 + part.length() + (i + 1 < commands.size() ? tail.length() : 0) > width) {
                b.append(tail);
                break;
            }
            b.append(b.length() > 0 ? ", " : "").append(part);
        }
        return st.fit(b.toString(), width);
    }

    /** Words after {@code lead}, wrapped at the width, continuation lines indented. */
    private static void wrap(StringBuilder out, String lead, List<String> words, String indent, TextStyle st) {
        StringBuilder line = new StringBuilder(lead);
        for (String w : words) {
            if (line.length() + 1 + w.length() > st.width() && line.length() > indent.length()) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            } else {
                line.append(' ');
            }
            line.append(st.fit(w, st.width() - indent.length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /**
     * How a variant's stack differs from the representative, as words:
     * {@code at #6 -do_pselect -__x64_sys_pselect6 +kern_select +__x64_sys_select;} then the next change.
     */
    static List<String> changes(Variant v, List<String> rep) {
        List<String> words = new ArrayList<>();
        int next = 0;
        for (EditOp op : v.fromRepresentative().ops()) {
            if (op.kind() != EditKind.EQUAL) {
                if (!words.isEmpty()) {
                    words.set(words.size() - 1, words.get(words.size() - 1) + ";");
                }
                if (op.a().isEmpty()) {
                    words.add(rep.isEmpty() ? "added" : next < rep.size() ? "before #" + next : "after #" + (rep.size() - 1));
                } else {
                    words.add("at #" + op.a().get(0));
                }
                for (int i : op.a()) {
                    words.add("-" + Sanitizer.clean(rep.get(i)));
                }
                for (int j : op.b()) {
                    words.add("+" + Sanitizer.clean(v.frames().get(j)));
                }
            }
            if (!op.a().isEmpty()) {
                next = op.a().get(op.a().size() - 1) + 1;
            }
        }
        return words;
    }

    /** The {@code cluster --json} document; see the README for the fields beyond the contract's. */
    public String json(String source, Clustering c) {
        StringBuilder sb = new StringBuilder(4096);
        Json j = new Json(sb);
        j.beginObject().field("schema", JsonRenderer.SCHEMA).field("source", source)
                .field("traceCount", c.traceCount()).field("threshold", c.threshold())
                .field("reliableOnly", c.reliableOnly());
        j.name("buckets").beginArray();
        for (String bucket : eachBucket(c.clusters(), (number, cl) -> {
            StringBuilder b = new StringBuilder(512);
            bucketJson(new Json(b), cl);
            return b.toString();
        })) {
            j.written(bucket);
        }
        j.endArray().endObject();
        return sb.append('\n').toString();
    }

    private static void bucketJson(Json j, Cluster cl) {
        j.beginObject().field("size", cl.size());
        j.name("traces").beginArray();
        cl.traceIds().forEach(j::value);
        j.endArray();
        strings(j.name("frames"), cl.frames());
        j.field("representative", cl.representative().traces().get(0).id());
        j.field("similarity", DiffRenderer.jsonScore(cl.minSimilarity(), cl.identical()));
        Members m = Members.of(cl);
        j.name("commands").beginArray();
        for (Map.Entry<String, Integer> e : m.commands()) {
            j.beginObject().field("command", e.getKey()).field("count", e.getValue()).endObject();
        }
        j.endArray();
        j.name("cpus").beginArray();
        m.cpus().forEach(j::value);
        j.endArray();
        j.name("pids").beginArray();
        m.pids().forEach(j::value);
        j.endArray();
        j.name("differAt").beginArray();
        cl.differAt().forEach(j::value);
        j.endArray();
        j.name("variants").beginArray();
        for (Variant v : cl.variants()) {
            j.beginObject().field("size", v.size());
            j.name("traces").beginArray();
            v.traceIds().forEach(j::value);
            j.endArray();
            strings(j.name("frames"), v.frames());
            j.field("similarity", DiffRenderer.jsonScore(v.similarity(), v.fromRepresentative().same()));
            DiffRenderer.ops(j.name("ops"), v.fromRepresentative().ops());
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }

    private static void strings(Json j, List<String> values) {
        j.beginArray();
        values.forEach(j::value);
        j.endArray();
    }
}
