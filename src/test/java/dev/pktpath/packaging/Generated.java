package dev.pktpath.packaging;

/** The note at the top of every generated file. */
final class Generated {
    static final String REFRESH = "mvn -B -q test -Dtest=GeneratedFilesTest -Dpackaging.refresh=true";
    static final String HEADER = "# Generated from the picocli command model (Main.commandLine()) by\n"
            + "# src/test/java/dev/pktpath/packaging; do not edit. Refresh with:\n"
            + "#   " + REFRESH + "\n";

    private Generated() {
    }
}
