package dev.pktpath.cli;

import dev.pktpath.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The text layout of {@code print}, through the real command line. */
class PrintLayoutTest {
    private static final Pattern FRAME_ROW = Pattern.compile("^\\s+#\\d+\\?? +\\S+(?: +\\[\\w+\\])? +([0-9a-f]{8,16})\\b.*$");

    private static List<String> print(String... args) {
        InProcessCli.Result r = InProcessCli.run(args);
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        return r.out().lines().toList();
    }

    @Test
    void alignsAddressesOfEveryFrameIncludingModuleFrames() {
        List<String> out = print("print", "--sample");
        List<Integer> columns = out.stream().map(FRAME_ROW::matcher).filter(Matcher::matches).map(m -> m.start(1)).distinct().toList();
        assertThat(out.stream().filter(l -> FRAME_ROW.matcher(l).matches())).hasSize(34);
        assertThat(columns).hasSize(1);
        assertThat(out).anyMatch(l -> l.contains("#32") && l.contains("bnx2_poll_work") && l.contains("[bnx2]"));
    }

    @Test
    void printsRegistersInAlignedColumnsUnderTheirFrame() {
        List<String> out = print("print", "--sample");
        int header = out.indexOf(out.stream().filter(l -> l.contains("[exception RIP: skb_clone+208]")).findFirst().orElseThrow());
        assertThat(out.get(header - 1)).contains("#8").contains("page_fault");
        List<String> regs = out.subList(header + 1, header + 7);
        assertThat(regs.get(0)).contains("RIP: ffffffff81415f40").contains("RSP: ffff8800282034c0").contains("RFLAGS: 00010246");
        for (String column : new String[] {"RIP:", "RSP:"}) {
            int at = regs.get(0).indexOf(column) + column.length();
            for (String row : regs) {
                assertThat(row.charAt(at - 1)).as("colon column in %s", row).isEqualTo(':');
            }
        }
        assertThat(out.get(header + 7)).contains("ORIG_RAX: ffffffffffffffff").contains("CS: 0010").contains("SS: 0018");
        assertThat(out.get(header + 8)).contains("#9").contains("dev_hard_start_xmit");
    }

    @Test
    void headsEachRunOfFramesWithTheStackItRanOn() {
        List<String> out = print("print", "../shared/corpus/crash-bt/038-commit-nmi-softirq-bogus-x86_64.txt");
        int nmi = out.indexOf("        --- nmi stack ---");
        int irq = out.indexOf("        --- irq stack ---");
        int task = out.indexOf("        --- task stack ---");
        assertThat(nmi).isPositive().isLessThan(irq);
        assertThat(irq).isLessThan(task);
        assertThat(out.get(nmi + 1)).contains("#0").contains("crash_nmi_callback");
        assertThat(out.get(irq + 1)).contains("#5").contains("__update_load_avg_se");
        assertThat(out.get(task + 1)).contains("#21").contains("do_idle");
        assertThat(out).anyMatch(l -> l.contains("possibly bogus exception frame"));
    }

    @Test
    void showsStackDataAndSourceLinesUnderTheirFrame() {
        List<String> f = print("print", "../shared/corpus/crash-bt/005-help-bt-f-x86.txt");
        int first = indexOfContaining(f, "#0");
        int second = indexOfContaining(f, "#1");
        assertThat(f.subList(first + 1, second)).hasSize(5).first().asString().contains("[RA: c0153088");
        List<String> l = print("print", "../shared/corpus/crash-bt/057-commit-riscv64-bt-l.txt");
        int frame = indexOfContaining(l, "#0  riscv_crash_save_regs");
        assertThat(l.get(frame + 1).strip()).startsWith("at /").endsWith("crash_save_regs.S:47");
    }

    @Test
    void sanitisesControlCharactersFromTheDump(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("evil.txt");
        Files.writeString(file, "PID: 1  TASK: ffff88003a4e8040  CPU: 0  COMMAND: \"a\u0007b\u001b]0;x\u0007\"\n"
                + " #0 [ffff88003fd03c20] evil\u0007func at ffffffff8103284b\n");
        List<String> out = print("print", file.toString());
        assertThat(String.join("\n", out)).doesNotContain("\u0007").doesNotContain("\u001b");
    }

    private static int indexOfContaining(List<String> lines, String s) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(s)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void printsABlockWhoseRegisterNamesAreAllLong(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("psw.txt");
        Files.writeString(file, """
                PID: 2417   TASK: 3f8a2c400        CPU: 1   COMMAND: "netperf"
                 #0 [3f2e1c58] tcp_ack at 4d2a1c
                 PSW:  0705200180000000 000003ff8a1b2c3e (user space)
                """);
        List<String> out = print("print", file.toString());
        assertThat(out).contains("          [user-mode registers]");
        assertThat(out).anyMatch(l -> l.contains("PSW_MASK: 0705200180000000") && l.contains("PSW_ADDR: 000003ff8a1b2c3e"));
    }
}
