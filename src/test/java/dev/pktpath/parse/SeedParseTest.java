package dev.pktpath.parse;

import dev.pktpath.model.Dump;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Trace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedParseTest {
    private final Trace seed = new DumpParser().parse("seed", InputReader.readSample()).traces().get(0);

    @Test
    void parsesAllThirtyFourFramesInOrder() {
        assertThat(seed.frames()).hasSize(34);
        assertThat(seed.frames().get(0).function()).isEqualTo("machine_kexec");
        assertThat(seed.frames().get(33).function()).isEqualTo("bnx2_poll");
        for (int i = 0; i < 34; i++) {
            assertThat(seed.frames().get(i).level()).isEqualTo(i);
            assertThat(seed.frames().get(i).index()).isEqualTo(i);
        }
        assertThat(seed.frames().get(9).stackAddress()).isEqualTo("ffff880028203518");
        assertThat(seed.frames().get(9).address()).isEqualTo("ffffffff81421d2e");
    }

    @Test
    void parsesExceptionFrameRegisters() {
        assertThat(seed.exceptions()).hasSize(1);
        ExceptionFrame e = seed.exceptions().get(0);
        assertThat(e.afterFrame()).isEqualTo(8);
        assertThat(e.kind()).isEqualTo("exception RIP");
        assertThat(e.function()).isEqualTo("skb_clone");
        assertThat(e.offset()).isEqualTo(208L);
        assertThat(e.registers()).hasSize(21);
        assertThat(e.registers()).containsEntry("RIP", "ffffffff81415f40")
                .containsEntry("R9", "d84156c5635688c0").containsEntry("ORIG_RAX", "ffffffffffffffff")
                .containsEntry("SS", "0018");
        assertThat(e.registers().keySet()).startsWith("RIP", "RSP", "RFLAGS").endsWith("ORIG_RAX", "CS", "SS");
    }

    @Test
    void readsModulesOnDriverFrames() {
        assertThat(seed.frames().get(32).module()).isEqualTo("bnx2");
        assertThat(seed.frames().get(33).module()).isEqualTo("bnx2");
        assertThat(seed.frames().get(31).module()).isNull();
    }

    @Test
    void crlfAndMailQuotingDoNotChangeTheParse() {
        String quoted = InputReader.readSample().lines().map(l -> "> " + l + "\r\n").reduce("", String::concat);
        Dump d = new DumpParser().parse("q", quoted);
        assertThat(d.traces()).hasSize(1);
        assertThat(d.traces().get(0).frames())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("raw")
                .isEqualTo(seed.frames());
        assertThat(d.traces().get(0).exceptions().get(0).registers()).isEqualTo(seed.exceptions().get(0).registers());
    }
}
