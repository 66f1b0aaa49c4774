package dev.pktpath.tui;

/** A rectangle of screen cells; {@code x, y} is the top-left cell. */
record Rect(int x, int y, int width, int height) {
    /** The area inside a one-cell border. */
    Rect inner() {
        return new Rect(x + 1, y + 1, Math.max(0, width - 2), Math.max(0, height - 2));
    }

    boolean isEmpty() {
        return width <= 0 || height <= 0;
    }
}
