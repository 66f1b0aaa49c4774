package dev.pktpath.repl;

import dev.pktpath.session.CommandException;
import dev.pktpath.session.Session;

/**
 * Opens the full-screen explorer on a session and returns when the user leaves it ({@code q}).
 * The REPL must not depend on the explorer's package, so the CLI hands one in.
 */
@FunctionalInterface
public interface ExplorerLauncher {
    /** For builds without the explorer: {@code explore} answers with one line instead. */
    ExplorerLauncher UNAVAILABLE = session -> {
        throw new CommandException("explore: the full-screen explorer is not available in this build");
    };

    /** Runs the explorer on the session's current dump; owns the terminal until it returns. */
    void explore(Session session) throws CommandException;
}
