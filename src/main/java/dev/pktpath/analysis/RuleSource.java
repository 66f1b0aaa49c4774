package dev.pktpath.analysis;

/**
 * Where a rule came from, so that {@code pktpath-tui subsystems} can say which file to edit.
 *
 * @param kind where in the load order the file sits: built-in table, the user's config file, {@code --rules}
 * @param name what to show: {@code built-in}, or the file's path as the user would type it
 */
public record RuleSource(Kind kind, String name) {
    public enum Kind { BUILT_IN, USER_CONFIG, COMMAND_LINE }

    public static final RuleSource BUILT_IN = new RuleSource(Kind.BUILT_IN, "built-in");
}
