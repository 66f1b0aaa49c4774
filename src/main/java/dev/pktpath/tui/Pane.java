package dev.pktpath.tui;

import com.googlecode.lanterna.graphics.TextGraphics;

/**
 * One pane of the explorer. It draws only its visible rows into the graphics it is given (clipped
 * to its area, so it cannot draw outside) and turns movement actions into changes of the view state.
 * Panes never parse and keep no state of their own beyond caches.
 */
interface Pane {
    PaneId id();

    /** The title shown on the pane's top border. */
    String title(ViewState v);

    void draw(TextGraphics g, ViewState v, Theme t);

    /** Handles a movement or choice; {@code page} is the number of rows the pane showed last. */
    void handle(Action a, ViewState v, int page);
}
