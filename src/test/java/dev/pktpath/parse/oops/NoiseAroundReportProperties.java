package dev.pktpath.parse.oops;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.Naming;
import dev.pktpath.model.Dump;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random console chatter before and after a real report does not change what is read from it:
 * same traces, frames, exception frames, registers, task, arch and naming (only line numbers move).
 * The chatter is what a dmesg holds between crashes: driver messages, with or without timestamps.
 */
class NoiseAroundReportProperties {
    private static final Analyzer ANALYZER = Analyzer.builtIn();
    private static final List<String> REPORTS = List.of("syz:186", "syz:268", "syz:525", "syz:638", "syz:41",
            "satyr:github-73", "satyr:arm-hung-task-oops-2", "satyr:rhbz-1040900-s390x-1", "satyr:rhbz-1040900-ppc64-1");

    /** Messages of the kind a running kernel prints; none is a report header. */
    private static final List<String> CHATTER = List.of(
            "usb 1-1: new high-speed USB device number 2 using ehci-pci",
            "e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: None",
            "IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready",
            "EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null)",
            "audit: type=1400 audit(1700000000.123:42): apparmor=\"STATUS\" operation=\"profile_load\"",
            "systemd[1]: Started Journal Service.",
            "device lo entered promiscuous mode",
            "random: crng init done");

    private static String report(String id) {
        try {
            String[] p = id.split(":", 2);
            return p[0].equals("syz") ? ConsoleReportGoldenTest.syzkallerConsole(p[1]) : ConsoleReportGoldenTest.satyr(p[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> reports() {
        return Arbitraries.of(REPORTS);
    }

    @Provide
    Arbitrary<List<String>> noise() {
        Arbitrary<String> words = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789 ._-=,")
                .ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> message = Arbitraries.oneOf(words, Arbitraries.of(CHATTER));
        Arbitrary<String> stamp = Arbitraries.doubles().between(0, 99999).ofScale(6)
                .map(d -> String.format("[%12.6f] ", d));
        Arbitrary<String> line = Combinators.combine(Arbitraries.of(true, false), stamp, message)
                .as((withStamp, s, m) -> withStamp ? s + m : m);
        return line.list().ofMaxSize(25);
    }

    @Property(tries = 80)
    void noiseAroundAReportDoesNotChangeWhatIsParsed(@ForAll("reports") String id,
                                                      @ForAll("noise") List<String> before,
                                                      @ForAll("noise") List<String> after) {
        String clean = report(id);
        String noisy = String.join("\n", before) + (before.isEmpty() ? "" : "\n") + clean + String.join("\n", after) + "\n";
        assertThat(signature(new DumpParser().parse("noisy", noisy)))
                .isEqualTo(signature(new DumpParser().parse("clean", clean)));
    }

    /** Everything parsed and named, without input line numbers. */
    static List<String> signature(Dump d) {
        List<String> out = new ArrayList<>();
        for (Trace t : d.traces()) {
            Naming n = ANALYZER.analyze(t).naming();
            out.add(t.format() + "|" + t.arch() + "|" + t.task() + "|" + t.headline() + "|" + t.ip() + "|"
                    + t.registers() + "|" + n);
            out.add(t.frames().stream().map(NoiseAroundReportProperties::frame).collect(Collectors.joining(";")));
            out.add(t.exceptions().stream().map(NoiseAroundReportProperties::exception).collect(Collectors.joining(";")));
        }
        return out;
    }

    private static String frame(Frame f) {
        return f.index() + " " + f.function() + "+" + f.offset() + "/" + f.size() + " " + f.address() + " "
                + f.stackAddress() + " " + f.module() + " " + f.reliable() + " " + f.context() + " " + f.source()
                + " " + f.inlined();
    }

    private static String exception(ExceptionFrame e) {
        return e.afterFrame() + " " + e.kind() + " " + e.function() + "+" + e.offset() + " " + e.registers();
    }
}
