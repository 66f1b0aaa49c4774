package dev.pktpath.session;

import dev.pktpath.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandRegistryTest {
    private final CommandRegistry commands = CommandRegistry.standard();
    private final Session session = new Session(Analyzer.builtIn());

    private Outcome run(String line) throws CommandException {
        return commands.execute(session, line);
    }

    @Test
    void loadsTheSampleAndNavigates() throws Exception {
        assertThat(run("load <sample>").text()).contains("d1").contains("1 trace");
        assertThat(run("frame 32").text()).contains("bnx2_poll_work").contains("module     bnx2");
        assertThat(session.frameIndex()).isEqualTo(32);
        assertThat(run("search ^tcp_ack$").text()).startsWith("#20 tcp_ack");
        assertThat(run("regs").text()).contains("exception RIP: skb_clone").contains("ffffffff81415f40");
    }

    @Test
    void unknownCommandsAndBadArgumentsChangeNothing() throws Exception {
        run("load <sample>");
        assertThatThrownBy(() -> run("frobnicate")).hasMessageContaining("unknown command: frobnicate");
        assertThatThrownBy(() -> run("trace 9")).hasMessageContaining("no trace 9");
        assertThatThrownBy(() -> run("frame x")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> run("search (")).hasMessageContaining("bad regular expression");
        assertThat(session.traceIndex()).isZero();
        assertThat(session.frameIndex()).isZero();
    }

    @Test
    void commandsNeedADump() {
        assertThatThrownBy(() -> run("bt")).hasMessageContaining("no dump loaded");
    }

    @Test
    void quitAndExploreAreEffects() throws Exception {
        run("load <sample>");
        assertThat(run("exit").effect()).isEqualTo(Outcome.Effect.QUIT);
        assertThat(run("explore").effect()).isEqualTo(Outcome.Effect.EXPLORE);
        assertThat(run("  # a comment").text()).isEmpty();
    }
}
