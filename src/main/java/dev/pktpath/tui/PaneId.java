package dev.pktpath.tui;

/** The explorer's panes, in focus order (Tab goes down this list). */
enum PaneId {
    TRACES("Traces"),
    FRAMES("Frames"),
    JOURNEY("Journey"),
    REGISTERS("Registers"),
    DETAILS("Details");

    final String label;

    PaneId(String label) {
        this.label = label;
    }

    /** Panes shown beside or under the frames; at narrow widths they share one tabbed box. */
    boolean isSide() {
        return this == JOURNEY || this == REGISTERS || this == DETAILS;
    }
}
