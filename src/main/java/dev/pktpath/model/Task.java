package dev.pktpath.model;

import java.util.Objects;

/**
 * The task a trace belongs to, from crash's header
 * {@code PID: 0  TASK: ffffffff81a8d020  CPU: 3  COMMAND: "swapper"} or an oops's
 * {@code CPU: 1 PID: 42 Comm: syz-executor}. Every field may be unknown (null).
 *
 * <p>Read as the record it was: {@code pid()}, {@code task()} (the task_struct address, lowercase hex
 * as printed), {@code cpu()}, {@code command()}; equality, hash code and {@code toString} are a
 * record's. Stored compactly, as a {@code foreach bt} has one per task (190,000 in 200 MB): numbers
 * unboxed, the task address as a number with its digit count, the command shared (a few dozen
 * commands name most tasks). 48 bytes instead of about 150.
 */
public final class Task {
    public static final Task UNKNOWN = new Task(null, null, null, null);

    private final long pid;
    private final long task;
    private final int cpu;
    private final boolean hasPid;
    private final boolean hasCpu;
    /** Hex digits of {@link #task} when stored as a number, else 0 (absent, or in {@link #taskText}). */
    private final byte taskDigits;
    private final String taskText;
    private final String command;

    public Task(Long pid, String task, Integer cpu, String command) {
        this.hasPid = pid != null;
        this.pid = pid == null ? 0 : pid;
        this.hasCpu = cpu != null;
        this.cpu = cpu == null ? 0 : cpu;
        int digits = FrameLine.hexDigits(task);
        this.taskDigits = (byte) digits;
        this.task = digits > 0 ? Long.parseUnsignedLong(task, 16) : 0;
        this.taskText = digits > 0 ? null : task;
        this.command = Names.intern(command);
    }

    /**
     * The task as a parser read it, without boxing or a second reading of the address: {@code pid} and
     * {@code cpu} negative when absent, the task address as a number with its printed digit count (1 to
     * 16), {@code sharedCommand} already the {@link Names#intern} copy (or null). The same task the
     * constructor gives for those values.
     */
    public static Task of(long pid, long task, int taskDigits, int cpu, String sharedCommand) {
        if (taskDigits < 1 || taskDigits > 16 || (taskDigits < 16 && task >>> (4 * taskDigits) != 0)) {
            throw new IllegalArgumentException("hex digit count " + taskDigits + " does not fit " + Long.toHexString(task));
        }
        return new Task(pid, task, taskDigits, cpu, sharedCommand);
    }

    /**
     * A task without its address, from unboxed numbers ({@code pid} and {@code cpu} negative when absent)
     * and a command already {@link Names#intern}ed: what a cluster keeps of each member (issue 10: a
     * bucket's 160,000 members were each boxed twice and their command interned again).
     */
    public static Task withoutAddress(long pid, int cpu, String sharedCommand) {
        return new Task(pid, 0, 0, cpu, sharedCommand);
    }

    private Task(long pid, long task, int taskDigits, int cpu, String sharedCommand) {
        this.hasPid = pid >= 0;
        this.pid = Math.max(pid, 0);
        this.hasCpu = cpu >= 0;
        this.cpu = Math.max(cpu, 0);
        this.taskDigits = (byte) taskDigits;
        this.task = task;
        this.taskText = null;
        this.command = sharedCommand;
    }

    public Long pid() {
        return hasPid ? pid : null;
    }

    public String task() {
        return taskDigits > 0 ? FrameLine.hex(task, taskDigits) : taskText;
    }

    public Integer cpu() {
        return hasCpu ? cpu : null;
    }

    public String command() {
        return command;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Task t && hasPid == t.hasPid && pid == t.pid && hasCpu == t.hasCpu
                && cpu == t.cpu && taskDigits == t.taskDigits && task == t.task
                && Objects.equals(taskText, t.taskText) && Objects.equals(command, t.command);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pid(), task(), cpu(), command);
    }

    @Override
    public String toString() {
        return "Task[pid=" + pid() + ", task=" + task() + ", cpu=" + cpu() + ", command=" + command + "]";
    }
}
