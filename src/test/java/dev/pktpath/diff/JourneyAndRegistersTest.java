package dev.pktpath.diff;

import dev.pktpath.analysis.Journey;
import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.model.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyAndRegistersTest {
    private final Trace seed = Fixtures.parse("a", Fixtures.seedText()).traces().get(0);

    private static Journey journey(JourneyStep... steps) {
        return new Journey(List.of(steps), null, null, null);
    }

    private JourneyComparison compare(Journey a, Journey b) {
        return JourneyComparison.of(seed, a, seed, b, new FrameKeys());
    }

    @Test
    void emptyJourneysAgreeAndSayTheyAreEmpty() {
        JourneyComparison c = compare(Journey.EMPTY, Journey.EMPTY);
        assertThat(c.same()).isTrue();
        assertThat(c.bothEmpty()).isTrue();
        assertThat(dev.pktpath.render.DiffRenderer.journeyText(c)).isEqualTo("no packet journey");
    }

    @Test
    void journeysThatTakeDifferentStagesPartAfterTheLastSharedOne() {
        JourneyStep l4rx = new JourneyStep("l4-rx", "rx", List.of(23, 22, 21, 20));
        JourneyComparison c = compare(
                journey(l4rx, new JourneyStep("l4-tx", "tx", List.of(19, 18, 17))),
                journey(l4rx, new JourneyStep("l3-tx", "tx", List.of(16, 15))));
        assertThat(c.partStep()).isEqualTo(1);
        assertThat(c.after()).isEqualTo("l4-rx");
        assertThat(dev.pktpath.render.DiffRenderer.journeyText(c)).isEqualTo("journeys part after l4-rx: l4-tx / l3-tx");
    }

    @Test
    void aJourneyThatStopsShortPartsWhereTheOtherGoesOn() {
        JourneyStep gro = new JourneyStep("gro", "rx", List.of(31, 30));
        JourneyComparison c = compare(journey(gro), journey(gro, new JourneyStep("core-rx", "rx", List.of(29, 28))));
        assertThat(c.partStep()).isEqualTo(1);
        assertThat(c.stageA()).isNull();
        assertThat(c.stageB()).isEqualTo("core-rx");
        assertThat(dev.pktpath.render.DiffRenderer.journeyText(c)).isEqualTo("journeys part after gro: (end) / core-rx");
        assertThat(dev.pktpath.render.DiffRenderer.journeyText(compare(Journey.EMPTY, journey(gro))))
                .isEqualTo("packet journey only in b");
    }

    @Test
    void sameStagesThroughTheSameFunctionsAgree() {
        // Different frame indexes, same function names: the same journey.
        JourneyComparison c = compare(journey(new JourneyStep("l3-rx", "rx", List.of(27, 26))),
                journey(new JourneyStep("l3-rx", "rx", List.of(27, 26))));
        assertThat(c.same()).isTrue();
        assertThat(dev.pktpath.render.DiffRenderer.journeyText(c)).isEqualTo("journeys agree (1 stage)");
    }

    @Test
    void registersLineUpByNameWithAbsentValuesNull() {
        Trace withRegs = seed;
        Trace without = Fixtures.corpus("048-commit-riscv64-lkdtm.txt").traces().get(0);
        RegisterDiff d = RegisterDiff.of(withRegs, without);
        assertThat(d.blockA()).isEqualTo("exception RIP: skb_clone+208");
        assertThat(d.blockB()).isNull();
        assertThat(d.rows()).hasSize(21).allMatch(RegisterDiff.Change::changed);
        assertThat(d.rows().get(0)).isEqualTo(new RegisterDiff.Change("RIP", "ffffffff81415f40", null));
        assertThat(RegisterDiff.of(without, without).isEmpty()).isTrue();
    }
}
