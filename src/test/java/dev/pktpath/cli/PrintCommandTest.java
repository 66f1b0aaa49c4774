package dev.pktpath.cli;

import dev.pktpath.testing.InProcessCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.pktpath.testing.InProcessCli.run;
import static org.assertj.core.api.Assertions.assertThat;

class PrintCommandTest {
    @Test
    void printsTheSampleAsAnAlignedBacktrace() {
        Result r = run("print", "--sample");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("#32").contains("bnx2_poll_work").contains("[bnx2]")
                .contains("exception RIP: skb_clone+208").contains("ffffffff81415f40");
    }

    @Test
    void jsonCarriesTheSchemaTag() {
        Result r = run("print", "--json", "--sample");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("{\"schema\":\"pktpath-tui/1\"");
    }

    @Test
    void missingFileIsOneLineAndExitOne() {
        Result r = run("print", "/nonexistent/dump.txt");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("pktpath-tui: /nonexistent/dump.txt: no such file");
    }

    @Test
    void directoryEmptyAndBinaryAreRefused(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Path bin = Files.write(dir.resolve("bin"), new byte[]{0x7f, 'E', 'L', 'F', 0, 1, 2, 3});
        assertThat(run("print", dir.toString())).satisfies(r -> {
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).contains("is a directory").doesNotContain("Exception");
        });
        assertThat(run("print", empty.toString()).err()).contains("empty input");
        assertThat(run("print", bin.toString()).err()).contains("binary data");
    }

    @Test
    void usageErrorExitsTwo() {
        assertThat(run("print", "--no-such-option").status()).isEqualTo(2);
    }
}
