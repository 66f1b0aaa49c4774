package dev.pktpath.analysis.naming;

import dev.pktpath.analysis.CrashNamer;
import dev.pktpath.analysis.NamingRules;
import dev.pktpath.analysis.Naming;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The naming knowledge is data: a different table names the same trace differently. */
class NamingRulesTest {
    /** Written after the x86_64 layout of a NULL dereference in a driver's receive path. */
    private static final String REPORT = String.join("\n",
            "BUG: kernel NULL pointer dereference, address: 0000000000000010",
            "RIP: 0010:memcpy_erms+0x6/0x10",
            "Call Trace:",
            " e1000_clean_rx_irq+0x1a2/0x4d0 [e1000]",
            " e1000_clean+0x2bd/0x8b0 [e1000]",
            "");

    private static Naming name(String table) {
        Trace t = new DumpParser().parse("r", REPORT).traces().get(0);
        return new CrashNamer(NamingRules.parse(table)).name(t, List.of());
    }

    @Test
    void theTableDecidesKindAndSkips() {
        Naming plain = name("kind\tBUG: kernel NULL\tnull deref\n");
        assertThat(plain.title()).isEqualTo("null deref in memcpy_erms");
        Naming skipping = name("kind\tBUG: kernel NULL\tnull deref\nskip\t^memcpy\nskip\t^e1000_clean_rx\n");
        assertThat(skipping.title()).isEqualTo("null deref in e1000_clean");
        assertThat(skipping.crashSite().function()).isEqualTo("memcpy_erms");
    }

    @Test
    void aBadLineIsNamed() {
        assertThatThrownBy(() -> NamingRules.parse("# fine\nskip\t(unclosed\n"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> NamingRules.parse("frobnicate\tx\n")).hasMessageContaining("unknown directive");
    }

    @Test
    void theBuiltInTableLoads() {
        assertThat(NamingRules.builtIn()).isNotNull();
    }
}
