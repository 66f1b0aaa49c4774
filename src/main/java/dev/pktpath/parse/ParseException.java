package dev.pktpath.parse;

/** The input could not be read at all (missing, a directory, binary, empty). The message is one line for the user. */
public class ParseException extends Exception {
    public ParseException(String message) {
        super(message);
    }

    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
