package dev.pktpath.cli;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.RulesException;
import dev.pktpath.analysis.RulesLoader;
import dev.pktpath.analysis.SubsystemRules;
import picocli.CommandLine.Option;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

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

    @Option(names = "--text", description = "Read input that looks binary (control bytes, NULs) as text anyway, as grep -a does.")
    boolean text;

    @Option(names = "--debug", description = "On an internal error, print the Java stack trace (for a bug report).")
    boolean debug;

    /**
     * The analyses with the rules in force: built-in, the user's config file, then {@code --rules}.
     *
     * @throws RulesException naming the rules file and line that cannot be used
     */
    public Analyzer analyzer() throws RulesException {
        return new Analyzer(subsystemRules());
    }

    /** The rules in force, for {@code subsystems}. */
    public SubsystemRules subsystemRules() throws RulesException {
        return RulesLoader.load(rulesPath(), System.getenv());
    }

    private Path rulesPath() throws RulesException {
        if (rules == null) {
            return null;
        }
        try {
            return Path.of(rules);
        } catch (InvalidPathException e) {
            throw new RulesException(rules + ": not a valid file name");
        }
    }

    /** Colour is used only when asked for, or when on a terminal and NO_COLOR is unset. */
    boolean useColor(boolean onTerminal) {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> onTerminal && System.getenv("NO_COLOR") == null;
        };
    }
}
