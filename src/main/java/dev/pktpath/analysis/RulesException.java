package dev.pktpath.analysis;

/** A rules file that cannot be used: unreadable, or a line that is not a rule. The message names file and line. */
public final class RulesException extends Exception {
    public RulesException(String message) {
        super(message);
    }
}
