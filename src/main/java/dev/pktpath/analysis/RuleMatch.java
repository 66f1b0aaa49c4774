package dev.pktpath.analysis;

/**
 * What the rules say about one frame before the journey puts it in context.
 *
 * @param rule the rule that decided, null when none matched ({@code unknown})
 */
public record RuleMatch(String subsystem, StageSpec stage, Rule rule) {
    public static final RuleMatch UNKNOWN = new RuleMatch("unknown", StageSpec.NONE, null);
}
