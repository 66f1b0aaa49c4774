package dev.pktpath.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plain-text rules table (the format is described in the header of the built-in
 * {@code subsystems.rules}): one rule a line, {@code PATTERN SUBSYSTEM STAGE}, {@code #} comments.
 */
final class RulesFormat {
    private RulesFormat() {
    }

    /** {@code tcp_v4_rcv              net-tcp      l4-rx     # the segment reaches TCP} */
    private static final Pattern RULE_LINE = Pattern.compile("^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$");

    /** {@code net-tcp}, {@code kdump}, {@code my-driver}: lower-case words joined by dashes. */
    private static final Pattern SUBSYSTEM = Pattern.compile("^[a-z0-9][a-z0-9_]*(?:-[a-z0-9_]+)*$");

    /** The subsystem column {@code =}: keep what the earlier rules say, change only the stage. */
    static final String KEEP_SUBSYSTEM = "=";

    static List<Rule> parse(String text, RuleSource source) throws RulesException {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            rules.add(parseLine(line, source, i + 1));
        }
        return rules;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static Rule parseLine(String line, RuleSource source, int n) throws RulesException {
        Matcher m = RULE_LINE.matcher(line);
        String where = source.name() + ":" + n + ": ";
        if (!m.matches()) {
            throw new RulesException(where + "expected three columns PATTERN SUBSYSTEM STAGE, got '" + line + "'");
        }
        String pattern = m.group(1);
        Rule.Target target = Rule.Target.FUNCTION;
        if (pattern.startsWith(Rule.Target.PATH.prefix())) {
            target = Rule.Target.PATH;
        } else if (pattern.startsWith(Rule.Target.MODULE.prefix())) {
            target = Rule.Target.MODULE;
        } else if (pattern.startsWith("fn:")) {
            pattern = pattern.substring(3);
        } else if (pattern.indexOf(':') >= 0) {
            throw new RulesException(where + "unknown pattern kind in '" + pattern + "' (use path:PREFIX, module:GLOB or a function GLOB)");
        }
        pattern = pattern.substring(target.prefix().length());
        if (pattern.isEmpty()) {
            throw new RulesException(where + "empty pattern");
        }
        if (target != Rule.Target.PATH) {
            try {
                Glob.compile(pattern);
            } catch (IllegalArgumentException e) {
                throw new RulesException(where + e.getMessage());
            }
        }
        String subsystem = m.group(2);
        if (!subsystem.equals(KEEP_SUBSYSTEM) && !SUBSYSTEM.matcher(subsystem).matches()) {
            throw new RulesException(where + "subsystem '" + subsystem + "' must be lower-case words joined by '-', like net-tcp, or '=' to keep it");
        }
        if (subsystem.equals(KEEP_SUBSYSTEM) && target != Rule.Target.FUNCTION) {
            throw new RulesException(where + "'=' (keep the subsystem) works for function patterns only");
        }
        Optional<StageSpec> stage = StageSpec.parse(m.group(3));
        if (stage.isEmpty()) {
            throw new RulesException(where + "unknown stage '" + m.group(3) + "' (a stage such as l4-rx, a stage with :rx or :tx,"
                    + " a family driver/core/l3/l4, 'caller' for the caller's stage, or '-' for none)");
        }
        return new Rule(target, pattern, subsystem, stage.get(), source, n);
    }
}
