package dev.pktpath.diff;

/**
 * How frames are compared.
 *
 * @param offsets      also compare where in the function the frame is: the offset when the frame
 *                     printed one ({@code tcp_ack+0x1a/0x30}), else its return address (crash's
 *                     {@code tcp_ack at ffffffff814723f3}); by default only the normalised function
 *                     name counts ({@link dev.pktpath.model.Frame#normalizedName()})
 * @param reliableOnly leave out the frames the unwinder was unsure of (the console's {@code ? }
 *                     frames, crash's {@code (unreliable)}): stale return addresses left on the
 *                     stack, which differ from run to run of the same crash. By default every
 *                     frame is compared.
 */
public record DiffOptions(boolean offsets, boolean reliableOnly) {
    public static final DiffOptions NAMES = new DiffOptions(false, false);
    public static final DiffOptions WITH_OFFSETS = new DiffOptions(true, false);
    public static final DiffOptions RELIABLE = new DiffOptions(false, true);
}
