package dev.pktpath.tui;

import dev.pktpath.analysis.FilterSyntaxException;
import dev.pktpath.analysis.FrameFilter;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.render.Sanitizer;
import dev.pktpath.session.CommandException;
import dev.pktpath.session.Session;

import java.util.function.IntPredicate;

/**
 * Turns the session's filter expression into "is frame i shown?" with the shared
 * {@link FrameFilter} (the query language of {@code print --subsystem}: {@code net},
 * {@code net -net-tcp}, {@code stage:l4 fn:tcp_*}), checked against the subsystems of the rules in force.
 */
final class FilterBinding {
    private FilterBinding() {
    }

    static FrameFilter parse(String expression, Session session) throws CommandException {
        try {
            return FrameFilter.parse(expression == null ? "" : expression, session.analyzer().rules().subsystems());
        } catch (FilterSyntaxException e) {
            throw new CommandException("filter: " + Sanitizer.clean(e.getMessage()));
        }
    }

    static IntPredicate compile(String expression, Session session, TraceAnalysis a) throws CommandException {
        return parse(expression, session).visibleFrames(a);
    }
}
