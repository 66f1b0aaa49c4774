package dev.pktpath.analysis;

import dev.pktpath.analysis.Stage.Direction;

import java.util.Locale;
import java.util.Optional;

/**
 * The stage column of a rule: what a matching frame contributes to the packet journey.
 * <ul>
 *   <li>{@code l4-rx}: always that stage (a fixed stage also fixes the direction when it has one);</li>
 *   <li>{@code l2:tx}, {@code socket:rx}: a two-way stage with the direction fixed by the rule
 *       ({@code br_forward} is the bridge sending, {@code tcp_recvmsg} the socket receiving);</li>
 *   <li>{@code l4}, {@code l3}, {@code core}, {@code driver}: a family whose direction comes from the
 *       frames around it ({@code tcp_ack} is {@code l4-rx} under {@code tcp_v4_rcv});</li>
 *   <li>{@code caller}: the stage of the calling frame ({@code skb_clone} called from the driver's xmit);</li>
 *   <li>{@code -}: not on the packet's path (memory allocation, locking, scheduling).</li>
 * </ul>
 *
 * @param rx     the stage when the packet is received, null for {@code -} and {@code caller}
 * @param tx     the stage when it is sent (same as {@code rx} for a fixed stage)
 * @param forced the direction the rule fixes, or {@code NONE}
 */
public record StageSpec(String text, Stage rx, Stage tx, Direction forced, boolean inherit) {
    public static final StageSpec NONE = new StageSpec("-", null, null, Direction.NONE, false);
    public static final StageSpec INHERIT = new StageSpec("caller", null, null, Direction.NONE, true);

    /** The families a rule may name instead of a stage, and the stages they stand for. */
    static final String[][] FAMILIES = {
            {"driver", "driver-rx", "driver-tx"},
            {"core", "core-rx", "core-tx"},
            {"l3", "l3-rx", "l3-tx"},
            {"l4", "l4-rx", "l4-tx"},
    };

    public static StageSpec fixed(Stage stage) {
        return new StageSpec(stage.id(), stage, stage, Direction.NONE, false);
    }

    /** Reads a stage column; empty when the text is none of the forms above. */
    public static Optional<StageSpec> parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("-")) {
            return Optional.of(NONE);
        }
        if (t.equals("caller")) {
            return Optional.of(INHERIT);
        }
        Direction forced = Direction.NONE;
        String name = t;
        int colon = t.indexOf(':');
        if (colon >= 0) {
            String dir = t.substring(colon + 1);
            name = t.substring(0, colon);
            if (dir.equals("rx")) {
                forced = Direction.RX;
            } else if (dir.equals("tx")) {
                forced = Direction.TX;
            } else {
                return Optional.empty();
            }
        }
        for (String[] f : FAMILIES) {
            if (f[0].equals(name)) {
                Stage rx = Stage.byId(f[1]).orElseThrow();
                Stage tx = Stage.byId(f[2]).orElseThrow();
                if (forced == Direction.RX) {
                    tx = rx;
                } else if (forced == Direction.TX) {
                    rx = tx;
                }
                return Optional.of(new StageSpec(t, rx, tx, forced, false));
            }
        }
        Optional<Stage> s = Stage.byId(name);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Direction own = s.get().direction();
        if (forced != Direction.NONE && own != Direction.NONE && own != forced) {
            return Optional.empty(); // "l4-rx:tx" contradicts itself
        }
        return Optional.of(new StageSpec(t, s.get(), s.get(), forced, false));
    }

    /** The direction a matching frame sets by itself, {@code NONE} when the context must decide. */
    public Direction direction() {
        if (forced != Direction.NONE) {
            return forced;
        }
        if (rx == null || rx != tx) {
            return Direction.NONE;
        }
        return rx.direction();
    }

    /** True when the rule places the frame on the packet's path (a stage or family, not {@code -} or {@code caller}). */
    public boolean hasStage() {
        return rx != null;
    }

    /** The concrete stage for a packet travelling in {@code dir}; rx when the direction is unknown. */
    public Stage resolve(Direction dir) {
        return dir == Direction.TX ? tx : rx;
    }
}
