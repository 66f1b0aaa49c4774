package dev.pktpath.model;

/** A line the parser kept but did not understand, or a note about a partial result; never dropped silently. */
public record Diagnostic(int line, String message, String text) {
}
