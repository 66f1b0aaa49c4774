package dev.pktpath.session;

import dev.pktpath.analysis.TraceAnalysis;

import java.util.function.IntPredicate;

/**
 * Where the session meets the frame filter language (owned by the analysis: issue 4). Commands ask
 * here which frames the active filter shows, so the language is wired in one place.
 */
final class Filters {
    private Filters() {
    }

    /** Refuses an expression the filter language cannot read, with its one-line reason. */
    static void check(String expression) throws CommandException {
        throw new CommandException("filter: not available yet (the frame filter language lands with issue 4)");
    }

    /** Which frame indexes of {@code a} the filter shows; null (everything) for no filter. */
    static IntPredicate visible(String expression, TraceAnalysis a) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        return i -> true;
    }
}
