package dev.pktpath.bench;

/** The start-up baseline: a JVM that prints one line and exits, run from the same jar. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
