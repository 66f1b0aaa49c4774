package dev.pktpath.session;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Dump;

import java.util.List;

/** A dump loaded into a session under a short name ({@code d1}, {@code d2}, ...), with its traces analysed. */
public record LoadedDump(String name, Dump dump, List<TraceAnalysis> traces) {
    public LoadedDump {
        traces = List.copyOf(traces);
    }

    public static LoadedDump of(String name, Dump dump, Analyzer analyzer) {
        return new LoadedDump(name, dump, analyzer.analyzeAll(dump.traces()));
    }
}
