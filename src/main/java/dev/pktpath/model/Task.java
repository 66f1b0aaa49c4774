package dev.pktpath.model;

/**
 * The task a trace belongs to, from crash's header
 * {@code PID: 0  TASK: ffffffff81a8d020  CPU: 3  COMMAND: "swapper"} or an oops's
 * {@code CPU: 1 PID: 42 Comm: syz-executor}. Every field may be unknown (null).
 */
public record Task(Long pid, String task, Integer cpu, String command) {
    public static final Task UNKNOWN = new Task(null, null, null, null);
}
