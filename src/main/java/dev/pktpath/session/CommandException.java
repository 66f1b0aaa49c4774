package dev.pktpath.session;

/** A command could not run: a one-line message for the user; the session is unchanged. */
public class CommandException extends Exception {
    public CommandException(String message) {
        super(message);
    }
}
