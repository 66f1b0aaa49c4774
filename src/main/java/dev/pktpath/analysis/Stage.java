package dev.pktpath.analysis;

import java.util.Locale;
import java.util.Optional;

/**
 * The packet-journey stages of the contract, in rx-to-tx order. Each receive stage implies that the
 * packet travels up the stack ({@code rx}), each transmit stage that it travels down ({@code tx});
 * {@code l2}, {@code netfilter} and {@code socket} sit on both paths, so their direction comes from
 * the frames around them, and {@code crash} and {@code fault} have none.
 */
public enum Stage {
    DRIVER_RX("driver-rx", Direction.RX),
    GRO("gro", Direction.RX),
    CORE_RX("core-rx", Direction.RX),
    L2("l2", Direction.NONE),
    NETFILTER("netfilter", Direction.NONE),
    L3_RX("l3-rx", Direction.RX),
    L4_RX("l4-rx", Direction.RX),
    SOCKET("socket", Direction.NONE),
    L4_TX("l4-tx", Direction.TX),
    L3_TX("l3-tx", Direction.TX),
    NEIGH("neigh", Direction.TX),
    CORE_TX("core-tx", Direction.TX),
    QDISC("qdisc", Direction.TX),
    DRIVER_TX("driver-tx", Direction.TX),
    CRASH("crash", Direction.NONE),
    FAULT("fault", Direction.NONE);

    /** Which way the packet travels through a stage. */
    public enum Direction {
        RX("rx"), TX("tx"), NONE("none");

        private final String id;

        Direction(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final String id;
    private final Direction direction;

    Stage(String id, Direction direction) {
        this.id = id;
        this.direction = direction;
    }

    /** The contract's name, e.g. {@code driver-rx}. */
    public String id() {
        return id;
    }

    /** The direction this stage implies by itself; {@code NONE} when the context decides. */
    public Direction direction() {
        return direction;
    }

    /** True for the stages of the packet's path through the network stack (not crash or fault). */
    public boolean isNetworking() {
        return this != CRASH && this != FAULT;
    }

    public static Optional<Stage> byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        for (Stage s : values()) {
            if (s.id.equals(wanted)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
