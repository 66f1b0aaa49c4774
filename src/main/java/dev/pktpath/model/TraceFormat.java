package dev.pktpath.model;

/** Where a trace came from: crash's {@code bt} family or a kernel console report. */
public enum TraceFormat {
    CRASH_BT("crash-bt"),
    OOPS("oops");

    private final String id;

    TraceFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
