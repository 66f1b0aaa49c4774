package dev.pktpath.analysis;

/**
 * What a frame is: its subsystem (one of {@code pktpath-tui subsystems}) and its packet-journey
 * stage ({@code driver-rx} .. {@code fault}), or null stage when it is not on the packet's path.
 */
public record FrameClass(String subsystem, String stage) {
    public static final FrameClass UNKNOWN = new FrameClass("unknown", null);
}
