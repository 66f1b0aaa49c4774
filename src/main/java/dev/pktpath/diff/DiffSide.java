package dev.pktpath.diff;

import dev.pktpath.analysis.TraceAnalysis;

/**
 * One side of a diff: the analysed trace and where it came from.
 *
 * @param source the input's name as given ({@code a.txt}, {@code -})
 * @param label  how the side is named in output: {@code a.txt} when the input held one trace,
 *               {@code a.txt#3} for trace 3 of a multi-task dump
 */
public record DiffSide(String source, String label, TraceAnalysis analysis) {

    /** Labels the side {@code source#id}, or just {@code source} when it was the input's only trace. */
    public static DiffSide of(String source, TraceAnalysis analysis, boolean onlyTrace) {
        return new DiffSide(source, onlyTrace ? source : source + "#" + analysis.trace().id(), analysis);
    }
}
