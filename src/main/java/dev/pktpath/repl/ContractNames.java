package dev.pktpath.repl;

import java.util.List;

/**
 * Subsystem and journey-stage names for completion, as fixed by the CLI and JSON contract
 * ({@code shared/spec/cli-and-json.md}), used where the analysis does not list its own.
 */
final class ContractNames {
    private ContractNames() {
    }

    /** The contract's example subsystems, plus {@code net}, which filters match against every {@code net-*}. */
    static final List<String> SUBSYSTEMS = List.of(
            "net", "net-driver", "net-core", "net-ipv4", "net-ipv6", "net-tcp", "net-udp", "net-sched",
            "netfilter", "net-bridge", "mm", "sched", "fs", "block", "locking", "irq", "kdump", "fault", "unknown");

    /** The journey stages in rx-to-tx order, then the crash site and the fault machinery. */
    static final List<String> STAGES = List.of(
            "driver-rx", "gro", "core-rx", "l2", "netfilter", "l3-rx", "l4-rx", "socket",
            "l4-tx", "l3-tx", "neigh", "core-tx", "qdisc", "driver-tx", "crash", "fault");
}
