package dev.pktpath.analysis.naming;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.Naming;
import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus-wide checks of issue 3 over syzkaller's test reports: every report with a TITLE yields
 * a trace and none without, and the guilty function of the first trace agrees with the function
 * after the last " in " of syzkaller's TITLE for at least 85% of the uncorrupted reports.
 * Run with {@code -Dnaming.verbose=true} to list the disagreements.
 */
class SyzkallerNamingTest {
    private static final double REQUIRED = 0.85;
    private final List<SyzkallerCorpus> corpus = SyzkallerCorpus.all();

    @Test
    void corpusIsThere() {
        assertThat(corpus).hasSizeGreaterThan(400);
    }

    @Test
    void everyTitledReportYieldsATraceAndNoOtherDoes() {
        List<String> wrong = new ArrayList<>();
        for (SyzkallerCorpus c : corpus) {
            Dump d = new DumpParser().parse(c.name(), c.console());
            boolean found = !d.traces().isEmpty();
            if (found != (c.title() != null)) {
                wrong.add(c.name() + " title=" + c.title() + " traces=" + d.traces().size());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void guiltyAgreesWithSyzkallerTitles() {
        Analyzer analyzer = Analyzer.builtIn();
        int total = 0;
        int agree = 0;
        List<String> misses = new ArrayList<>();
        for (SyzkallerCorpus c : corpus) {
            String expected = c.expectedGuilty();
            if (expected == null || c.corrupted()) {
                continue;
            }
            total++;
            Dump d = new DumpParser().parse(c.name(), c.console());
            String guilty = null;
            String title = null;
            if (!d.traces().isEmpty()) {
                Naming n = analyzer.analyze(d.traces().get(0)).naming();
                guilty = n.guilty();
                title = n.title();
            }
            if (expected.equals(guilty)) {
                agree++;
            } else {
                misses.add(c.name() + ": expected [" + c.title() + "] got [" + title + "]");
            }
        }
        double rate = total == 0 ? 0 : (double) agree / total;
        System.out.printf("guilty agrees with syzkaller's TITLE in %d of %d reports: %.1f%%%n", agree, total, 100 * rate);
        if (Boolean.getBoolean("naming.verbose")) {
            misses.forEach(System.out::println);
        }
        assertThat(total).isGreaterThan(200);
        assertThat(rate).as("agreement rate").isGreaterThanOrEqualTo(REQUIRED);
    }
}
