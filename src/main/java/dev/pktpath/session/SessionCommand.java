package dev.pktpath.session;

import java.util.List;

/**
 * One command of the shared command model: the same object serves the explorer's {@code :} line,
 * the REPL and (where it makes sense) the CLI, so a command means the same everywhere.
 */
public interface SessionCommand {
    /** The name typed, e.g. {@code trace}. */
    String name();

    /** Other names that run it, e.g. {@code exit} for {@code quit}. */
    default List<String> aliases() {
        return List.of();
    }

    /** Arguments as shown in help, e.g. {@code N}. */
    String synopsis();

    /** One line of help. */
    String summary();

    /** What kind of value each argument position completes to, for Tab completion. */
    default List<ArgKind> argKinds() {
        return List.of();
    }

    /** Options the command accepts ({@code --json}), read from its synopsis; offered by completion. */
    default List<String> options() {
        return Synopsis.options(synopsis());
    }

    Outcome run(Session session, List<String> args) throws CommandException;

    /** Kinds of arguments, so front ends can complete them without knowing each command. */
    enum ArgKind { FILE, TRACE, FRAME, SUBSYSTEM, STAGE, DUMP, SETTING, COMMAND, TEXT }
}
