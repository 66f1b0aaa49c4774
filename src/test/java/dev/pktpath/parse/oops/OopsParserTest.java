package dev.pktpath.parse.oops;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.model.Dump;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;
import dev.pktpath.parse.DumpParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole-file behaviour of the console parser: several reports, odd input, routing away from crash bt. */
class OopsParserTest {
    private final DumpParser parser = new DumpParser();

    @Test
    void aFullDmesgWithSeveralReportsGivesOneTraceEach() throws IOException {
        String dmesg = "[    0.000000] Linux version 6.1.0 (gcc) #1 SMP\n"
                + ConsoleReportGoldenTest.syzkallerConsole("186")
                + "[  400.000000] e1000e: eth0 NIC Link is Up\n"
                + ConsoleReportGoldenTest.syzkallerConsole("545");
        Dump d = parser.parse("dmesg", dmesg);
        assertThat(d.traces()).hasSize(2);
        assertThat(d.traces().get(0).headline()).isEqualTo("WARNING: possible circular locking dependency detected");
        assertThat(d.traces().get(1).headline()).startsWith("WARNING: CPU: 1 PID: 4090 at arch/riscv/mm/physaddr.c:16");
        assertThat(d.traces()).extracting(Trace::id).containsExactly(1, 2);
        assertThat(d.traces().get(0).lastLine()).isLessThan(d.traces().get(1).firstLine());
        // the boot banner stays visible as a diagnostic of the dump
        assertThat(d.diagnostics()).anyMatch(x -> x.text().contains("Linux version"));
    }

    @Test
    void theOopsAndItsPanicAreOneReport() throws IOException {
        // kernel BUG, invalid opcode, Oops, end trace, then "Kernel panic - not syncing: Fatal exception"
        Dump d = parser.parse("x", ConsoleReportGoldenTest.satyr("rhbz-865695-2"));
        assertThat(d.traces()).hasSize(1);
    }

    @Test
    void crashBtOutputStaysWithTheCrashParser() {
        Dump d = parser.parse("seed", dev.pktpath.parse.InputReader.readSample());
        assertThat(d.traces()).singleElement().satisfies(t -> assertThat(t.format()).isEqualTo(TraceFormat.CRASH_BT));
    }

    @Test
    void aLogWithoutReportsHasNoTrace() {
        Dump d = parser.parse("quiet", "[    1.0] usb 1-1: new device\n[    2.0] EXT4-fs (sda1): mounted\nhello\n");
        assertThat(d.traces()).isEmpty();
        assertThat(d.diagnostics()).hasSize(3);
    }

    @Test
    void oddInputNeverThrows() {
        for (String s : new String[]{"", "\n\n", "BUG:", "Call Trace:\n ? +0x/0x", "WARNING: CPU: x PID: y at",
                "RIP: 0010:\nRAX:\n", "<IRQ>\n</IRQ>\n<NMI>", "[ 1.0][ T] BUG: x\n[ 1.0][ T] x29: zz",
                "Kernel panic - not syncing\n---[ end trace ]---\n---[ end trace", "GPR00: ", "Krnl GPRS: 00",
                "unreferenced object 0x1\n  backtrace:\n    [<0>] a+0x1/0x2", "[" + "[".repeat(10000)}) {
            Dump d = parser.parse("odd", s);
            d.traces().forEach(t -> Analyzer.builtIn().analyze(t));
        }
    }

    @Test
    void everySatyrSampleParsesIntoAtLeastOneNamedTrace() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../shared/corpus/satyr"))) {
            for (Path p : files.filter(f -> !f.getFileName().toString().endsWith(".md")).toList()) {
                Dump d = parser.parse(p.toString(), Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
                assertThat(d.traces()).as(p.toString()).isNotEmpty();
                var n = Analyzer.builtIn().analyze(d.traces().get(0)).naming();
                assertThat(n.kind()).as(p.toString()).isNotBlank();
            }
        }
    }
}
