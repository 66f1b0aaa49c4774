package dev.pktpath.parse.oops;

import dev.pktpath.testing.InProcessCli.Result;
import org.junit.jupiter.api.Test;

import static dev.pktpath.testing.InProcessCli.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The surface for console reports: {@code print} and {@code print --json}, run in-process through picocli. */
class OopsPrintCommandTest {
    private static final String PPC64 = "../shared/corpus/satyr/rhbz-1040900-ppc64-1";
    private static final String ARM = "../shared/corpus/satyr/arm-hung-task-oops-2";

    @Test
    void printShowsTheTitleAboveTheTrace() {
        Result r = run("print", ARM);
        assertThat(r.status()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).startsWith("trace 1/1").contains("arm").contains("oops").contains("8 frames");
        assertThat(lines[1]).isEqualTo("BUG: unable to handle kernel NULL pointer dereference in shmem_getpage_gfp");
        assertThat(r.out()).contains("generic_perform_write+0xa8/0x1c0").contains("ret_fast_syscall");
    }

    @Test
    void jsonFillsKindTitleGuiltyCrashSiteAndRegisters() {
        Result r = run("print", "--json", PPC64);
        assertThat(r.status()).isZero();
        String json = r.out();
        assertThat(json).contains("\"format\":\"oops\"").contains("\"arch\":\"ppc64\"")
                .contains("\"kind\":\"WARNING\"")
                .contains("\"title\":\"WARNING in eeh_dev_check_failure\"")
                .contains("\"guilty\":\"eeh_dev_check_failure\"")
                .contains("\"crashSite\":{\"function\":\"eeh_dev_check_failure\",\"offset\":636,\"size\":912}")
                .contains("\"registers\":{\"NIP\":\"c000000008068dfc\",\"LR\":\"c000000008068df8\"")
                .contains("\"task\":{\"pid\":191,\"task\":null,\"cpu\":1,\"command\":\"systemd-udevd\"}")
                .contains("\"reliable\":false");
    }

    @Test
    void aLogWithoutAReportExitsOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path quiet = java.nio.file.Files.writeString(dir.resolve("dmesg.txt"),
                "[    1.000000] usb 1-1: new high-speed USB device number 2 using ehci-pci\n");
        Result r = run("print", quiet.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception");
    }
}
