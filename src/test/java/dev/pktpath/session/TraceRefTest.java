package dev.pktpath.session;

import dev.pktpath.analysis.Analyzer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the REPL and diff name a trace: N, #N, dK, dK#N, SOURCE#N. */
class TraceRefTest {
    private static final String MULTI = "../shared/corpus/crash-bt/062-commit-bt-a-n-idle-x86_64.txt";
    private final Session session = new Session(Analyzer.builtIn());
    private final CommandRegistry commands = CommandRegistry.standard();

    @BeforeEach
    void loadTwo() throws Exception {
        commands.execute(session, "load " + MULTI);
        commands.execute(session, "load <sample>");
    }

    private String ref(String word) throws CommandException {
        return TraceRef.resolve(session, word).id();
    }

    @Test
    void numbersNameTracesOfTheCurrentDump() throws Exception {
        assertThat(ref("1")).isEqualTo("d2#1");
        assertThat(ref("#1")).isEqualTo("d2#1");
        assertThat(session.dumps().get(0).traces().size()).isGreaterThan(1);
        assertThat(ref("d1#2")).isEqualTo("d1#2");
        assertThat(ref(MULTI + "#2")).isEqualTo("d1#2");
    }

    @Test
    void aDumpAloneNamesItsCurrentTraceWhenCurrentElseItsFirst() throws Exception {
        assertThat(ref("d1")).isEqualTo("d1#1");
        commands.execute(session, "trace d1#2");
        assertThat(session.current().orElseThrow().name()).isEqualTo("d1");
        assertThat(ref("d1")).isEqualTo("d1#2");
        assertThat(ref("d2")).isEqualTo("d2#1");
    }

    @Test
    void unknownDumpsAndTracesAreOneLineErrors() {
        assertThatThrownBy(() -> ref("d9#1")).hasMessage("no dump d9 (loaded: d1, d2; load it first)");
        assertThatThrownBy(() -> ref("d2#5")).hasMessage("no trace 5 in d2 (it has 1)");
        assertThatThrownBy(() -> ref("0")).hasMessage("no trace 0 in d2 (it has 1)");
        assertThatThrownBy(() -> ref("d1#x")).hasMessage("trace must be a number, not 'x'");
        assertThatThrownBy(() -> ref("99999999999")).hasMessageStartingWith("no trace 99999999999");
    }

    @Test
    void dumpSwitchesTheCurrentDump() throws Exception {
        assertThat(commands.execute(session, "dump d1").text()).startsWith("d1: " + MULTI);
        assertThat(session.current().orElseThrow().name()).isEqualTo("d1");
        assertThatThrownBy(() -> commands.execute(session, "dump d3")).hasMessage("no dump d3 (try: dumps)");
    }
}
