package dev.pktpath.model;

/** Which stack a frame ran on, as crash's stack markers and the console's {@code <IRQ>} markers tell. */
public enum StackContext {
    TASK("task"),
    IRQ("irq"),
    SOFTIRQ("softirq"),
    NMI("nmi"),
    EXCEPTION("exception"),
    UNKNOWN("unknown");

    private final String id;

    StackContext(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
