package dev.pktpath.model;

import java.util.Objects;

/** A code location as {@code function+offset/size}; offset and size may be unknown (null). */
public record Location(String function, Long offset, Long size) {
    /*
     * equals and hashCode written out, the same as the record's own (its components in order, 31 * h +
     * the next): those are linked by an invokedynamic bootstrap on first use, and building their method
     * handles took a few ms of each short run (issue 10, start-up). RecordMethodsTest holds them to it.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Location o && Objects.equals(function, o.function)
                && Objects.equals(offset, o.offset)
                && Objects.equals(size, o.size);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hashCode(function) + Objects.hashCode(offset)) + Objects.hashCode(size);
    }
}
