package dev.pktpath.diff;

import dev.pktpath.model.Dump;
import dev.pktpath.model.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClustererTest {
    static List<ForeachBtGenerator.Task> tasks;
    static Dump dump;

    @BeforeAll
    static void generate() {
        tasks = ForeachBtGenerator.tasks(7);
        dump = Fixtures.parse("foreach.txt", ForeachBtGenerator.text(tasks, 7));
    }

    @Test
    void generatedDumpParsesIntoOneTracePerTask() {
        assertThat(dump.traces()).hasSize(tasks.size()).hasSize(309);
        assertThat(dump.traces().get(0).task().command()).isEqualTo("swapper/0");
    }

    @Test
    void similarStacksShareABucketBiggestFirst() {
        Clustering c = new Clusterer().cluster(dump.traces());
        // select (75 + 15 other clone + 30 via select(2)), epoll 80, futex 60, kworker 40, idle 8, crasher 1
        assertThat(c.clusters()).extracting(Cluster::size).containsExactly(120, 80, 60, 40, 8, 1);
        assertThat(c.traceCount()).isEqualTo(309);

        Cluster select = c.clusters().get(0);
        assertThat(select.frames()).containsExactly("__schedule", "schedule", "schedule_hrtimeout_range_clock",
                "schedule_hrtimeout_range", "do_select", "core_sys_select", "do_pselect",
                "__x64_sys_pselect6", "do_syscall_64", "entry_SYSCALL_64_after_hwframe");
        // .constprop.0 and .constprop.1 are one stack; select(2) is a variant differing at #6 and #7.
        assertThat(select.variants()).extracting(Variant::size).containsExactly(90, 30);
        assertThat(select.differAt()).containsExactly(6, 7);
        assertThat(select.differingAt(6)).isEqualTo(30);
        assertThat(select.differingAt(5)).isZero();
        Variant viaSelect = select.variants().get(1);
        assertThat(viaSelect.fromRepresentative().ops()).containsExactly(
                new EditOp(EditKind.EQUAL, List.of(0, 1, 2, 3, 4, 5), List.of(0, 1, 2, 3, 4, 5)),
                new EditOp(EditKind.REPLACE, List.of(6, 7), List.of(6, 7)),
                new EditOp(EditKind.EQUAL, List.of(8, 9), List.of(8, 9)));
        assertThat(viaSelect.similarity()).isBetween(0.8, 0.9);
        Members m = Members.of(select.members());
        assertThat(m.commands()).extracting(e -> e.getKey() + "=" + e.getValue()).containsExactly("nginx=90", "sshd=30");

        Cluster idle = c.clusters().get(4);
        assertThat(idle.identical()).isTrue();
        assertThat(Members.of(idle.members()).cpus()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(idle.traceIds()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(c.clusters().get(5).traceIds()).containsExactly(9);
    }

    @Test
    void everyTraceIsInExactlyOneBucket() {
        Clustering c = new Clusterer().cluster(dump.traces());
        List<Integer> ids = c.clusters().stream().flatMap(cl -> cl.traceIds().stream()).sorted().toList();
        assertThat(ids).hasSize(309).doesNotHaveDuplicates();
    }

    @Test
    void thresholdOneKeepsOnlyIdenticalStacksTogether() {
        Clustering c = new Clusterer(1.0).cluster(dump.traces());
        assertThat(c.clusters()).extracting(Cluster::size).containsExactly(90, 80, 60, 40, 30, 8, 1);
        assertThat(c.clusters()).allMatch(Cluster::identical);
    }

    @Test
    void thresholdZeroPutsEverythingInOneBucket() {
        // No similarity needed: every stack joins the biggest bucket.
        Clustering c = new Clusterer(0.0).cluster(dump.traces());
        assertThat(c.clusters()).hasSize(1);
        assertThat(c.clusters().get(0).size()).isEqualTo(309);
    }

    @Test
    void unreliableFramesCanBeLeftOut() {
        List<Trace> two = List.of(
                TestTraces.trace(1, List.of("__schedule", "schedule", "do_nanosleep")),
                unreliableAt(TestTraces.trace(2, List.of("__schedule", "stale_thing", "schedule", "do_nanosleep")), 1));
        assertThat(new Clusterer(1.0).cluster(two).clusters()).hasSize(2);
        Clustering c = new Clusterer(1.0, true).cluster(two);
        assertThat(c.clusters()).hasSize(1);
        assertThat(c.reliableOnly()).isTrue();
        assertThat(c.clusters().get(0).frames()).containsExactly("__schedule", "schedule", "do_nanosleep");
    }

    private static Trace unreliableAt(Trace t, int index) {
        List<dev.pktpath.model.Frame> frames = new java.util.ArrayList<>(t.frames());
        dev.pktpath.model.Frame f = frames.get(index);
        frames.set(index, new dev.pktpath.model.Frame(f.index(), f.level(), f.function(), f.offset(), f.size(), f.address(),
                f.stackAddress(), f.module(), false, f.context(), f.source(), f.inlined(), f.line(), f.raw()));
        return new Trace(t.id(), t.format(), t.arch(), t.task(), t.headline(), t.ip(), frames, t.exceptions(),
                t.registers(), t.diagnostics(), t.firstLine(), t.lastLine());
    }

    @Test
    void emptyStacksFormTheirOwnBucket() {
        Dump idle = Fixtures.corpus("062-commit-bt-a-n-idle-x86_64.txt");
        Clustering c = new Clusterer().cluster(idle.traces());
        assertThat(c.clusters()).extracting(Cluster::size).containsExactly(5, 1);
        assertThat(c.clusters().get(0).frames()).isEmpty();
        assertThat(c.clusters().get(1).frames()).startsWith("machine_kexec", "__crash_kexec", "panic")
                .contains("__handle_sysrq");
    }

    @Test
    void clustersOneHundredThousandTraces() {
        List<ForeachBtGenerator.Task> shapes = ForeachBtGenerator.tasks(11);
        Dump small = Fixtures.parse("x", ForeachBtGenerator.text(shapes, 11));
        java.util.Random r = new java.util.Random(3);
        List<Trace> many = new java.util.ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            many.add(small.traces().get(r.nextInt(small.traces().size())).withId(i + 1));
        }
        long t0 = System.nanoTime();
        Clustering c = new Clusterer().cluster(many);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("cluster: 100,000 traces (%d buckets) in %d ms%n", c.clusters().size(), ms);
        assertThat(c.clusters()).hasSize(6);
        assertThat(c.clusters().stream().mapToInt(Cluster::size).sum()).isEqualTo(100_000);

        // The unrealistic worst case: 20,000 stacks of random names, all different, so that every
        // stack is checked against the cap of candidate buckets (kept small: the build machine is shared).
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            names.add("fn_" + i);
        }
        List<Trace> random = new java.util.ArrayList<>(20_000);
        for (int i = 0; i < 20_000; i++) {
            List<String> stack = new java.util.ArrayList<>();
            int n = 5 + r.nextInt(15);
            for (int k = 0; k < n; k++) {
                stack.add(names.get(r.nextInt(names.size())));
            }
            random.add(TestTraces.trace(i + 1, stack));
        }
        t0 = System.nanoTime();
        Clustering worst = new Clusterer().cluster(random);
        ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("cluster: 20,000 random stacks (%d buckets) in %d ms%n", worst.clusters().size(), ms);
        assertThat(worst.clusters().stream().mapToInt(Cluster::size).sum()).isEqualTo(20_000);
    }

    @Test
    void streamedMembersClusterAsTheWholeTraces() {
        for (boolean reliable : List.of(false, true)) {
            Clusterer clusterer = new Clusterer(Clusterer.DEFAULT_THRESHOLD, reliable);
            Clusterer.Accumulator acc = clusterer.accumulator();
            dump.traces().forEach(acc::add);
            Clustering streamed = acc.finish();
            Clustering whole = clusterer.cluster(dump.traces());
            assertThat(streamed.traceCount()).isEqualTo(whole.traceCount());
            assertThat(streamed.clusters()).hasSameSizeAs(whole.clusters());
            for (int i = 0; i < whole.clusters().size(); i++) {
                Cluster s = streamed.clusters().get(i);
                Cluster w = whole.clusters().get(i);
                assertThat(s.traceIds()).isEqualTo(w.traceIds());
                assertThat(s.frames()).isEqualTo(w.frames());
                assertThat(s.differAt()).isEqualTo(w.differAt());
                assertThat(Members.of(s.members())).isEqualTo(Members.of(w.members()));
                // a bucket's members without ordering them first: the same as from its ordered members
                assertThat(Members.of(s)).isEqualTo(Members.of(s.members()));
                assertThat(Members.of(w)).isEqualTo(Members.of(w.members()));
                assertThat(s.variants()).extracting(Variant::frames).isEqualTo(w.variants().stream().map(Variant::frames).toList());
            }
            // streamed members keep no frames, but their id, task, format, arch and lines
            for (int i = 0; i < whole.clusters().size(); i++) {
                List<Trace> members = streamed.clusters().get(i).members();
                List<Trace> full = whole.clusters().get(i).members();
                for (int j = 0; j < members.size(); j++) {
                    Trace m = members.get(j);
                    Trace t = full.get(j);
                    assertThat(m.frames()).isEmpty();
                    assertThat(List.of(m.id(), m.format(), m.arch(), m.firstLine(), m.lastLine()))
                            .isEqualTo(List.of(t.id(), t.format(), t.arch(), t.firstLine(), t.lastLine()));
                    assertThat(m.task().pid()).isEqualTo(t.task().pid());
                    assertThat(m.task().cpu()).isEqualTo(t.task().cpu());
                    assertThat(m.task().command()).isEqualTo(t.task().command());
                }
            }
        }
    }
}
