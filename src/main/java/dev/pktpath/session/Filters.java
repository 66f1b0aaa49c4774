package dev.pktpath.session;

import dev.pktpath.analysis.FilterSyntaxException;
import dev.pktpath.analysis.FrameFilter;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.render.Sanitizer;

import java.util.function.IntPredicate;

/**
 * Where the session's filter expression meets the analysis's frame filter language
 * ({@link FrameFilter}, the one {@code print --subsystem} reads), so commands never parse it themselves.
 */
final class Filters {
    private Filters() {
    }

    /** Reads an expression, or refuses it with the filter language's one-line reason. */
    static FrameFilter check(Session s, String expression) throws CommandException {
        try {
            return FrameFilter.parse(expression, s.analyzer().rules().subsystems());
        } catch (FilterSyntaxException e) {
            throw new CommandException("filter: " + Sanitizer.clean(e.getMessage()));
        }
    }

    /** Which frame indexes of {@code a} the session's filter shows; null (everything) for no filter. */
    static IntPredicate visible(Session s, TraceAnalysis a) {
        String expression = s.filter();
        if (expression == null || expression.isBlank()) {
            return null;
        }
        try {
            return check(s, expression).visibleFrames(a);
        } catch (CommandException e) {
            // set by a front end without checking: show everything rather than guess
            return null;
        }
    }
}
