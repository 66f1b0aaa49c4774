package dev.pktpath.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Random;

/**
 * Writes large, realistic, deterministic dumps for benchmarks: a {@code foreach bt} of many tasks
 * (crash format) or a long console log with many oopses. Stacks are built from a vocabulary of
 * common kernel call chains (networking rx and tx, syscalls, idle, sleeping tasks, page faults) and
 * use every line variant the parsers know: tabs and spaces, exception blocks, IRQ stack markers,
 * {@code bt -l} source lines, modules, unreliable frames, CRLF line ends.
 */
public final class DumpGenerator {
    /** Call chains, innermost first; {@code name [module]} marks a module frame. */
    private static final List<String[]> CHAINS = List.of(
            new String[]{"__schedule", "schedule", "schedule_timeout", "wait_for_common", "wait_for_completion",
                    "kthread", "ret_from_fork"},
            new String[]{"__schedule", "schedule", "do_nanosleep", "hrtimer_nanosleep", "__x64_sys_nanosleep",
                    "do_syscall_64", "entry_SYSCALL_64_after_hwframe"},
            new String[]{"__schedule", "schedule", "schedule_hrtimeout_range", "ep_poll", "do_epoll_wait",
                    "__x64_sys_epoll_wait", "do_syscall_64", "entry_SYSCALL_64_after_hwframe"},
            new String[]{"native_safe_halt", "default_idle", "arch_cpu_idle", "do_idle", "cpu_startup_entry",
                    "start_secondary", "secondary_startup_64"},
            new String[]{"skb_clone", "dev_hard_start_xmit", "sch_direct_xmit", "dev_queue_xmit",
                    "neigh_resolve_output", "ip_finish_output", "ip_output", "ip_local_out", "ip_queue_xmit",
                    "tcp_transmit_skb", "tcp_write_xmit", "__tcp_push_pending_frames", "tcp_sendmsg",
                    "inet_sendmsg", "sock_sendmsg", "__sys_sendto", "__x64_sys_sendto", "do_syscall_64",
                    "entry_SYSCALL_64_after_hwframe"},
            new String[]{"tcp_ack", "tcp_rcv_established", "tcp_v4_do_rcv", "tcp_v4_rcv", "ip_local_deliver_finish",
                    "ip_local_deliver", "ip_rcv_finish", "ip_rcv", "__netif_receive_skb_core",
                    "netif_receive_skb_internal", "napi_gro_receive", "e1000_clean_rx_irq [e1000e]",
                    "e1000e_poll [e1000e]", "net_rx_action", "__do_softirq", "irq_exit", "do_IRQ"},
            new String[]{"mlx5e_xmit [mlx5_core]", "dev_hard_start_xmit", "sch_direct_xmit", "__qdisc_run",
                    "net_tx_action", "__do_softirq", "run_ksoftirqd", "smpboot_thread_fn", "kthread",
                    "ret_from_fork"},
            new String[]{"handle_mm_fault", "__do_page_fault", "do_page_fault", "page_fault", "copy_user_generic",
                    "filemap_read", "vfs_read", "ksys_read", "do_syscall_64", "entry_SYSCALL_64_after_hwframe"});
    private static final String[] COMMANDS = {"swapper/0", "kworker/u16:2", "sshd", "nginx", "java", "ksoftirqd/3",
            "bash", "systemd", "postgres", "irqbalance"};

    private final Random random;

    public DumpGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Writes a crash {@code foreach bt} of at least {@code bytes} characters. Returns the task count. */
    public int writeCrashForeach(Writer out, long bytes) throws IOException {
        long written = 0;
        int tasks = 0;
        StringBuilder b = new StringBuilder(4096);
        while (written < bytes) {
            b.setLength(0);
            tasks++;
            crashTask(b, tasks);
            out.write(b.toString());
            written += b.length();
        }
        return tasks;
    }

    /** Writes a console log of at least {@code bytes} characters holding many reports. Returns the report count. */
    public int writeConsoleLog(Writer out, long bytes) throws IOException {
        long written = 0;
        int reports = 0;
        double time = 1.0;
        StringBuilder b = new StringBuilder(4096);
        while (written < bytes) {
            b.setLength(0);
            reports++;
            time += random.nextInt(5000) / 1000.0;
            consoleReport(b, reports, time);
            out.write(b.toString());
            written += b.length();
        }
        return reports;
    }

    private void crashTask(StringBuilder b, int pid) {
        String eol = random.nextInt(50) == 0 ? "\r\n" : "\n";
        String indent = random.nextBoolean() ? " " : "\t";
        b.append("PID: ").append(pid).append("  TASK: ").append(hex64(0xffff880000000000L)).append("  CPU: ")
                .append(random.nextInt(64)).append("  COMMAND: \"").append(COMMANDS[random.nextInt(COMMANDS.length)])
                .append('"').append(eol);
        String[] chain = CHAINS.get(random.nextInt(CHAINS.size()));
        long stack = 0xffffc90000000000L + (random.nextLong() & 0xffffff00L);
        boolean withSource = random.nextInt(10) == 0;
        int level = 0;
        if (random.nextInt(20) == 0) {
            for (String f : new String[]{"machine_kexec", "__crash_kexec", "oops_end", "no_context", "page_fault"}) {
                frame(b, indent, level++, stack += 0x40, f, eol, withSource);
            }
            b.append("    [exception RIP: ").append(chain[0]).append('+').append(random.nextInt(400)).append(']').append(eol);
            registers(b, eol);
        }
        for (String f : chain) {
            if (random.nextInt(40) == 0) {
                b.append(indent).append("--- <IRQ stack> ---").append(eol);
            }
            frame(b, indent, level++, stack += 0x30 + random.nextInt(0x100), f, eol, withSource);
        }
        b.append(eol);
    }

    private void frame(StringBuilder b, String indent, int level, long stack, String f, String eol, boolean withSource) {
        String name = f;
        String module = null;
        int sp = f.indexOf(" [");
        if (sp > 0) {
            name = f.substring(0, sp);
            module = f.substring(sp + 1);
        }
        b.append(indent).append(level < 10 ? " #" : "#").append(level).append(" [").append(Long.toHexString(stack))
                .append("] ").append(name).append(" at ").append(hex64(module != null ? 0xffffffffc0000000L : 0xffffffff81000000L));
        if (module != null) {
            b.append(' ').append(module);
        }
        b.append(eol);
        if (withSource) {
            b.append("    /usr/src/debug/kernel/net/core/dev.c: ").append(100 + random.nextInt(9000)).append(eol);
        }
    }

    private void registers(StringBuilder b, String eol) {
        String[][] rows = {{"RIP", "RSP", "RFLAGS"}, {"RAX", "RBX", "RCX"}, {"RDX", "RSI", "RDI"}, {"RBP", "R8", "R9"},
                {"R10", "R11", "R12"}, {"R13", "R14", "R15"}};
        for (String[] row : rows) {
            b.append("   ");
            for (String r : row) {
                b.append(String.format(" %4s: %s ", r, hex64(0)));
            }
            b.append(eol);
        }
        b.append("    ORIG_RAX: ffffffffffffffff  CS: 0010  SS: 0018").append(eol);
    }

    private void consoleReport(StringBuilder b, int n, double time) {
        String ts = String.format("[%12.6f] ", time);
        String[] chain = CHAINS.get(random.nextInt(CHAINS.size()));
        b.append(ts).append("e1000e 0000:00:19.0 eth0: Link is Up 1000 Mbps Full Duplex").append('\n');
        b.append(ts).append("BUG: unable to handle kernel NULL pointer dereference at 0000000000000010").append('\n');
        b.append(ts).append("IP: ").append(chain[0]).append("+0x").append(Integer.toHexString(random.nextInt(0x200)))
                .append("/0x400").append('\n');
        b.append(ts).append("Oops: 0000 [#").append(n).append("] SMP PTI").append('\n');
        b.append(ts).append("CPU: ").append(random.nextInt(64)).append(" PID: ").append(random.nextInt(40000))
                .append(" Comm: ").append(COMMANDS[random.nextInt(COMMANDS.length)]).append(" Not tainted 5.15.0 #1").append('\n');
        b.append(ts).append("RIP: 0010:").append(chain[0]).append("+0x1c/0x400").append('\n');
        b.append(ts).append("RSP: 0018:ffffc90000a3bd48 EFLAGS: 00010246").append('\n');
        b.append(ts).append("RAX: 0000000000000000 RBX: ffff888100a4c000 RCX: 0000000000000000").append('\n');
        b.append(ts).append("Call Trace:").append('\n');
        for (int i = 1; i < chain.length; i++) {
            String f = chain[i];
            int sp = f.indexOf(" [");
            String name = sp > 0 ? f.substring(0, sp) : f;
            String mod = sp > 0 ? f.substring(sp) : "";
            b.append(ts).append(random.nextInt(15) == 0 ? " ? " : " ").append(name).append("+0x")
                    .append(Integer.toHexString(random.nextInt(0x300))).append("/0x")
                    .append(Integer.toHexString(0x300 + random.nextInt(0x300))).append(mod).append('\n');
        }
        b.append(ts).append("---[ end trace ").append(hex64(0)).append(" ]---").append('\n');
    }

    private String hex64(long base) {
        return String.format("%016x", base | (random.nextLong() & 0xffffffL));
    }
}
