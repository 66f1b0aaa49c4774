package dev.pktpath.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads the rules in force: the built-in table, then the user's file
 * {@code $XDG_CONFIG_HOME/pktpath-tui/subsystems.rules} ({@code ~/.config/...} when the variable is
 * unset) if it exists, then the file given with {@code --rules}. Later rules override earlier ones.
 */
public final class RulesLoader {
    /** Rules files are small tables; anything bigger is a mistake (or {@code /dev/zero}), not a table. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private RulesLoader() {
    }

    /** Where the per-user rules file lives for this environment, or null when neither XDG_CONFIG_HOME nor HOME is set. */
    public static Path userRulesFile(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "pktpath-tui", "subsystems.rules");
        }
        String home = env.get("HOME");
        return home == null || home.isEmpty() ? null : Path.of(home, ".config", "pktpath-tui", "subsystems.rules");
    }

    /**
     * Built-in rules, then the user's file when present, then {@code extra} when not null.
     *
     * @throws RulesException naming the file (and line) that cannot be used
     */
    public static SubsystemRules load(Path extra, Map<String, String> env) throws RulesException {
        SubsystemRules rules = SubsystemRules.builtIn();
        Path user = userRulesFile(env);
        if (user != null && Files.isRegularFile(user)) {
            rules = rules.plus(read(user), new RuleSource(RuleSource.Kind.USER_CONFIG, user.toString()));
        }
        if (extra != null) {
            rules = rules.plus(read(extra), new RuleSource(RuleSource.Kind.COMMAND_LINE, extra.toString()));
        }
        return rules;
    }

    static String read(Path file) throws RulesException {
        if (Files.isDirectory(file)) {
            throw new RulesException(file + ": is a directory, not a rules file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new RulesException(file + ": no such file");
        } catch (IOException e) {
            throw new RulesException(file + ": cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new RulesException(file + ": too large for a rules file (over " + MAX_BYTES / (1024 * 1024) + " MiB)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RulesException(file + ": not UTF-8 text");
        }
    }
}
