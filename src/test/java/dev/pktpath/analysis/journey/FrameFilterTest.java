package dev.pktpath.analysis.journey;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.FilterSyntaxException;
import dev.pktpath.analysis.FrameFilter;
import dev.pktpath.analysis.SubsystemRules;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameFilterTest {
    private static final Set<String> KNOWN = SubsystemRules.builtIn().subsystems();
    private static final TraceAnalysis SEED = Analyzer.builtIn().analyze(
            new DumpParser().parse("seed", InputReader.readSample()).traces().get(0));

    static List<Integer> shown(String query) throws FilterSyntaxException {
        IntPredicate p = FrameFilter.parse(query, KNOWN).visibleFrames(SEED);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < SEED.trace().frames().size(); i++) {
            if (p.test(i)) {
                out.add(i);
            }
        }
        return out;
    }

    static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void emptyQueryShowsEverything() throws Exception {
        assertThat(FrameFilter.parse("  ", KNOWN).isEmpty()).isTrue();
        assertThat(shown("")).isEqualTo(range(0, 33));
    }

    @Test
    void netIsAPrefixFamilyMatchingEveryNetSubsystem() throws Exception {
        assertThat(shown("net")).isEqualTo(range(9, 33));
        assertThat(shown("net-tcp")).isEqualTo(range(17, 23));
    }

    @Test
    void dashOrBangExcludes() throws Exception {
        List<Integer> expected = new ArrayList<>(range(9, 16));
        expected.addAll(range(24, 33));
        assertThat(shown("net -net-tcp")).isEqualTo(expected);
        assertThat(shown("net,!net-tcp")).isEqualTo(expected);
        assertThat(shown("!kdump !fault")).isEqualTo(range(9, 33));
    }

    @Test
    void stageDirectionFunctionAndModuleKeys() throws Exception {
        assertThat(shown("stage:l4")).isEqualTo(range(17, 23));
        assertThat(shown("stage:l4-rx")).isEqualTo(range(20, 23));
        assertThat(shown("dir:tx")).isEqualTo(range(9, 19));
        assertThat(shown("fn:ip_*")).isEqualTo(List.of(13, 14, 15, 16, 24, 25, 26, 27));
        assertThat(shown("module:bnx2")).isEqualTo(List.of(32, 33));
        assertThat(shown("sub:net fn:machine_kexec")).contains(0, 9, 33);
    }

    @Test
    void unknownSubsystemIsAnErrorPointingAtIt() {
        assertThatThrownBy(() -> FrameFilter.parse("net -nte-tcp", KNOWN))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> {
                    assertThat(e.getMessage()).startsWith("unknown subsystem 'nte-tcp'").contains("net");
                    assertThat(e.position()).isEqualTo(5);
                    assertThat(e.pointer()).isEqualTo("net -nte-tcp\n     ^");
                });
    }

    @Test
    void otherMistakesAreErrorsToo() {
        assertThatThrownBy(() -> FrameFilter.parse("stage:l5", KNOWN)).hasMessageStartingWith("unknown stage 'l5'");
        assertThatThrownBy(() -> FrameFilter.parse("colour:red", KNOWN)).hasMessageStartingWith("unknown key 'colour:'");
        assertThatThrownBy(() -> FrameFilter.parse("net -", KNOWN)).hasMessageContaining("excludes nothing");
        assertThatThrownBy(() -> FrameFilter.parse("stage:", KNOWN)).hasMessageContaining("no value");
        assertThatThrownBy(() -> FrameFilter.parse("dir:up", KNOWN)).hasMessageStartingWith("unknown direction");
        assertThatThrownBy(() -> FrameFilter.parse("fn:{tcp", KNOWN)).hasMessageContaining("unclosed");
    }
}
