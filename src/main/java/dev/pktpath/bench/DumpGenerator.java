package dev.pktpath.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes large, realistic, deterministic dumps for benchmarks: a {@code foreach bt} of many tasks
 * (crash format) or a long console log with many oopses. The same seed gives the same text.
 *
 * <p>Stacks: the innermost part of one call chain (the work: networking rx and tx, the embedded
 * sample's packet path, file I/O, page faults, sleeping) cut at a random depth, on top of the outer
 * part of an entry context (syscall, softirq, kthread, idle, interrupt), sometimes with a run of
 * recursion, so a large dump has thousands of distinct stacks that still fall into a few families.
 * The chains are function names of the mainline kernel and the embedded sample's frames (read from
 * the jar at run time); every printed line is written here following crash's and printk's formats,
 * not copied from any capture.
 *
 * <p>Line variants in the {@code foreach bt}: task headers, x86_64, arm64 and ppc64 frame lines,
 * tabs or spaces, CRLF line ends, {@code [exception RIP: ...]} blocks with x86_64 registers, arm64
 * exception frames ({@code PC: ... [fn+off]}, {@code X29:} rows), ppc64 {@code (unreliable)} tails,
 * stack markers ({@code --- <IRQ stack> ---} and others), module frames, {@code bt -l} source lines,
 * {@code bt -f} stack words, a module tail wrapped onto a line of its own, and a {@code crash>}
 * prompt. In the console log: timestamps, printk levels, caller ids, syslog and {@code dmesg -T}
 * prefixes; x86_64 oopses and warnings and arm64 paging faults; {@code ? } unreliable frames, module
 * frames, {@code <IRQ>} markers and unrelated chatter between reports.
 */
public final class DumpGenerator {
    /** Work chains, innermost first; {@code name [module]} marks a module frame. */
    private static final List<String[]> WORK = new ArrayList<>(List.of(
            new String[]{"__schedule", "schedule", "schedule_timeout", "wait_for_common", "wait_for_completion"},
            new String[]{"__schedule", "schedule", "do_nanosleep", "hrtimer_nanosleep", "__x64_sys_nanosleep"},
            new String[]{"__schedule", "schedule", "schedule_hrtimeout_range", "ep_poll", "do_epoll_wait",
                    "__x64_sys_epoll_wait"},
            new String[]{"skb_clone", "dev_hard_start_xmit", "sch_direct_xmit", "dev_queue_xmit",
                    "neigh_resolve_output", "ip_finish_output", "ip_output", "ip_local_out", "ip_queue_xmit",
                    "tcp_transmit_skb", "tcp_write_xmit", "__tcp_push_pending_frames", "tcp_sendmsg",
                    "inet_sendmsg", "sock_sendmsg", "__sys_sendto", "__x64_sys_sendto"},
            new String[]{"tcp_ack", "tcp_rcv_established", "tcp_v4_do_rcv", "tcp_v4_rcv", "ip_local_deliver_finish",
                    "ip_local_deliver", "ip_rcv_finish", "ip_rcv", "__netif_receive_skb_core",
                    "netif_receive_skb_internal", "napi_gro_receive", "e1000_clean_rx_irq [e1000e]",
                    "e1000e_poll [e1000e]", "net_rx_action"},
            new String[]{"udp_queue_rcv_skb", "__udp4_lib_rcv", "udp_rcv", "ip_protocol_deliver_rcu",
                    "ip_local_deliver_finish", "ip_local_deliver", "ip_rcv", "__netif_receive_skb_one_core",
                    "process_backlog", "net_rx_action"},
            new String[]{"mlx5e_xmit [mlx5_core]", "dev_hard_start_xmit", "sch_direct_xmit", "__qdisc_run",
                    "net_tx_action"},
            new String[]{"nf_hook_slow", "ip_rcv", "__netif_receive_skb_core", "br_handle_frame_finish [bridge]",
                    "br_handle_frame [bridge]", "__netif_receive_skb_core", "napi_gro_receive",
                    "ixgbe_poll [ixgbe]", "net_rx_action"},
            new String[]{"handle_mm_fault", "__do_page_fault", "do_page_fault", "page_fault", "copy_user_generic",
                    "filemap_read", "vfs_read", "ksys_read", "__x64_sys_read"},
            new String[]{"ext4_da_write_begin", "generic_perform_write", "ext4_buffered_write_iter",
                    "new_sync_write", "vfs_write", "ksys_write", "__x64_sys_write"},
            new String[]{"mutex_lock", "rtnl_lock", "dev_ioctl", "sock_do_ioctl", "sock_ioctl", "__x64_sys_ioctl"},
            new String[]{"queued_spin_lock_slowpath", "_raw_spin_lock", "inet_csk_get_port", "inet_bind",
                    "__sys_bind", "__x64_sys_bind"}));

    /** Entry contexts, innermost first: what runs the work. */
    private static final String[][] ENTRIES = {
            {"do_syscall_64", "entry_SYSCALL_64_after_hwframe"},
            {"__do_softirq", "irq_exit_rcu", "common_interrupt", "asm_common_interrupt"},
            {"__do_softirq", "run_ksoftirqd", "smpboot_thread_fn", "kthread", "ret_from_fork"},
            {"process_one_work", "worker_thread", "kthread", "ret_from_fork"},
            {"kthread", "ret_from_fork"},
            {"native_safe_halt", "default_idle", "arch_cpu_idle", "do_idle", "cpu_startup_entry",
                    "start_secondary", "secondary_startup_64"},
    };

    /** What crash prints before the frames of a task that took a fault (the kdump path). */
    private static final String[] PANIC_PATH = {"machine_kexec", "__crash_kexec", "crash_kexec", "oops_end",
            "no_context", "__bad_area_nosemaphore", "bad_area_nosemaphore", "__do_page_fault", "do_page_fault",
            "page_fault"};

    /** arm64 names of the same steps: the kdump path and an EL1 data abort. */
    private static final String[] ARM64_PANIC_PATH = {"machine_kexec", "__crash_kexec", "crash_kexec", "die",
            "die_kernel_fault", "__do_kernel_fault", "do_page_fault", "do_translation_fault", "do_mem_abort",
            "el1_abort", "el1h_64_sync_handler", "el1h_64_sync"};

    private static final String[] STACK_MARKERS = {"--- <IRQ stack> ---", "--- <NMI exception stack> ---",
            "--- <soft IRQ> ---", "--- <DOUBLEFAULT exception stack> ---"};

    private static final String[] COMMANDS = {"swapper/0", "kworker/u16:2", "sshd", "nginx", "java", "ksoftirqd/3",
            "bash", "systemd", "postgres", "irqbalance", "kworker/3:1H", "rcu_sched", "containerd", "haproxy"};

    private static final String[] SOURCE_DIRS = {"net/core/dev.c", "net/ipv4/tcp_input.c", "net/ipv4/ip_output.c",
            "kernel/sched/core.c", "mm/memory.c", "fs/read_write.c", "drivers/net/ethernet/intel/e1000e/netdev.c"};

    /** Unrelated console chatter between reports. */
    private static final String[] CHATTER = {"e1000e 0000:00:19.0 eth0: Link is Up 1000 Mbps Full Duplex",
            "IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready", "usb 2-1: new high-speed USB device number 3",
            "EXT4-fs (sda1): mounted filesystem with ordered data mode", "audit: type=1400 audit(1700000000.123:42): apparmor=\"STATUS\"",
            "TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies."};

    private enum Arch { X86_64, ARM64, PPC64 }

    static {
        WORK.add(sampleChain());
    }

    /**
     * The embedded sample's frames (innermost first) as a work chain: the packet path of a TCP ack on
     * receive that retransmits and faults in {@code skb_clone}.
     */
    private static String[] sampleChain() {
        List<String> names = new ArrayList<>();
        try (InputStream in = DumpGenerator.class.getResourceAsStream("/dev/pktpath/seed-packet-path.txt")) {
            if (in == null) {
                return new String[]{"skb_clone", "dev_hard_start_xmit"};
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                int close = t.indexOf("] ");
                int at = t.indexOf(" at ");
                if (t.startsWith("#") && close > 0 && at > close) {
                    String name = t.substring(close + 2, at);
                    int mod = t.indexOf(" [", at);
                    names.add(mod > 0 ? name + t.substring(mod) : name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the sample starts with the kdump path, which the generator adds itself for faulting tasks
        int from = names.indexOf("page_fault") + 1;
        return names.subList(from, names.size()).toArray(String[]::new);
    }

    private final Random random;

    public DumpGenerator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Two stacks of {@code n} function names for diff benchmarks (the runner and JMH measure the same
     * pair): A drawn from 300 names, B is A with about one frame in fifty replaced, deleted or
     * duplicated. Always the same pair for the same {@code n}.
     */
    public static List<List<String>> editedStackPair(int n) {
        Random r = new Random(1);
        List<String> a = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            a.add("fn_" + r.nextInt(300));
        }
        List<String> b = new ArrayList<>(n + n / 25);
        for (String f : a) {
            int roll = r.nextInt(50);
            if (roll == 0) {
                b.add("other_" + r.nextInt(300));
            } else if (roll == 2) {
                b.add(f);
                b.add(f);
            } else if (roll != 1) {
                b.add(f);
            }
        }
        return List.of(a, b);
    }

    /** Writes a crash {@code foreach bt} of at least {@code bytes} characters. Returns the task count. */
    public int writeCrashForeach(Writer out, long bytes) throws IOException {
        return writeCrash(out, bytes, Integer.MAX_VALUE);
    }

    /** Writes a crash {@code foreach bt} of exactly {@code tasks} tasks. Returns the task count. */
    public int writeCrashTasks(Writer out, int tasks) throws IOException {
        return writeCrash(out, Long.MAX_VALUE, tasks);
    }

    private int writeCrash(Writer out, long bytes, int maxTasks) throws IOException {
        long written = 0;
        int tasks = 0;
        StringBuilder b = new StringBuilder(8192);
        b.append("crash> foreach bt\n");
        while (written < bytes && tasks < maxTasks) {
            tasks++;
            crashTask(b, tasks);
            out.write(b.toString());
            written += b.length();
            b.setLength(0);
        }
        return tasks;
    }

    /** Writes a console log of at least {@code bytes} characters holding many reports. Returns the report count. */
    public int writeConsoleLog(Writer out, long bytes) throws IOException {
        long written = 0;
        int reports = 0;
        double time = 1.0;
        StringBuilder b = new StringBuilder(8192);
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

    /** A stack, innermost first: a cut of a work chain on an entry context, sometimes with recursion. */
    private List<String> stack(boolean idle) {
        List<String> s = new ArrayList<>();
        String[] entry;
        if (idle) {
            entry = ENTRIES[ENTRIES.length - 1];
        } else {
            String[] work = WORK.get(random.nextInt(WORK.size()));
            int from = random.nextInt(4) == 0 ? random.nextInt(Math.max(1, work.length / 2)) : 0;
            for (int i = from; i < work.length; i++) {
                s.add(work[i]);
            }
            if (random.nextInt(30) == 0) {
                // a runaway recursion in the middle of the chain (a bridge loop, a nested device)
                int at = random.nextInt(s.size());
                List<String> loop = new ArrayList<>(s.subList(at, Math.min(s.size(), at + 3)));
                for (int r = random.nextInt(20); r > 0; r--) {
                    s.addAll(at, loop);
                }
            }
            entry = ENTRIES[random.nextInt(ENTRIES.length - 1)];
        }
        for (String e : entry) {
            s.add(e);
        }
        return s;
    }

    private void crashTask(StringBuilder b, int pid) {
        String eol = random.nextInt(50) == 0 ? "\r\n" : "\n";
        String indent = random.nextBoolean() ? " " : "\t";
        int roll = random.nextInt(100);
        Arch arch = roll < 80 ? Arch.X86_64 : roll < 95 ? Arch.ARM64 : Arch.PPC64;
        long taskBase = arch == Arch.X86_64 ? 0xffff880000000000L : arch == Arch.ARM64 ? 0xffff000000000000L
                : 0xc000000000000000L;
        boolean idle = random.nextInt(8) == 0;
        b.append("PID: ").append(pid).append("  TASK: ").append(hex64(taskBase)).append("  CPU: ")
                .append(random.nextInt(64)).append("  COMMAND: \"")
                .append(idle ? "swapper/" + random.nextInt(64) : COMMANDS[random.nextInt(COMMANDS.length)])
                .append('"').append(eol);
        List<String> chain = stack(idle);
        long stack = (arch == Arch.X86_64 ? 0xffffc90000000000L : arch == Arch.ARM64 ? 0xffff800010000000L
                : 0xc000000002000000L) + (random.nextLong() & 0xffffff00L);
        boolean withSource = random.nextInt(10) == 0;
        boolean withData = !withSource && random.nextInt(20) == 0;
        Frames f = new Frames(b, indent, eol, arch, withSource, withData);
        if (!idle && random.nextInt(20) == 0) {
            String[] path = arch == Arch.ARM64 ? ARM64_PANIC_PATH : PANIC_PATH;
            for (String p : path) {
                stack = f.frame(stack, p);
            }
            String fn = chain.get(0);
            String name = fn.contains(" [") ? fn.substring(0, fn.indexOf(" [")) : fn;
            if (arch == Arch.ARM64) {
                arm64Registers(b, eol, name);
            } else if (arch == Arch.X86_64) {
                b.append("    [exception RIP: ").append(name).append('+').append(random.nextInt(400)).append(']').append(eol);
                x86Registers(b, eol);
            }
        }
        for (String fn : chain) {
            if (arch != Arch.PPC64 && random.nextInt(60) == 0) {
                b.append(indent).append(STACK_MARKERS[random.nextInt(arch == Arch.ARM64 ? 1 : STACK_MARKERS.length)]).append(eol);
            }
            stack = f.frame(stack, fn);
        }
        b.append(eol);
    }

    /** Frame lines of one task: the level counts up, the stack address grows. */
    private final class Frames {
        private final StringBuilder b;
        private final String indent;
        private final String eol;
        private final Arch arch;
        private final boolean withSource;
        private final boolean withData;
        private int level;

        Frames(StringBuilder b, String indent, String eol, Arch arch, boolean withSource, boolean withData) {
            this.b = b;
            this.indent = indent;
            this.eol = eol;
            this.arch = arch;
            this.withSource = withSource;
            this.withData = withData;
        }

        /**
         * One frame as crash's {@code bt} prints it: {@code  #9 [ffff880028203518] dev_hard_start_xmit at
         * ffffffff81421d2e}, a module in brackets after the address, ppc64's {@code (unreliable)}.
         */
        long frame(long stack, String f) {
            String name = f;
            String module = null;
            int sp = f.indexOf(" [");
            if (sp > 0) {
                name = f.substring(0, sp);
                module = f.substring(sp + 1);
            }
            long next = stack + 0x30 + random.nextInt(0x100);
            long text = switch (arch) {
                case X86_64 -> module != null ? 0xffffffffc0000000L : 0xffffffff81000000L;
                case ARM64 -> module != null ? 0xffff800008f00000L : 0xffff800010000000L;
                case PPC64 -> module != null ? 0xd000000000000000L : 0xc000000000000000L;
            };
            b.append(indent).append(level < 10 ? " #" : "#").append(level++).append(" [").append(Long.toHexString(stack))
                    .append("] ").append(name).append(" at ").append(hex64(text));
            if (module != null) {
                if (random.nextInt(200) == 0) {
                    // a mail client wrapped the module tail onto a line of its own
                    b.append(eol).append("    ").append(module);
                } else {
                    b.append(' ').append(module);
                }
            }
            if (arch == Arch.PPC64 && random.nextInt(6) == 0) {
                b.append("  (unreliable)");
            }
            b.append(eol);
            if (withSource) {
                // bt -l: the source file and line under the frame
                b.append("    /usr/src/debug/kernel/").append(SOURCE_DIRS[random.nextInt(SOURCE_DIRS.length)]).append(": ")
                        .append(100 + random.nextInt(9000)).append(eol);
            }
            if (withData) {
                // bt -f: the stack words of the frame, two to a line after the address
                for (long a = stack; a < next - 0x10; a += 0x10) {
                    b.append("    ").append(Long.toHexString(a)).append(": ").append(hex64(0)).append(' ')
                            .append(hex64(0xffffffff81000000L)).append(eol);
                }
            }
            return next;
        }
    }

    /** x86_64 registers under {@code [exception RIP: ...]}, as crash prints them (three a row). */
    private void x86Registers(StringBuilder b, String eol) {
        String[][] rows = {{"RIP", "RSP", "RFLAGS"}, {"RAX", "RBX", "RCX"}, {"RDX", "RSI", "RDI"}, {"RBP", "R8", "R9"},
                {"R10", "R11", "R12"}, {"R13", "R14", "R15"}};
        for (String[] row : rows) {
            b.append("   ");
            for (String r : row) {
                b.append(String.format(Locale.ROOT, " %4s: %s ", r, hex64(0)));
            }
            b.append(eol);
        }
        b.append("    ORIG_RAX: ffffffffffffffff  CS: 0010  SS: 0018").append(eol);
    }

    /**
     * An arm64 kernel-mode exception frame: {@code PC: ffff800010a1b2c4  [tcp_ack+356]}, {@code LR:},
     * {@code SP: ... PSTATE: ...}, then X29 down to X0 three a row, then {@code ORIG_X0} and {@code SYSCALLNO}.
     */
    private void arm64Registers(StringBuilder b, String eol, String function) {
        b.append("     PC: ").append(hex64(0xffff800010000000L)).append("  [").append(function).append('+')
                .append(random.nextInt(600)).append(']').append(eol);
        b.append("     LR: ").append(hex64(0xffff800010000000L)).append("  [").append(function).append('+')
                .append(random.nextInt(600)).append(']').append(eol);
        b.append("     SP: ").append(hex64(0xffff800010000000L)).append("  PSTATE: 60400005").append(eol);
        for (int x = 29; x >= 0; x -= 3) {
            b.append("    ");
            for (int k = x; k > x - 3 && k >= 0; k--) {
                b.append(String.format(Locale.ROOT, "%3s: %s  ", "X" + k, hex64(0)));
            }
            b.setLength(b.length() - 2);
            b.append(eol);
        }
        b.append("    ORIG_X0: 0000000000000000  SYSCALLNO: ffffffffffffffff").append(eol);
    }

    /** How a console line starts: {@code [  153.518371] }, with a level, a caller id, a syslog or dmesg -T date. */
    private String prefix(int style, double time, int pid) {
        String ts = String.format(Locale.ROOT, "[%12.6f] ", time);
        return switch (style) {
            case 0, 1, 2 -> ts;
            case 3 -> "<4>" + ts;
            case 4 -> String.format(Locale.ROOT, "[%12.6f][ T%d] ", time, pid);
            case 5 -> String.format(Locale.ROOT, "Nov %2d %02d:%02d:%02d host kernel: ", 1 + (int) (time / 86400) % 28,
                    (int) (time / 3600) % 24, (int) (time / 60) % 60, (int) time % 60);
            default -> String.format(Locale.ROOT, "[Thu Nov 26 %02d:%02d:%02d 2026] ",
                    (int) (time / 3600) % 24, (int) (time / 60) % 60, (int) time % 60);
        };
    }

    private void consoleReport(StringBuilder b, int n, double time) {
        int pid = 1 + random.nextInt(40000);
        String ts = prefix(random.nextInt(7), time, pid);
        List<String> chain = stack(false);
        String fn0 = plainName(chain.get(0));
        b.append(ts).append(CHATTER[random.nextInt(CHATTER.length)]).append('\n');
        String comm = COMMANDS[random.nextInt(COMMANDS.length)];
        int kind = random.nextInt(10);
        if (kind < 6) {
            b.append(ts).append("BUG: kernel NULL pointer dereference, address: 0000000000000010").append('\n');
            b.append(ts).append("#PF: supervisor read access in kernel mode").append('\n');
            b.append(ts).append("Oops: 0000 [#").append(n).append("] SMP PTI").append('\n');
        } else if (kind < 8) {
            b.append(ts).append("WARNING: CPU: ").append(random.nextInt(64)).append(" PID: ").append(pid)
                    .append(" at ").append(SOURCE_DIRS[random.nextInt(SOURCE_DIRS.length)]).append(':')
                    .append(100 + random.nextInt(5000)).append(' ').append(fn0).append("+0x")
                    .append(Integer.toHexString(random.nextInt(0x200))).append("/0x400").append('\n');
            b.append(ts).append("Modules linked in: bridge e1000e mlx5_core ixgbe").append('\n');
        } else {
            arm64Report(b, ts, n, pid, comm, chain);
            return;
        }
        b.append(ts).append("CPU: ").append(random.nextInt(64)).append(" PID: ").append(pid)
                .append(" Comm: ").append(comm).append(" Not tainted 6.1.0 #1").append('\n');
        b.append(ts).append("Hardware name: QEMU Standard PC (i440FX + PIIX, 1996)").append('\n');
        b.append(ts).append("RIP: 0010:").append(fn0).append("+0x1c/0x400").append('\n');
        b.append(ts).append("Code: 48 89 e5 41 57 41 56 <48> 8b 47 10 4c 8b 7f 08").append('\n');
        b.append(ts).append("RSP: 0018:ffffc90000a3bd48 EFLAGS: 00010246").append('\n');
        b.append(ts).append("RAX: 0000000000000000 RBX: ffff888100a4c000 RCX: 0000000000000000").append('\n');
        b.append(ts).append("Call Trace:").append('\n');
        boolean irq = random.nextInt(5) == 0;
        if (irq) {
            b.append(ts).append(" <IRQ>").append('\n');
        }
        for (int i = 1; i < chain.size(); i++) {
            if (irq && i == chain.size() / 2) {
                b.append(ts).append(" </IRQ>").append('\n');
                b.append(ts).append(" <TASK>").append('\n');
            }
            String f = chain.get(i);
            int sp = f.indexOf(" [");
            String name = sp > 0 ? f.substring(0, sp) : f;
            String mod = sp > 0 ? f.substring(sp) : "";
            b.append(ts).append(random.nextInt(15) == 0 ? " ? " : " ").append(name).append("+0x")
                    .append(Integer.toHexString(random.nextInt(0x300))).append("/0x")
                    .append(Integer.toHexString(0x300 + random.nextInt(0x300))).append(mod).append('\n');
        }
        if (irq) {
            b.append(ts).append(" </TASK>").append('\n');
        }
        b.append(ts).append("---[ end trace ").append(hex64(0)).append(" ]---").append('\n');
    }

    /** An arm64 paging fault as printk writes it: {@code pc : fn+0x1c/0x400}, lower-case {@code Call trace:}. */
    private void arm64Report(StringBuilder b, String ts, int n, int pid, String comm, List<String> chain) {
        b.append(ts).append("Unable to handle kernel paging request at virtual address dead000000000108").append('\n');
        b.append(ts).append("Mem abort info:").append('\n');
        b.append(ts).append("Internal error: Oops: 96000044 [#").append(n).append("] PREEMPT SMP").append('\n');
        b.append(ts).append("CPU: ").append(random.nextInt(64)).append(" PID: ").append(pid)
                .append(" Comm: ").append(comm).append(" Not tainted 6.1.0 #1").append('\n');
        b.append(ts).append("pc : ").append(plainName(chain.get(0))).append("+0x")
                .append(Integer.toHexString(random.nextInt(0x200))).append("/0x400").append('\n');
        b.append(ts).append("lr : ").append(plainName(chain.get(Math.min(1, chain.size() - 1)))).append("+0x44/0x300").append('\n');
        b.append(ts).append("sp : ffff80000a3bbd40").append('\n');
        b.append(ts).append("x29: ffff80000a3bbd40 x28: ffff000012345600 x27: 0000000000000000").append('\n');
        b.append(ts).append("Call trace:").append('\n');
        for (String f : chain) {
            int sp = f.indexOf(" [");
            String name = sp > 0 ? f.substring(0, sp) : f;
            String mod = sp > 0 ? f.substring(sp) : "";
            b.append(ts).append(' ').append(name).append("+0x").append(Integer.toHexString(random.nextInt(0x300)))
                    .append("/0x").append(Integer.toHexString(0x300 + random.nextInt(0x300))).append(mod).append('\n');
        }
        b.append(ts).append("---[ end trace ").append(hex64(0)).append(" ]---").append('\n');
    }

    private static String plainName(String f) {
        int sp = f.indexOf(" [");
        return sp > 0 ? f.substring(0, sp) : f;
    }

    private String hex64(long base) {
        String h = Long.toHexString(base | (random.nextLong() & 0xffffffL));
        return "0000000000000000".substring(h.length()) + h;
    }
}
