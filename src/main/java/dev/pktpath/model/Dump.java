package dev.pktpath.model;

import java.util.List;

/**
 * Everything read from one input: its traces in input order, and the lines outside any trace
 * that were kept as diagnostics.
 *
 * @param source the name the user gave ({@code dump.txt}, {@code -} for stdin, {@code <sample>})
 */
public record Dump(String source, List<Trace> traces, List<Diagnostic> diagnostics) {
    public Dump {
        traces = List.copyOf(traces);
        diagnostics = List.copyOf(diagnostics);
    }
}
