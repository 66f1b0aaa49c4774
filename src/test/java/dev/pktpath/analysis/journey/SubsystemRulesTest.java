package dev.pktpath.analysis.journey;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.Rule;
import dev.pktpath.analysis.RuleMatch;
import dev.pktpath.analysis.RuleSource;
import dev.pktpath.analysis.RulesException;
import dev.pktpath.analysis.RulesLoader;
import dev.pktpath.analysis.SubsystemRules;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubsystemRulesTest {
    private static final SubsystemRules BUILT_IN = SubsystemRules.builtIn();
    private static final RuleSource USER = new RuleSource(RuleSource.Kind.COMMAND_LINE, "my.rules");

    static Frame frame(String function, String module, String source) {
        return new Frame(0, 0, function, null, null, null, null, module, true, StackContext.TASK, source, false, 1, function);
    }

    static RuleMatch match(SubsystemRules rules, String function) {
        return rules.match(frame(function, null, null));
    }

    @Test
    void builtInTableCoversTheStackBroadly() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("ipv6_rcv", "net-ipv6"), Map.entry("udp_queue_rcv_skb", "net-udp"),
                Map.entry("sctp_rcv", "net-sctp"), Map.entry("icmp_send", "net-ipv4"),
                Map.entry("nf_hook_slow", "netfilter"), Map.entry("ipt_do_table", "netfilter"),
                Map.entry("br_handle_frame", "net-bridge"), Map.entry("vlan_do_receive", "net-vlan"),
                Map.entry("bond_start_xmit", "net-bond"), Map.entry("vxlan_xmit", "net-tunnel"),
                Map.entry("bpf_prog_run_xdp", "net-bpf"), Map.entry("netlink_unicast", "net-netlink"),
                Map.entry("pfifo_fast_dequeue", "net-sched"), Map.entry("mlx5e_napi_poll", "net-driver"),
                Map.entry("ixgbe_clean_rx_irq", "net-driver"), Map.entry("virtnet_poll", "net-driver"),
                Map.entry("ena_io_poll", "net-driver"), Map.entry("vmxnet3_poll_rx_only", "net-driver"),
                Map.entry("kmem_cache_alloc", "mm"), Map.entry("schedule", "sched"),
                Map.entry("ext4_file_write_iter", "fs"), Map.entry("blk_mq_run_hw_queue", "block"),
                Map.entry("_raw_spin_lock_irqsave", "locking"), Map.entry("__do_softirq", "irq"),
                Map.entry("call_timer_fn", "timer"), Map.entry("crash_kexec", "kdump"),
                Map.entry("do_page_fault", "fault"), Map.entry("raw_spin_rq_lock_nested", "locking"));
        expected.forEach((fn, sub) -> assertThat(match(BUILT_IN, fn).subsystem()).as(fn).isEqualTo(sub));
    }

    @Test
    void fixedStagesAndFamiliesAsTheIssueSays() {
        assertThat(match(BUILT_IN, "tcp_v4_rcv").stage().text()).isEqualTo("l4-rx");
        assertThat(match(BUILT_IN, "tcp_transmit_skb").stage().text()).isEqualTo("l4-tx");
        assertThat(match(BUILT_IN, "ip_rcv").stage().text()).isEqualTo("l3-rx");
        assertThat(match(BUILT_IN, "ip_queue_xmit").stage().text()).isEqualTo("l3-tx");
        assertThat(match(BUILT_IN, "tcp_ack").stage().text()).isEqualTo("l4");
        assertThat(match(BUILT_IN, "skb_clone").stage().text()).isEqualTo("caller");
        assertThat(match(BUILT_IN, "page_fault").stage().text()).isEqualTo("fault");
    }

    @Test
    void cloneSuffixesAndPpc64DotsAreIgnored() {
        assertThat(match(BUILT_IN, "tcp_v4_rcv.isra.12").stage().text()).isEqualTo("l4-rx");
        assertThat(match(BUILT_IN, ".ip_rcv").stage().text()).isEqualTo("l3-rx");
    }

    @Test
    void unknownFunctionIsUnknownWithNoStage() {
        RuleMatch m = match(BUILT_IN, "frobnicate_widget");
        assertThat(m.subsystem()).isEqualTo("unknown");
        assertThat(m.stage().hasStage()).isFalse();
        assertThat(m.rule()).isNull();
    }

    @Test
    void userRulesOverrideBuiltInOnes() throws RulesException {
        SubsystemRules mine = BUILT_IN.plus("""
                # my team's view of TCP ACK processing
                tcp_ack            net-tcp-ack   l4-rx
                frobnicate_*       my-driver     driver-rx
                """, USER);
        assertThat(match(mine, "tcp_ack").subsystem()).isEqualTo("net-tcp-ack");
        assertThat(match(mine, "tcp_ack").rule().source()).isEqualTo(USER);
        assertThat(match(mine, "tcp_ack").rule().line()).isEqualTo(2);
        assertThat(match(mine, "frobnicate_widget").subsystem()).isEqualTo("my-driver");
        assertThat(mine.subsystems()).contains("my-driver", "net-tcp-ack", "unknown");
        assertThat(match(BUILT_IN, "tcp_ack").subsystem()).isEqualTo("net-tcp");
    }

    @Test
    void userRulesChangeTheJourney() throws RulesException {
        SubsystemRules mine = BUILT_IN.plus("tcp_ack  net-tcp  l4-tx", USER);
        TraceAnalysis a = new Analyzer(mine).analyze(TraceFixtures.trace("tcp_xmit_retransmit_queue", "tcp_ack",
                "tcp_rcv_state_process", "tcp_v4_rcv"));
        assertThat(a.trace().frames().get(a.journey().turnaroundTo()).function()).isEqualTo("tcp_ack");
    }

    @Test
    void keepSubsystemChangesOnlyTheStage() throws RulesException {
        SubsystemRules mine = BUILT_IN.plus("tcp_ack  =  -", USER);
        RuleMatch m = match(mine, "tcp_ack");
        assertThat(m.subsystem()).isEqualTo("net-tcp");
        assertThat(m.stage().hasStage()).isFalse();
    }

    @Test
    void pathRuleGivesTheSubsystemAndAgreeingFunctionRuleTheStage() throws RulesException {
        Frame tcp = frame("tcp_v4_rcv", null, "net/ipv4/tcp_ipv4.c:1740");
        assertThat(BUILT_IN.match(tcp).subsystem()).isEqualTo("net-tcp");
        assertThat(BUILT_IN.match(tcp).stage().text()).isEqualTo("l4-rx");
        Frame helper = frame("helper_without_rule", null, "/usr/src/debug/linux-4.18/net/ipv6/ip6_output.c: 204");
        assertThat(BUILT_IN.match(helper).subsystem()).isEqualTo("net-ipv6");
        // A function rule that names another subsystem loses to the file's location.
        Frame misnamed = frame("tcp_like_name", null, "drivers/net/ethernet/foo/foo_main.c:12");
        assertThat(BUILT_IN.match(misnamed).subsystem()).isEqualTo("net-driver");
    }

    @Test
    void moduleRuleClassifiesAnOtherwiseUnknownDriverFunction() {
        assertThat(BUILT_IN.match(frame("mystery_fn", "bnx2", null)).subsystem()).isEqualTo("net-driver");
        assertThat(BUILT_IN.match(frame("mystery_fn", "no_such_module", null)).subsystem()).isEqualTo("unknown");
    }

    @Test
    void badRuleLinesNameFileAndLine() {
        assertThatThrownBy(() -> BUILT_IN.plus("tcp_ack net-tcp\n", USER))
                .isInstanceOf(RulesException.class).hasMessageStartingWith("my.rules:1: expected three columns");
        assertThatThrownBy(() -> BUILT_IN.plus("\n# c\ntcp_ack net-tcp l5-rx\n", USER))
                .hasMessageStartingWith("my.rules:3: unknown stage 'l5-rx'");
        assertThatThrownBy(() -> BUILT_IN.plus("tcp_ack Net_TCP l4\n", USER)).hasMessageContaining("my.rules:1: subsystem");
        assertThatThrownBy(() -> BUILT_IN.plus("{tcp_ack net-tcp l4\n", USER)).hasMessageContaining("unclosed '{'");
        assertThatThrownBy(() -> BUILT_IN.plus("file:net/x net-tcp l4\n", USER)).hasMessageContaining("unknown pattern kind");
        assertThatThrownBy(() -> BUILT_IN.plus("tcp_ack net-tcp l4-rx:tx\n", USER)).hasMessageContaining("unknown stage");
    }

    @Test
    void everyBuiltInRuleIsUsableAndTheHeaderDocumentsTheFormat() {
        assertThat(BUILT_IN.rules()).hasSizeGreaterThan(300);
        for (Rule r : BUILT_IN.rules()) {
            assertThat(r.source()).isEqualTo(RuleSource.BUILT_IN);
        }
        assertThat(SubsystemRules.builtInText()).contains("# Format:", "PATTERN", "SUBSYSTEM", "STAGE", "--rules",
                "XDG_CONFIG_HOME", "LAST matching rule");
    }

    @Test
    void userFileUnderXdgConfigHomeIsLoadedBeforeTheRulesOption(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("pktpath-tui"));
        Files.writeString(config.resolve("pktpath-tui/subsystems.rules"), "tcp_ack  from-user-file  l4\n");
        Path extra = Files.writeString(dir.resolve("extra.rules"), "tcp_v4_rcv  from-option  l4-rx\n");
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString(), "HOME", "/nonexistent");
        SubsystemRules rules = RulesLoader.load(extra, env);
        assertThat(match(rules, "tcp_ack").subsystem()).isEqualTo("from-user-file");
        assertThat(match(rules, "tcp_ack").rule().source().kind()).isEqualTo(RuleSource.Kind.USER_CONFIG);
        assertThat(match(rules, "tcp_v4_rcv").subsystem()).isEqualTo("from-option");

        Path later = Files.writeString(dir.resolve("later.rules"), "tcp_ack  from-option  l4\n");
        assertThat(match(RulesLoader.load(later, env), "tcp_ack").subsystem()).isEqualTo("from-option");
    }

    @Test
    void homeConfigIsTheDefaultAndRelativeXdgIsIgnored() {
        assertThat(RulesLoader.userRulesFile(Map.of("HOME", "/home/ada")))
                .isEqualTo(Path.of("/home/ada/.config/pktpath-tui/subsystems.rules"));
        assertThat(RulesLoader.userRulesFile(Map.of("HOME", "/home/ada", "XDG_CONFIG_HOME", "rel")))
                .isEqualTo(Path.of("/home/ada/.config/pktpath-tui/subsystems.rules"));
        assertThat(RulesLoader.userRulesFile(Map.of())).isNull();
    }

    @Test
    void unusableRulesFilesAreOneLineErrors(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of();
        assertThatThrownBy(() -> RulesLoader.load(dir.resolve("missing.rules"), env)).hasMessageEndingWith("no such file");
        assertThatThrownBy(() -> RulesLoader.load(dir, env)).hasMessageContaining("is a directory");
        Path bin = Files.write(dir.resolve("bin.rules"), new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> RulesLoader.load(bin, env)).hasMessageContaining("not UTF-8");
    }
}
