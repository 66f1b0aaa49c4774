package dev.pktpath.robust;

import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;

/**
 * A million frames through parse, analysis, print's text and JSON, diff and cluster, in a JVM of its
 * own so that the heap it needs is bounded (-Xmx) and measured, not borrowed from the test JVM.
 * Prints one line of timings; exits 0 when every stage completed.
 */
public final class MillionFrames {
    private MillionFrames() {
    }

    static String crashBt(int frames) {
        String[] names = {"tcp_v4_rcv", "ip_local_deliver", "__netif_receive_skb", "net_rx_action", "skb_clone",
                "dev_hard_start_xmit", "schedule", "kmem_cache_alloc", "recursive_call.isra.3", "bnx2_poll_work"};
        StringBuilder b = new StringBuilder(64 * frames);
        b.append("PID: 0      TASK: ffffffff81a8d020  CPU: 3   COMMAND: \"swapper\"\n");
        for (int i = 0; i < frames; i++) {
            b.append(" #").append(i).append(" [ffff8800").append(String.format("%08x", i * 16)).append("] ")
                    .append(names[i % names.length]).append(" at ffffffff81421d2e\n");
        }
        return b.toString();
    }

    static String oops(int frames) {
        String[] names = {"tcp_v4_rcv", "ip_local_deliver", "__netif_receive_skb", "net_rx_action", "skb_clone"};
        StringBuilder b = new StringBuilder(24 * frames);
        b.append("BUG: unable to handle kernel NULL pointer dereference at 0000000000000010\n");
        b.append("CPU: 1 PID: 42 Comm: syz-executor Not tainted 4.15.0+ #221\n");
        b.append("Call Trace:\n");
        for (int i = 0; i < frames; i++) {
            b.append(' ').append(names[i % names.length]).append("+0x1a/0x30\n");
        }
        return b.toString();
    }

    public static void main(String[] args) {
        int frames = 1_000_000;
        String text = args[0].equals("oops") ? oops(frames) : crashBt(frames);
        long t0 = System.nanoTime();
        Dump d = new DumpParser().parse("million", text);
        long parsed = System.nanoTime();
        int found = d.traces().stream().mapToInt(t -> t.frames().size()).sum();
        Pipeline.Output o = Pipeline.bulk(d);
        long done = System.nanoTime();
        long chars = o.all().stream().mapToLong(String::length).sum();
        System.out.printf("frames=%d parse=%.1fs rest=%.1fs output=%d chars heap=%d MB%n", found, (parsed - t0) / 1e9,
                (done - parsed) / 1e9, chars, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }
}
