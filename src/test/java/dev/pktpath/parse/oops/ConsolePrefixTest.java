package dev.pktpath.parse.oops;

import dev.pktpath.model.Dump;
import dev.pktpath.parse.ConsolePrefix;
import dev.pktpath.parse.DumpParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Console prefixes. The corpus shows timestamps and caller ids; the syslog, journald, {@code dmesg -T}
 * and log-level shapes below are written here after rsyslog's, journalctl's and dmesg's formats, as no
 * corpus file has them.
 */
class ConsolePrefixTest {
    private static ConsolePrefix.Stripped strip(String line) {
        return ConsolePrefix.strip(line);
    }

    @Test
    void stripsTimestampAndKeepsFrameIndentation() {
        ConsolePrefix.Stripped s = strip("[   54.177254]  dump_stack+0x194/0x257");
        assertThat(s.text()).isEqualTo(" dump_stack+0x194/0x257");
        assertThat(s.prefixed()).isTrue();
        assertThat(s.caller()).isNull();
    }

    @Test
    void readsCallerIds() {
        assertThat(strip("[ 3416.916116][ T5831] Kernel panic - not syncing: sysrq triggered crash"))
                .isEqualTo(new ConsolePrefix.Stripped("Kernel panic - not syncing: sysrq triggered crash", "T5831", true));
        assertThat(strip("[ 1328.320974][    C1] Unhandled fault: page domain fault (0x01b) at 0x00000ea3").caller())
                .isEqualTo("C1");
        assertThat(strip("[ 9080.454760][T11783] Internal error: : 1b [#1] PREEMPT SMP ARM").caller()).isEqualTo("T11783");
    }

    @Test
    void stripsLogLevelSyslogJournalAndDmesgDates() {
        assertThat(strip("<4>[  123.456789] WARNING: CPU: 1 PID: 42 at net/core/dev.c:3213 skb_warn_bad_offload+0x2bc/0x3b0").text())
                .startsWith("WARNING: CPU: 1");
        assertThat(strip("<1>BUG: unable to handle kernel NULL pointer dereference at 0000000000000010").text())
                .startsWith("BUG: unable");
        assertThat(strip("Mar  3 10:00:00 gw kernel: [  123.456789] Call Trace:").text()).isEqualTo("Call Trace:");
        assertThat(strip("Mar 13 10:00:00 gw kernel: Call Trace:").text()).isEqualTo("Call Trace:");
        assertThat(strip("2024-03-03T10:00:00.123456+00:00 gw kernel: RIP: 0010:skb_clone+0x1a/0x30").text())
                .isEqualTo("RIP: 0010:skb_clone+0x1a/0x30");
        assertThat(strip("[Thu Nov 26 04:20:32 2026] general protection fault: 0000 [#1] SMP").text())
                .isEqualTo("general protection fault: 0000 [#1] SMP");
    }

    @Test
    void stripsConsoleNoiseGluedBeforeAMessage() {
        assertThat(strip("syzkaller login: [   16.305150] INFO: trying to register non-static key.").text())
                .isEqualTo("INFO: trying to register non-static key.");
        assertThat(strip("** 5311 printk messages dropped ** [   60.136772] INFO: Freed in fasync_free_rcu+0x14/0x20").text())
                .startsWith("INFO: Freed in");
        ConsolePrefix.Stripped dated = strip("2018/01/09 14:28:48 BUG: memory leak");
        assertThat(dated.text()).isEqualTo("BUG: memory leak");
        assertThat(dated.prefixed()).as("a tool's date is no kernel timestamp").isFalse();
    }

    @Test
    void leavesBracketedAddressesAlone() {
        String ppc = "[c000000010f930b0] [c000000008068df8] .eeh_dev_check_failure+0x278/0x390 (unreliable)";
        assertThat(strip(ppc)).isEqualTo(new ConsolePrefix.Stripped(ppc, null, false));
        String x86 = " [<ffffffff8105d670>] warn_slowpath_common+0x70/0xa0";
        assertThat(strip(x86).text()).isEqualTo(x86);
        assertThat(strip("[<c0333330>] (shmem_getpage_gfp) from [<c031c7a0>] (generic_perform_write+0xa8/0x1c0)").prefixed())
                .isFalse();
    }

    /** The same report read through each prefix style parses the same. */
    @Test
    void everyPrefixStyleGivesTheSameTraces() throws IOException {
        String bare = ConsoleReportGoldenTest.satyr("github-73");
        var expected = NoiseAroundReportProperties.signature(new DumpParser().parse("bare", bare));
        assertThat(expected).isNotEmpty();
        for (UnaryOperator<String> style : java.util.List.<UnaryOperator<String>>of(
                l -> "<4>" + l,
                l -> "Nov 26 04:20:32 gw kernel: " + l,
                l -> "2026-11-26T04:20:32.000001+00:00 gw kernel: " + l,
                l -> "[Thu Nov 26 04:20:32 2026] " + l,
                l -> "[ 1234.567890][ T1797] " + l,
                l -> "<4>[ 1234.567890] " + l)) {
            String prefixed = bare.lines().map(style).collect(Collectors.joining("\n", "", "\n"));
            Dump d = new DumpParser().parse("prefixed", prefixed);
            assertThat(NoiseAroundReportProperties.signature(d)).isEqualTo(expected);
        }
    }
}
