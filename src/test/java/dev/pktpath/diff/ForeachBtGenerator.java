package dev.pktpath.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a realistic {@code foreach bt} of a busy machine, in crash's print format (our own lines,
 * following crash's {@code PID: .. TASK: .. CPU: .. COMMAND:} headers and {@code #N [sp] f at addr}
 * frames): many tasks sleeping in a few stack shapes, with the small variations real dumps have.
 */
final class ForeachBtGenerator {
    static final List<String> SELECT = List.of("__schedule", "schedule", "schedule_hrtimeout_range_clock",
            "schedule_hrtimeout_range", "do_select", "core_sys_select", "do_pselect.constprop.0",
            "__x64_sys_pselect6", "do_syscall_64", "entry_SYSCALL_64_after_hwframe");
    /** SELECT entered through select(2) instead of pselect6(2): frames #6 and #7 differ. */
    static final List<String> SELECT_VIA_SELECT = List.of("__schedule", "schedule", "schedule_hrtimeout_range_clock",
            "schedule_hrtimeout_range", "do_select", "core_sys_select", "kern_select",
            "__x64_sys_select", "do_syscall_64", "entry_SYSCALL_64_after_hwframe");
    /** SELECT from a kernel built with another clone number: the same stack once normalised. */
    static final List<String> SELECT_OTHER_CLONE = List.of("__schedule", "schedule", "schedule_hrtimeout_range_clock",
            "schedule_hrtimeout_range", "do_select", "core_sys_select", "do_pselect.constprop.1",
            "__x64_sys_pselect6", "do_syscall_64", "entry_SYSCALL_64_after_hwframe");
    static final List<String> EPOLL = List.of("__schedule", "schedule", "schedule_hrtimeout_range_clock",
            "ep_poll", "do_epoll_wait", "__x64_sys_epoll_wait", "do_syscall_64", "entry_SYSCALL_64_after_hwframe");
    static final List<String> FUTEX = List.of("__schedule", "schedule", "futex_wait_queue_me", "futex_wait",
            "do_futex", "__x64_sys_futex", "do_syscall_64", "entry_SYSCALL_64_after_hwframe");
    static final List<String> KWORKER = List.of("__schedule", "schedule", "worker_thread", "kthread", "ret_from_fork");
    static final List<String> IDLE = List.of("__schedule", "schedule_idle", "do_idle", "cpu_startup_entry",
            "start_secondary", "secondary_startup_64_no_verify");
    static final List<String> CRASHER = List.of("machine_kexec", "__crash_kexec", "panic", "sysrq_handle_crash",
            "__handle_sysrq.cold.12", "write_sysrq_trigger", "proc_reg_write", "vfs_write", "ksys_write",
            "do_syscall_64", "entry_SYSCALL_64_after_hwframe");

    record Task(long pid, int cpu, String command, List<String> stack) {
    }

    /** The task list: counts are fixed, the order shuffled, PIDs and CPUs drawn from a seeded random. */
    static List<Task> tasks(long seed) {
        Random r = new Random(seed);
        List<Task> tasks = new ArrayList<>();
        long pid = 1000;
        for (int i = 0; i < 75; i++) {
            tasks.add(new Task(pid++, r.nextInt(8), "nginx", SELECT));
        }
        for (int i = 0; i < 15; i++) {
            tasks.add(new Task(pid++, r.nextInt(8), "nginx", SELECT_OTHER_CLONE));
        }
        for (int i = 0; i < 30; i++) {
            tasks.add(new Task(pid++, r.nextInt(8), "sshd", SELECT_VIA_SELECT));
        }
        for (int i = 0; i < 80; i++) {
            tasks.add(new Task(pid++, r.nextInt(8), i % 4 == 0 ? "systemd-journal" : "java", EPOLL));
        }
        for (int i = 0; i < 60; i++) {
            tasks.add(new Task(pid++, r.nextInt(8), "java", FUTEX));
        }
        for (int i = 0; i < 40; i++) {
            tasks.add(new Task(pid++, r.nextInt(8), "kworker/" + (i % 8) + ":" + (i / 8), KWORKER));
        }
        java.util.Collections.shuffle(tasks, r);
        // Idle tasks come first in a foreach bt, one per CPU, then the task that crashed the machine.
        List<Task> all = new ArrayList<>();
        for (int cpu = 0; cpu < 8; cpu++) {
            all.add(new Task(0, cpu, "swapper/" + cpu, IDLE));
        }
        all.add(new Task(4242, 3, "bash", CRASHER));
        all.addAll(tasks);
        return all;
    }

    static String text(List<Task> tasks, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("crash> foreach bt\n");
        for (Task t : tasks) {
            long taskAddr = 0xffff888100000000L + (long) r.nextInt(1 << 24) * 0x40;
            b.append(String.format("PID: %-8d TASK: %016x  CPU: %-3d COMMAND: \"%s\"%n", t.pid(), taskAddr, t.cpu(), t.command()));
            long sp = 0xffffc90000000000L + (long) r.nextInt(1 << 20) * 0x1000 + 0xd00;
            for (int i = 0; i < t.stack().size(); i++) {
                long addr = 0xffffffff81000000L + Math.abs(t.stack().get(i).hashCode() % 0xa00000);
                b.append(String.format(" #%d [%016x] %s at %016x%n", i, sp + i * 0x48L, t.stack().get(i), addr));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
