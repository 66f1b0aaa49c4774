package dev.pktpath.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compact frame gives back exactly what it was given: addresses with their leading zeros, absent
 * numbers as null, the raw line as read (whether kept or rebuilt), and it compares like a record.
 * Frame lines here are written by hand in crash's and the kernel's print formats.
 */
class FrameTest {

    private static Frame crash(int level, String sp, String function, String address, String module, String raw) {
        return new Frame(level, level, function, null, null, address, sp, module, true, StackContext.TASK, null,
                false, 10 + level, raw);
    }

    @Test
    void addressesKeepTheirPrintedDigits() {
        Frame padded = crash(0, "00000000c0123456", "f", "00000000c0123456", null, "x");
        Frame plain = crash(0, "c0123456", "f", "c0123456", null, "x");
        assertThat(padded.address()).isEqualTo("00000000c0123456");
        assertThat(padded.stackAddress()).isEqualTo("00000000c0123456");
        assertThat(plain.address()).isEqualTo("c0123456");
        assertThat(plain.stackAddress()).isEqualTo("c0123456");
        assertThat(padded).isNotEqualTo(plain);
        assertThat(crash(0, null, "f", "0", null, "x").address()).isEqualTo("0");
        assertThat(crash(0, null, "f", "ffffffffffffffff", null, "x").address()).isEqualTo("ffffffffffffffff");
    }

    @Test
    void addressesThatAreNotShortLowercaseHexAreKeptAsGiven() {
        for (String odd : new String[]{"", "FFFF", "0x12", "123456789abcdef01", "zz"}) {
            Frame f = crash(1, odd, "f", odd, null, "#1 f at " + odd);
            assertThat(f.address()).isEqualTo(odd);
            assertThat(f.stackAddress()).isEqualTo(odd);
            assertThat(f.raw()).isEqualTo("#1 f at " + odd);
        }
        assertThat(crash(1, null, "f", null, null, null).address()).isNull();
        assertThat(crash(1, null, "f", null, null, null).stackAddress()).isNull();
    }

    @Test
    void absentNumbersAreNullAndPresentOnesAnyLong() {
        Frame none = new Frame(3, null, "f", null, null, null, null, null, true, StackContext.IRQ, null, false, 1, "f");
        assertThat(none.level()).isNull();
        assertThat(none.offset()).isNull();
        assertThat(none.size()).isNull();
        Frame zero = new Frame(3, 0, "f", 0L, 0L, null, null, null, true, StackContext.IRQ, null, false, 1, "f");
        assertThat(zero.level()).isZero();
        assertThat(zero.offset()).isZero();
        assertThat(zero.size()).isZero();
        assertThat(zero).isNotEqualTo(none);
        for (long v : new long[]{1, 0x7fff_ffffL, 0xffff_ffffL, 0x1_0000_0000L, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
            Frame f = new Frame(0, null, "f", v, v, null, null, null, true, null, null, false, 1, null);
            assertThat(f.offset()).isEqualTo(v);
            assertThat(f.size()).isEqualTo(v);
        }
        assertThat(new Frame(0, -5, "f", null, null, null, null, null, true, null, null, false, 1, null).level())
                .isEqualTo(-5);
    }

    @Test
    void aStackAddressWithOffsetAndSizeKeepsAllThree() {
        // ppc64 prints both: [c0000000fffb3b80] [c000000000ae4384] dev_hard_start_xmit+0x1ce/0x2e0 (hand-written)
        String line = "[c0000000fffb3b80] [c000000000ae4384] dev_hard_start_xmit+0x1ce/0x2e0";
        Frame f = new Frame(0, null, "dev_hard_start_xmit", 0x1ceL, 0x2e0L, "c000000000ae4384", "c0000000fffb3b80",
                null, true, StackContext.TASK, null, false, 1, line);
        assertThat(f.offset()).isEqualTo(0x1ce);
        assertThat(f.size()).isEqualTo(0x2e0);
        assertThat(f.stackAddress()).isEqualTo("c0000000fffb3b80");
        assertThat(f.address()).isEqualTo("c000000000ae4384");
        assertThat(f.raw()).isEqualTo(line);
        Frame onlyOffset = new Frame(0, null, "f", 0x10L, null, null, "c0000000fffb3b80", null, true, null, null,
                false, 1, null);
        assertThat(onlyOffset.offset()).isEqualTo(0x10);
        assertThat(onlyOffset.size()).isNull();
        assertThat(onlyOffset).isEqualTo(new Frame(0, null, "f", 0x10L, null, null, "c0000000fffb3b80", null, true,
                null, null, false, 1, null));
    }

    @Test
    void everyOtherFieldComesBack() {
        Frame f = new Frame(4, null, "tcp_ack", 0x1aL, 0x30L, null, null, "tcp", false, StackContext.SOFTIRQ,
                "net/ipv4/tcp_input.c:3700", true, 77, "? tcp_ack+0x1a/0x30 [tcp] net/ipv4/tcp_input.c:3700",
                List.of("ffff8800 00000000", "[RA: 1 SP: 2 FP: 3 SIZE: 4]"));
        assertThat(f.index()).isEqualTo(4);
        assertThat(f.function()).isEqualTo("tcp_ack");
        assertThat(f.module()).isEqualTo("tcp");
        assertThat(f.reliable()).isFalse();
        assertThat(f.context()).isEqualTo(StackContext.SOFTIRQ);
        assertThat(f.source()).isEqualTo("net/ipv4/tcp_input.c:3700");
        assertThat(f.inlined()).isTrue();
        assertThat(f.line()).isEqualTo(77);
        assertThat(f.raw()).isEqualTo("? tcp_ack+0x1a/0x30 [tcp] net/ipv4/tcp_input.c:3700");
        assertThat(f.stackData()).containsExactly("ffff8800 00000000", "[RA: 1 SP: 2 FP: 3 SIZE: 4]");
        Frame none = new Frame(0, null, null, null, null, null, null, null, true, null, null, false, 0, null, null);
        assertThat(none.function()).isNull();
        assertThat(none.context()).isNull();
        assertThat(none.raw()).isNull();
        assertThat(none.stackData()).isEmpty();
        assertThat(none.normalizedName()).isEmpty();
    }

    @Test
    void usualLinesAreRebuiltExactlyAndOthersKeptAsRead() {
        // crash bt lines, as the crash parser keeps them (stripped)
        String[] crashLines = {
                "#9 [ffff880028203518] dev_hard_start_xmit at ffffffff81421d2e",
                "#10 [ffffc900ffb95c31] e1000_clean_rx_irq at ffffffffc018a4ef [e1000e]",
                "#0 __schedule at ffffffff81976cf8",
        };
        Frame a = crash(9, "ffff880028203518", "dev_hard_start_xmit", "ffffffff81421d2e", null, crashLines[0]);
        Frame b = crash(10, "ffffc900ffb95c31", "e1000_clean_rx_irq", "ffffffffc018a4ef", "e1000e", crashLines[1]);
        Frame c = crash(0, null, "__schedule", "ffffffff81976cf8", null, crashLines[2]);
        assertThat(List.of(a.raw(), b.raw(), c.raw())).containsExactly(crashLines);
        assertThat(List.of(a, b, c)).noneMatch(Frame::keepsRawLine);
        // the same fields under a line printed otherwise: the line is kept as read
        String spaced = "#9  [ffff880028203518] dev_hard_start_xmit at ffffffff81421d2e";
        assertThat(crash(9, "ffff880028203518", "dev_hard_start_xmit", "ffffffff81421d2e", null, spaced).raw())
                .isEqualTo(spaced);
        String upper = "#9 [FFFF880028203518] dev_hard_start_xmit at ffffffff81421d2e";
        assertThat(crash(9, "ffff880028203518", "dev_hard_start_xmit", "ffffffff81421d2e", null, upper).raw())
                .isEqualTo(upper);
        String shorter = "#9 [ffff880028203518] dev_hard_start_xmit at ffffffff81421d2";
        assertThat(crash(9, "ffff880028203518", "dev_hard_start_xmit", "ffffffff81421d2e", null, shorter).raw())
                .isEqualTo(shorter);
        String longer = crashLines[0] + " (unreliable)";
        assertThat(crash(9, "ffff880028203518", "dev_hard_start_xmit", "ffffffff81421d2e", null, longer).raw())
                .isEqualTo(longer);
        assertThat(crash(9, "ffff880028203518", "dev_hard_start_xmit", "ffffffff81421d2e", null, longer).keepsRawLine())
                .isTrue();

        // console lines, modern and with the address older kernels print
        String[][] console = {
                {"? tcp_ack+0x1a/0x30 [tcp]", null, "false"},
                {"tcp_ack+0x0/0x30", null, "true"},
                {"[<ffffffff81421d2e>] ? dev_hard_start_xmit+0x1ce/0x2e0", "ffffffff81421d2e", "false"},
                {"[<00000000c0123456>] dev_hard_start_xmit+0x1ce/0x2e0", "00000000c0123456", "true"},
        };
        for (String[] row : console) {
            String fn = row[0].replaceAll(".*?([a-z_]+)\\+.*", "$1");
            long off = Long.parseLong(row[0].replaceAll(".*\\+0x([0-9a-f]+)/.*", "$1"), 16);
            long size = Long.parseLong(row[0].replaceAll(".*/0x([0-9a-f]+).*", "$1"), 16);
            Frame f = new Frame(0, null, fn, off, size, row[1], null, row[0].endsWith("[tcp]") ? "tcp" : null,
                    Boolean.parseBoolean(row[2]), StackContext.TASK, null, false, 1, row[0]);
            assertThat(f.raw()).isEqualTo(row[0]);
            assertThat(f.keepsRawLine()).isFalse();
        }
        String zeroPaddedOffset = "tcp_ack+0x01a/0x30";
        assertThat(new Frame(0, null, "tcp_ack", 0x1aL, 0x30L, null, null, null, true, null, null, false, 1,
                zeroPaddedOffset).raw()).isEqualTo(zeroPaddedOffset);
    }

    @Test
    void comparesLikeARecord() {
        Frame a = crash(2, "ffffc9002de4defe", "do_nanosleep", "ffffffff8155b577", null,
                "#2 [ffffc9002de4defe] do_nanosleep at ffffffff8155b577");
        Frame same = crash(2, "ffffc9002de4defe", new String("do_nanosleep"), "ffffffff8155b577", null,
                "#2 [ffffc9002de4defe] do_nanosleep at ffffffff8155b577");
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(a).isNotEqualTo(crash(2, "ffffc9002de4defe", "do_nanosleep", "ffffffff8155b578", null,
                "#2 [ffffc9002de4defe] do_nanosleep at ffffffff8155b577"));
        assertThat(a).isNotEqualTo(a.withIndex(3));
        assertThat(a.withIndex(3).withIndex(2)).isEqualTo(a);
        assertThat(a.toString()).isEqualTo("Frame[index=2, level=2, function=do_nanosleep, offset=null, size=null,"
                + " address=ffffffff8155b577, stackAddress=ffffc9002de4defe, module=null, reliable=true,"
                + " context=TASK, source=null, inlined=false, line=12,"
                + " raw=#2 [ffffc9002de4defe] do_nanosleep at ffffffff8155b577, stackData=[]]");
    }

    @Test
    void withGivesTheSameFrameAsTheConstructor() {
        Frame a = crash(2, "ffffc9002de4defe", "do_nanosleep", "ffffffff8155b577", "m",
                "#2 [ffffc9002de4defe] do_nanosleep at ffffffff8155b577 [m]");
        List<String> data = List.of("ffffc9002de4df00: 0000000000000000 ffffffff8155b577");
        for (String source : new String[]{null, "kernel/time/hrtimer.c:1900"}) {
            for (List<String> d : List.of(List.<String>of(), data)) {
                Frame viaWith = a.with(StackContext.IRQ, source, d);
                Frame viaConstructor = new Frame(a.index(), a.level(), a.function(), a.offset(), a.size(), a.address(),
                        a.stackAddress(), a.module(), a.reliable(), StackContext.IRQ, source, a.inlined(), a.line(),
                        a.raw(), d);
                assertThat(viaWith).isEqualTo(viaConstructor).hasSameHashCodeAs(viaConstructor);
                assertThat(viaWith.with(StackContext.TASK, null, null)).isEqualTo(a.with(StackContext.TASK, null, null));
                assertThat(viaWith.raw()).isEqualTo(a.raw());
            }
        }
    }

    @Test
    void theCompactFactoryMatchesTheConstructor() {
        Frame viaFactory = Frame.of(1, 1, "schedule", Frame.NONE, Frame.NONE, 0xffffffff816c400fL, 16,
                0xc0123456L, 16, null, true, StackContext.TASK, null, false, 5,
                "#1 [00000000c0123456] schedule at ffffffff816c400f");
        Frame viaConstructor = crash(1, "00000000c0123456", "schedule", "ffffffff816c400f", null,
                "#1 [00000000c0123456] schedule at ffffffff816c400f");
        assertThat(viaFactory).isEqualTo(new Frame(1, 1, "schedule", null, null, "ffffffff816c400f",
                "00000000c0123456", null, true, StackContext.TASK, null, false, 5,
                "#1 [00000000c0123456] schedule at ffffffff816c400f"));
        assertThat(viaFactory.stackAddress()).isEqualTo(viaConstructor.stackAddress());
        Frame console = Frame.of(0, Frame.NONE, "tcp_ack", 0x1a, 0x30, 0, 0, 0, 0, "tcp", false, StackContext.IRQ,
                null, false, 3, "? tcp_ack+0x1a/0x30 [tcp]");
        assertThat(console).isEqualTo(new Frame(0, null, "tcp_ack", 0x1aL, 0x30L, null, null, "tcp", false,
                StackContext.IRQ, null, false, 3, "? tcp_ack+0x1a/0x30 [tcp]"));
        assertThat(console.address()).isNull();
        assertThat(console.level()).isNull();
        assertThatThrownBy(() -> Frame.of(0, 0, "f", 0, 0, 0x123, 2, 0, 0, null, true, null, null, false, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frame.of(0, 0, "f", 0, 0, 0x1, 17, 0, 0, null, true, null, null, false, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
