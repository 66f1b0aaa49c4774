package dev.pktpath.diff;

import dev.pktpath.model.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The diff's properties on every pair of real traces in the crash-bt corpus (read in place). */
class CorpusDiffTest {
    static final List<Trace> traces = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.list(Fixtures.CRASH_BT)) {
            for (java.nio.file.Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                traces.addAll(Fixtures.corpus(p.getFileName().toString()).traces());
            }
        }
        assertThat(traces).hasSizeGreaterThan(30);
    }

    private static List<String> names(Trace t) {
        return new FrameKeys().keys(t, DiffOptions.NAMES);
    }

    @Test
    void everyTraceAgainstItselfIsTheSame() {
        for (Trace t : traces) {
            Alignment al = StackDiff.align(t, t, DiffOptions.WITH_OFFSETS);
            assertThat(al.same()).isTrue();
            assertThat(al.similarity()).isEqualTo(1.0);
        }
    }

    @Test
    void everyPairIsSymmetricAndRebuildsB() {
        for (Trace a : traces) {
            for (Trace b : traces) {
                Alignment ab = StackDiff.align(a, b, DiffOptions.NAMES);
                Alignment ba = StackDiff.align(b, a, DiffOptions.NAMES);
                assertThat(ba.ops()).isEqualTo(ab.mirrored().ops());
                assertThat(ba.similarity()).isEqualTo(ab.similarity());
                StackDiffPropertiesTest.assertRebuildsB(names(a), names(b), ab);
                assertThat(ab.matched()).isEqualTo(StackDiffPropertiesTest.lcsLength(names(a), names(b)));
            }
        }
    }
}
