package dev.pktpath.diff;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties every stack diff must have, over stacks drawn from a small alphabet of kernel names. */
class StackDiffPropertiesTest {

    @Provide
    Arbitrary<List<String>> stacks() {
        // A small alphabet so that random stacks share frames, repeat them and tie.
        return Arbitraries.of("__schedule", "schedule", "schedule_timeout", "tcp_ack", "ip_rcv",
                        "do_syscall_64", "vfs_write", "ksys_write", "panic")
                .list().ofMinSize(0).ofMaxSize(40);
    }

    @Property
    void diffOfAStackWithItselfIsAllEqualWithSimilarityOne(@ForAll("stacks") List<String> a) {
        Alignment al = StackDiff.align(a, a);
        assertThat(al.same()).isTrue();
        assertThat(al.similarity()).isEqualTo(1.0);
        assertThat(al.matched()).isEqualTo(a.size());
        for (EditOp op : al.ops()) {
            assertThat(op.kind()).isEqualTo(EditKind.EQUAL);
            assertThat(op.a()).isEqualTo(op.b());
        }
    }

    @Property
    void diffIsSymmetricUpToInsertDeleteSwap(@ForAll("stacks") List<String> a, @ForAll("stacks") List<String> b) {
        Alignment ab = StackDiff.align(a, b);
        Alignment ba = StackDiff.align(b, a);
        assertThat(ba.ops()).isEqualTo(ab.mirrored().ops());
        assertThat(ba.similarity()).isEqualTo(ab.similarity());
        assertThat(ab.same()).isEqualTo(a.equals(b));
    }

    @Property
    void applyingTheOpsToARebuildsB(@ForAll("stacks") List<String> a, @ForAll("stacks") List<String> b) {
        assertRebuildsB(a, b, StackDiff.align(a, b));
    }

    /** The ops cover both stacks in order, equal runs pair equal frames, and A edited by them is B. */
    static void assertRebuildsB(List<String> a, List<String> b, Alignment al) {
        List<String> rebuilt = new ArrayList<>();
        int nextA = 0;
        int nextB = 0;
        for (EditOp op : al.ops()) {
            // The runs cover both stacks in order, without gaps or overlaps.
            for (int i : op.a()) {
                assertThat(i).isEqualTo(nextA++);
            }
            for (int j : op.b()) {
                assertThat(j).isEqualTo(nextB++);
            }
            switch (op.kind()) {
                case EQUAL -> {
                    assertThat(op.a()).hasSameSizeAs(op.b());
                    for (int k = 0; k < op.a().size(); k++) {
                        assertThat(a.get(op.a().get(k))).isEqualTo(b.get(op.b().get(k)));
                        rebuilt.add(a.get(op.a().get(k)));
                    }
                }
                case DELETE -> assertThat(op.b()).isEmpty();
                case INSERT -> {
                    assertThat(op.a()).isEmpty();
                    op.b().forEach(j -> rebuilt.add(b.get(j)));
                }
                case REPLACE -> {
                    assertThat(op.a()).isNotEmpty();
                    assertThat(op.b()).isNotEmpty();
                    op.b().forEach(j -> rebuilt.add(b.get(j)));
                }
            }
        }
        assertThat(nextA).isEqualTo(a.size());
        assertThat(nextB).isEqualTo(b.size());
        assertThat(rebuilt).isEqualTo(b);
    }

    @Property
    void withUnreliableFramesLeftOutTheOpsRebuildBsReliableFrames(@ForAll("stacks") List<String> a,
                                                                  @ForAll("stacks") List<String> b,
                                                                  @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        Trace ta = withUnreliable(TestTraces.trace(1, a), r);
        Trace tb = withUnreliable(TestTraces.trace(2, b), r);
        Alignment al = StackDiff.align(ta, tb, DiffOptions.RELIABLE);
        List<String> rebuilt = new ArrayList<>();
        for (EditOp op : al.ops()) {
            op.a().forEach(i -> assertThat(ta.frames().get(i).reliable()).isTrue());
            op.b().forEach(j -> assertThat(tb.frames().get(j).reliable()).isTrue());
            List<Integer> from = op.kind() == EditKind.EQUAL ? op.a() : op.b();
            Trace t = op.kind() == EditKind.EQUAL ? ta : tb;
            from.forEach(i -> rebuilt.add(t.frames().get(i).function()));
        }
        assertThat(rebuilt).isEqualTo(tb.frames().stream().filter(Frame::reliable).map(Frame::function).toList());
        assertThat(StackDiff.align(tb, ta, DiffOptions.RELIABLE).ops()).isEqualTo(al.mirrored().ops());
    }

    private static Trace withUnreliable(Trace t, java.util.Random r) {
        List<Frame> frames = new ArrayList<>();
        for (Frame f : t.frames()) {
            frames.add(new Frame(f.index(), f.level(), f.function(), f.offset(), f.size(), f.address(), f.stackAddress(),
                    f.module(), r.nextInt(4) != 0, f.context(), f.source(), f.inlined(), f.line(), f.raw()));
        }
        return new Trace(t.id(), t.format(), t.arch(), t.task(), t.headline(), t.ip(), frames, t.exceptions(),
                t.registers(), t.diagnostics(), t.firstLine(), t.lastLine());
    }

    @Property
    void alignmentIsALongestCommonSubsequence(@ForAll("stacks") List<String> a, @ForAll("stacks") List<String> b) {
        assertThat(StackDiff.align(a, b).matched()).isEqualTo(lcsLength(a, b));
    }

    @Property
    void similarityIsInTheUnitIntervalAndOneOnlyForTheSameStack(@ForAll("stacks") List<String> a,
                                                                @ForAll("stacks") List<String> b) {
        double s = StackDiff.align(a, b).similarity();
        assertThat(s).isBetween(0.0, 1.0);
        assertThat(s == 1.0).isEqualTo(a.equals(b));
    }

    @Property
    void rowsShowEveryFrameOnceInOrder(@ForAll("stacks") List<String> a, @ForAll("stacks") List<String> b) {
        List<Integer> seenA = new ArrayList<>();
        List<Integer> seenB = new ArrayList<>();
        for (DiffRow r : StackDiff.align(a, b).rows()) {
            assertThat(r.a() != null || r.b() != null).isTrue();
            if (r.a() != null) {
                seenA.add(r.a());
            }
            if (r.b() != null) {
                seenB.add(r.b());
            }
        }
        assertThat(seenA).hasSize(a.size()).isSorted();
        assertThat(seenB).hasSize(b.size()).isSorted();
    }

    /** Textbook O(nm) dynamic programme: the reference the fast algorithm must agree with. */
    static int lcsLength(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }
}
