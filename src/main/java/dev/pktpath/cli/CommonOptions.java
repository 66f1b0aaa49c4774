package dev.pktpath.cli;

import picocli.CommandLine.Option;

/** Options every command accepts, as the contract lists them. */
public class CommonOptions {
    public enum ColorMode { auto, always, never }

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; NO_COLOR is honoured).")
    ColorMode color = ColorMode.auto;

    @Option(names = "--ascii", description = "Draw with plain ASCII: no box-drawing characters or arrows.")
    boolean ascii;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra subsystem rules, in the format of the built-in table.")
    String rules;

    /** Colour is used only when asked for, or when on a terminal and NO_COLOR is unset. */
    boolean useColor(boolean onTerminal) {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> onTerminal && System.getenv("NO_COLOR") == null;
        };
    }
}
