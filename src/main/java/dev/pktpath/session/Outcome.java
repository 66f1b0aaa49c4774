package dev.pktpath.session;

/**
 * What running a command produced: text for the user (may be empty) and an effect the front end
 * acts on. Front ends decide how to show the text (REPL prints it, the explorer's status line or a pager).
 */
public record Outcome(String text, Effect effect) {
    public enum Effect {
        /** Nothing beyond the text. */
        NONE,
        /** The session's view changed (trace, frame, filter, dump): the explorer redraws. */
        VIEW_CHANGED,
        /** Open the full-screen explorer on the current dump (REPL only). */
        EXPLORE,
        /** Leave the front end. */
        QUIT
    }

    public static Outcome text(String text) {
        return new Outcome(text, Effect.NONE);
    }

    public static Outcome view(String text) {
        return new Outcome(text, Effect.VIEW_CHANGED);
    }

    public Outcome withEffect(Effect e) {
        return new Outcome(text, e);
    }
}
