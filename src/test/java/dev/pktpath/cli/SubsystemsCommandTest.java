package dev.pktpath.cli;

import dev.pktpath.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.pktpath.testing.InProcessCli.run;
import static org.assertj.core.api.Assertions.assertThat;

class SubsystemsCommandTest {
    @Test
    void listsTheContractsSubsystemsStagesAndEveryRuleWithItsOrigin() {
        InProcessCli.Result r = run("subsystems");
        assertThat(r.status()).isZero();
        for (String s : new String[]{"net-driver", "net-core", "net-ipv4", "net-ipv6", "net-tcp", "net-udp", "net-sched",
                "netfilter", "net-bridge", "mm", "sched", "fs", "block", "locking", "irq", "kdump", "fault", "unknown"}) {
            assertThat(r.out()).containsPattern("Subsystems:[\\s\\S]* " + s + "[ \\n]");
        }
        assertThat(r.out()).contains("Stages (rx to tx): driver-rx gro core-rx l2 netfilter l3-rx l4-rx socket l4-tx l3-tx"
                + " neigh core-tx qdisc driver-tx crash fault");
        assertThat(r.out()).containsPattern("built-in:\\d+ +net-tcp +l4-rx +\\{tcp_v4_rcv,");
    }

    @Test
    void userRulesAreListedLastAndOverriddenBuiltInsAreMarked(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("team.rules"), "dev_watchdog  net-sched  qdisc\n");
        InProcessCli.Result r = run("subsystems", "--rules", rules.toString());
        assertThat(r.status()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines[lines.length - 1]).contains(rules + ":1").contains("net-sched").contains("dev_watchdog");
        assertThat(r.out()).containsPattern("dev_watchdog +\\(overridden by " + java.util.regex.Pattern.quote(rules.toString()) + ":1\\)");
    }

    @Test
    void explainsWhichRuleClassifiesAFunction() {
        InProcessCli.Result r = run("subsystems", "tcp_ack", "no_such_function_anywhere");
        assertThat(r.out()).containsPattern("tcp_ack +net-tcp +l4 +by built-in:\\d+ +\\{tcp_\\*,")
                .containsPattern("no_such_function_anywhere +unknown +- +no rule matches");
    }

    @Test
    void showBuiltInPrintsTheDocumentedTable() {
        InProcessCli.Result r = run("subsystems", "--show-built-in");
        assertThat(r.out()).startsWith("# pktpath-tui subsystem and packet-journey rules").contains("# Format:");
    }
}
