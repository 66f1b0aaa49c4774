package dev.pktpath.model;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Register maps give back what was printed, in print order, and cannot be changed. Values written by hand. */
class RegisterMapTest {

    @Test
    void keepsOrderDigitsAndTextValues() {
        Map<String, String> printed = new LinkedHashMap<>();
        printed.put("RIP", "ffffffff81421d2e");
        printed.put("RAX", "0000000000000000");
        printed.put("CS", "0010");
        printed.put("ORIG_RAX", "ffffffffffffffff");
        printed.put("PSW", "0704c00180000000 000000000011e8aa (unreliable)");
        printed.put("X", "");
        Map<String, String> copy = RegisterMap.copyOf(printed);
        assertThat(copy).isEqualTo(printed).hasSameHashCodeAs(printed);
        assertThat(copy.toString()).isEqualTo(printed.toString());
        assertThat(List.copyOf(copy.keySet())).containsExactly("RIP", "RAX", "CS", "ORIG_RAX", "PSW", "X");
        assertThat(copy.get("CS")).isEqualTo("0010");
        assertThat(copy.get("RAX")).isEqualTo("0000000000000000");
        assertThat(copy.get("PSW")).isEqualTo("0704c00180000000 000000000011e8aa (unreliable)");
        assertThat(copy.get("nope")).isNull();
        assertThat(copy.containsKey(null)).isFalse();
        assertThatThrownBy(() -> copy.put("RBX", "1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue("1"))
                .isInstanceOf(UnsupportedOperationException.class);
        printed.put("RBX", "1");
        assertThat(copy).doesNotContainKey("RBX");
    }

    @Test
    void emptyAndAlreadyCopiedMapsAreShared() {
        assertThat(RegisterMap.copyOf(Map.of())).isEmpty();
        assertThat(RegisterMap.copyOf(null)).isEmpty();
        Map<String, String> copy = RegisterMap.copyOf(Map.of("RIP", "ffffffff81421d2e"));
        assertThat(RegisterMap.copyOf(copy)).isSameAs(copy);
        Trace t = new Trace(1, TraceFormat.CRASH_BT, Arch.X86_64, null, null, null, List.of(), List.of(), copy,
                List.of(), 1, 1);
        assertThat(t.registers()).isSameAs(copy);
        assertThat(t.withId(2).registers()).isSameAs(copy);
    }
}
