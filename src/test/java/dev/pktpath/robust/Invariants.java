package dev.pktpath.robust;

import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.Trace;

import static org.assertj.core.api.Assertions.assertThat;

/** What must hold for any output of any input. */
final class Invariants {
    private Invariants() {
    }

    /** Nothing that a terminal would act on: no C0 control but newline, no DEL, no C1 control (ESC, BEL, CSI included). */
    static void terminalSafe(String what, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)) {
                int from = Math.max(0, i - 40);
                throw new AssertionError(what + ": control character U+" + String.format("%04X", (int) c) + " at " + i
                        + " after: " + s.substring(from, i).replace("\n", "\\n"));
            }
        }
    }

    static void holdFor(Pipeline.Output o) {
        for (String s : o.all()) {
            terminalSafe("output", s);
        }
        for (String j : o.jsons()) {
            assertThat(j).startsWith("{").contains("\"schema\":\"pktpath-tui/1\"");
        }
        for (int t = 0; t < o.dump().traces().size(); t++) {
            Trace tr = o.dump().traces().get(t);
            assertThat(tr.id()).isEqualTo(t + 1);
            for (int i = 0; i < tr.frames().size(); i++) {
                assertThat(tr.frames().get(i).index()).isEqualTo(i);
            }
            for (Diagnostic d : tr.diagnostics()) {
                assertThat(d.line()).isPositive();
            }
        }
    }
}
