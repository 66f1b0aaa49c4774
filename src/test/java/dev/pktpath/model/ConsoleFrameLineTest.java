package dev.pktpath.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Frame#ofConsoleLine}, the console parser's way in for a frame line it knows the fields rebuild,
 * stores the frame {@link Frame#of} stores for that line. Lines written here in the kernel's print
 * format ({@code printk("%pS")} after the console prefix), not taken from a corpus.
 */
class ConsoleFrameLineTest {

    private static Frame general(int index, String function, long offset, long size, String module, boolean reliable,
                                 StackContext context, int line, String raw) {
        return Frame.of(index, Frame.NONE, function, offset, size, 0, 0, 0, 0, module, reliable, context, null, false,
                line, raw);
    }

    @Test
    void theUsualLinesGiveTheFrameOfTheGeneralWayIn() {
        Object[][] cases = {
            {"tcp_ack", 0x241L, 0x377L, null, true, "tcp_ack+0x241/0x377"},
            {"dev_queue_xmit", 0x108L, 0x4aaL, null, false, "? dev_queue_xmit+0x108/0x4aa"},
            {"bnx2_poll", 0x9bL, 0x476L, "bnx2", true, "bnx2_poll+0x9b/0x476 [bnx2]"},
            {"bnx2_poll_work", 0L, 0xffff_ffffL, "bnx2", false, "? bnx2_poll_work+0x0/0xffffffff [bnx2]"},
            {"f", 0L, 0L, null, true, "f+0x0/0x0"},
        };
        for (StackContext context : StackContext.values()) {
            for (Object[] c : cases) {
                String raw = (String) c[5];
                Frame fast = Frame.ofConsoleLine(4, (String) c[0], (Long) c[1], (Long) c[2], (String) c[3],
                        (Boolean) c[4], context, 77);
                Frame expected = general(4, (String) c[0], (Long) c[1], (Long) c[2], (String) c[3], (Boolean) c[4],
                        context, 77, raw);
                assertThat(fast).as(raw).isEqualTo(expected);
                assertThat(fast.hashCode()).as(raw).isEqualTo(expected.hashCode());
                assertThat(fast.raw()).isEqualTo(raw);
                assertThat(fast.keepsRawLine()).isFalse();
                assertThat(fast.offset()).isEqualTo(c[1]);
                assertThat(fast.size()).isEqualTo(c[2]);
                assertThat(fast.module()).isEqualTo(c[3]);
                assertThat(fast.reliable()).isEqualTo(c[4]);
                assertThat(fast.context()).isEqualTo(context);
                assertThat(fast.source()).isNull();
                assertThat(fast.inlined()).isFalse();
                assertThat(fast.address()).isNull();
                assertThat(fast.level()).isNull();
            }
        }
    }

    @Test
    void numbersItCannotStoreAreRefused() {
        for (long bad : new long[]{-1, 0x1_0000_0000L, Long.MAX_VALUE}) {
            assertThatThrownBy(() -> Frame.ofConsoleLine(0, "f", bad, 1, null, true, StackContext.TASK, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Frame.ofConsoleLine(0, "f", 1, bad, null, true, StackContext.TASK, 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Frame.ofConsoleLine(0, null, 1, 1, null, true, StackContext.TASK, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
