package dev.pktpath.robust;

import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import dev.pktpath.parse.ParseException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report cut off at every line (the machine died mid-print) still parses, analyses and renders. Every
 * crash-bt file, the seed, and every sixteenth syzkaller and satyr file, cut after each of its lines
 * (200 evenly spread cuts for the few longer than 200 lines, so the test stays linear).
 */
class TruncationTest {
    @Test
    void everyReportCutAtEveryLineStillYieldsADump() throws ParseException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < Corpus.FILES.size(); i++) {
            Path p = Corpus.FILES.get(i);
            if (p.toString().contains("crash-bt") || p.equals(Cli.SEED) || i % 16 == 0) {
                files.add(p);
            }
        }
        int cuts = 0;
        long start = System.nanoTime();
        for (Path p : files) {
            String text = InputReader.decode(p.toString(), Corpus.bytes(p), true);
            List<String> lines = DumpParser.splitLines(text);
            int maxTraces = new DumpParser().parse(p.toString(), lines).traces().size();
            // every line of a report up to 200 lines; 200 evenly spread cuts of a longer one
            int step = Math.max(1, lines.size() / 200);
            for (int n = 0; n <= lines.size(); n += step) {
                Dump d = new DumpParser().parse(p.toString(), lines.subList(0, n));
                // analysis and print's renderings on every cut; every rendering on every tenth
                Invariants.holdFor(n % 10 == 0 ? Pipeline.run(d, false) : Pipeline.light(d));
                assertThat(d.traces().size()).as("%s cut at %d", p, n).isLessThanOrEqualTo(maxTraces + 1);
                cuts++;
            }
        }
        System.out.printf("truncation: %d files, %d cuts in %.1f s%n", files.size(), cuts, (System.nanoTime() - start) / 1e9);
        assertThat(cuts).isGreaterThan(1000);
    }
}
