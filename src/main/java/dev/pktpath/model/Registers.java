package dev.pktpath.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of register maps: unmodifiable, in print order, and one shared map when empty. */
final class Registers {
    private Registers() {
    }

    static Map<String, String> copy(Map<String, String> registers) {
        // most traces (every crash task without an exception frame) have no registers: an empty
        // LinkedHashMap and its wrapper were 88 bytes per trace
        if (registers == null || registers.isEmpty()) {
            return Collections.emptyMap();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(registers));
    }
}
