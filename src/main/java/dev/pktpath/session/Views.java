package dev.pktpath.session;

import dev.pktpath.analysis.TraceAnalysis;

/** Where the session meets the journey and diff renderings (owned by issue 4 and the diff issue). */
final class Views {
    private Views() {
    }

    static String journey(TraceAnalysis a, boolean json) throws CommandException {
        throw new CommandException("journey: not available yet (the journey view lands with issue 4)");
    }

    static String diff(TraceRef a, TraceRef b, boolean json) throws CommandException {
        throw new CommandException("diff: not available yet (the stack diff lands with its own issue)");
    }
}
