package dev.pktpath.robust;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.diff.Clusterer;
import dev.pktpath.diff.Clustering;
import dev.pktpath.diff.DiffOptions;
import dev.pktpath.diff.DiffSide;
import dev.pktpath.diff.TraceDiff;
import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.render.ClusterRenderer;
import dev.pktpath.render.DiffRenderer;
import dev.pktpath.render.JourneyJson;
import dev.pktpath.render.JourneyRenderer;
import dev.pktpath.render.JsonRenderer;
import dev.pktpath.render.TextRenderer;
import dev.pktpath.render.TextStyle;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a dump goes through after it is read: parse, analyse, and every rendering the commands
 * print (print text and JSON, journey text and JSON, diff text and JSON, cluster text and JSON).
 * Returns every rendered string, so a test can check them all.
 */
final class Pipeline {
    static final Analyzer ANALYZER = Analyzer.builtIn();

    private Pipeline() {
    }

    record Output(Dump dump, List<String> texts, List<String> jsons) {
        List<String> all() {
            List<String> a = new ArrayList<>(texts);
            a.addAll(jsons);
            return a;
        }
    }

    /** Parse results through analysis, print's JSON and text only: the cheap path, for many runs. */
    static Output light(Dump dump) {
        List<TraceAnalysis> analysed = new ArrayList<>();
        for (var t : dump.traces()) {
            analysed.add(ANALYZER.analyze(t));
        }
        return new Output(dump, List.of(new TextRenderer().render(analysed, null)),
                List.of(new JsonRenderer().render(dump.source(), analysed)));
    }

    static Output run(String source, String text) {
        return run(new DumpParser().parse(source, text), true);
    }

    /** @param pairwise also diff the first trace with every other (quadratic renderers stay off for huge dumps) */
    static Output run(Dump dump, boolean pairwise) {
        List<TraceAnalysis> analysed = new ArrayList<>();
        for (var t : dump.traces()) {
            analysed.add(ANALYZER.analyze(t));
        }
        List<String> texts = new ArrayList<>();
        List<String> jsons = new ArrayList<>();
        jsons.add(new JsonRenderer().render(dump.source(), analysed));
        texts.add(new TextRenderer().render(analysed, null));
        texts.add(new JourneyRenderer(80, false).render(analysed, analysed.size()));
        texts.add(new JourneyRenderer(40, true).render(analysed, analysed.size()));
        jsons.add(new JourneyJson().render(dump.source(), analysed));
        if (!analysed.isEmpty()) {
            DiffSide first = DiffSide.of(dump.source(), analysed.get(0), analysed.size() == 1);
            int last = pairwise ? analysed.size() : Math.min(2, analysed.size());
            for (int i = 0; i < last; i++) {
                DiffSide other = DiffSide.of(dump.source() + "#" + (i + 1), analysed.get(i), false);
                TraceDiff d = TraceDiff.compare(first, other, DiffOptions.NAMES);
                texts.add(new DiffRenderer().text(d, TextStyle.PLAIN, 3));
                texts.add(new DiffRenderer().text(d, new TextStyle(false, true, 50), 1));
                jsons.add(new DiffRenderer().json(d));
            }
            Clustering c = new Clusterer().cluster(dump.traces());
            texts.add(new ClusterRenderer().text(dump.source(), c, TextStyle.PLAIN));
            jsons.add(new ClusterRenderer().json(dump.source(), c));
        }
        return new Output(dump, texts, jsons);
    }
}
