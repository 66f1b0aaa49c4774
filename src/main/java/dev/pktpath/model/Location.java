package dev.pktpath.model;

/** A code location as {@code function+offset/size}; offset and size may be unknown (null). */
public record Location(String function, Long offset, Long size) {
}
