package dev.pktpath.model;

/** The architecture a trace came from, named as in the JSON contract. */
public enum Arch {
    X86_64("x86_64"),
    X86("x86"),
    ARM64("arm64"),
    ARM("arm"),
    PPC64("ppc64"),
    S390X("s390x"),
    RISCV64("riscv64"),
    MIPS64("mips64"),
    LOONGARCH64("loongarch64"),
    UNKNOWN("unknown");

    private final String id;

    Arch(String id) {
        this.id = id;
    }

    /** The contract's name, e.g. {@code x86_64}. */
    public String id() {
        return id;
    }
}
