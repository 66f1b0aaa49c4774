package dev.pktpath.session;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Dump;

import java.util.List;

/**
 * A dump loaded into a session under a short name ({@code d1}, {@code d2}, ...), with its traces analysed.
 * A dump read in the background ({@link DumpLoad}) has its traces in a growing {@link TraceList}: its
 * {@link #traces()} are the truth (its {@link #dump()} names the source and holds no traces), and
 * {@link #load()} tells how far reading has got.
 */
public record LoadedDump(String name, Dump dump, List<TraceAnalysis> traces, DumpLoad load) {
    public LoadedDump {
        traces = traces instanceof TraceList ? traces : List.copyOf(traces);
        load = load == null ? DumpLoad.COMPLETE : load;
    }

    public LoadedDump(String name, Dump dump, List<TraceAnalysis> traces) {
        this(name, dump, traces, DumpLoad.COMPLETE);
    }

    public static LoadedDump of(String name, Dump dump, Analyzer analyzer) {
        return new LoadedDump(name, dump, analyzer.analyzeAll(dump.traces()));
    }

    /** Whether traces may still arrive. */
    public boolean loading() {
        return !load.isDone();
    }

    /** Identity: a dump is the one loaded, however many traces it has so far (a growing list must not be compared). */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
