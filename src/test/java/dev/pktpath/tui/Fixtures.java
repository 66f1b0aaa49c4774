package dev.pktpath.tui;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.FrameClass;
import dev.pktpath.analysis.Journey;
import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.analysis.Naming;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Arch;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Location;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import dev.pktpath.session.LoadedDump;
import dev.pktpath.session.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sessions for the screen tests. The seed gets its subsystems and journey written out by hand here,
 * from the mock-up's journey (docs: ../shared/design/mockups.md), so the panes can be tested
 * whatever the analysis package classifies today; corpus files go through the real analysis.
 */
final class Fixtures {
    static final String CORPUS = "../shared/corpus/crash-bt/";

    private Fixtures() {
    }

    static Session seed(boolean color, boolean ascii) {
        Dump dump = new DumpParser().parse(InputReader.SAMPLE_NAME, InputReader.readSample());
        Trace t = dump.traces().get(0);
        // journey of the seed as drawn in the mock-up, call order (oldest first) within each stage
        List<JourneyStep> steps = List.of(
                new JourneyStep("driver-rx", "rx", List.of(33, 32)),
                new JourneyStep("gro", "rx", List.of(31, 30)),
                new JourneyStep("core-rx", "rx", List.of(29, 28)),
                new JourneyStep("l3-rx", "rx", List.of(27, 26, 25, 24)),
                new JourneyStep("l4-rx", "rx", List.of(23, 22, 21, 20)),
                new JourneyStep("l4-tx", "tx", List.of(19, 18, 17)),
                new JourneyStep("l3-tx", "tx", List.of(16, 15, 14, 13)),
                new JourneyStep("neigh", "tx", List.of(12)),
                new JourneyStep("core-tx", "tx", List.of(11)),
                new JourneyStep("qdisc", "tx", List.of(10)),
                new JourneyStep("driver-tx", "tx", List.of(9)),
                new JourneyStep("crash", "none", List.of()),
                new JourneyStep("fault", "none", List.of(8, 7, 6, 5, 4, 3, 2, 1, 0)));
        Journey journey = new Journey(steps, 20, 19, 9);
        List<FrameClass> classes = new ArrayList<>();
        for (Frame f : t.frames()) {
            String stage = null;
            for (JourneyStep s : steps) {
                if (s.frames().contains(f.index())) {
                    stage = s.stage();
                }
            }
            classes.add(new FrameClass(subsystem(f.function()), stage));
        }
        Naming naming = new Naming("BUG: unable to handle kernel paging request",
                "BUG: unable to handle kernel paging request in skb_clone", "skb_clone",
                new Location("skb_clone", 208L, null));
        Session s = new Session(Analyzer.builtIn());
        s.select(new LoadedDump("d1", dump, List.of(new TraceAnalysis(t, naming, classes, journey))));
        s.setColor(color);
        s.setAscii(ascii);
        return s;
    }

    private static String subsystem(String fn) {
        if (fn.startsWith("bnx2")) {
            return "net-driver";
        }
        if (fn.startsWith("tcp_")) {
            return "net-tcp";
        }
        if (fn.startsWith("ip_")) {
            return "net-ipv4";
        }
        if (fn.startsWith("sch_")) {
            return "net-sched";
        }
        if (fn.startsWith("napi_") || fn.contains("netif_") || fn.startsWith("dev_") || fn.startsWith("neigh_")) {
            return "net-core";
        }
        if (fn.contains("kexec")) {
            return "kdump";
        }
        return "fault";
    }

    /** A corpus file through the real parser and analysis, read in place. */
    static Session corpus(String name, boolean color, boolean ascii) throws IOException {
        Path p = Path.of(CORPUS + name);
        Dump dump = new DumpParser().parse(name, Files.readString(p));
        Session s = new Session(Analyzer.builtIn());
        s.add(dump);
        s.setColor(color);
        s.setAscii(ascii);
        return s;
    }

    /** A made-up trace of {@code n} frames, as crash would print a very deep (runaway recursion) stack. */
    static Session deep(int n) {
        List<Frame> frames = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String fn = i % 3 == 0 ? "tcp_recursive_step" : i % 3 == 1 ? "ip_loop_" + (i % 97) : "skb_walk";
            String sp = String.format("ffff8800%08x", 0x28000000 + i * 0x40);
            frames.add(new Frame(i, i, fn, null, null, String.format("ffffffff81%06x", i % 0xffffff), sp, null,
                    true, StackContext.TASK, null, false, i + 2,
                    " #" + i + " [" + sp + "] " + fn + " at ffffffff81000000"));
        }
        Trace t = new Trace(1, TraceFormat.CRASH_BT, Arch.X86_64, new Task(1L, "ffff88012345c000", 0, "deep"),
                null, null, frames, List.of(), Map.of(), List.of(), 1, n + 1);
        Session s = new Session(Analyzer.builtIn());
        s.add(new Dump("deep.txt", List.of(t), List.of()));
        return s;
    }
}
