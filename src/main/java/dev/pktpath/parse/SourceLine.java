package dev.pktpath.parse;

/** One input line after cleaning, with its 1-based number in the original input. */
public record SourceLine(int number, String text) {
}
