package dev.pktpath.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the plain-text rules table (the format is described in the header of the built-in
 * {@code subsystems.rules}): one rule a line, {@code PATTERN SUBSYSTEM STAGE}, {@code #} comments.
 */
final class RulesFormat {
    private RulesFormat() {
    }

    /*
     * A rule line, {@code tcp_v4_rcv              net-tcp      l4-rx     # the segment reaches TCP}, is
     * three columns split on the blanks of regex \s ([ \t\n\x0B\f\r]), as the pattern
     * ^(\S+)\s+(\S+)\s+(\S+)\s*$ would read it; split by hand (see columns) because the built-in
     * table is read at every start-up.
     */

    /**
     * {@code net-tcp}, {@code kdump}, {@code my-driver}: lower-case words joined by dashes, that is
     * {@code ^[a-z0-9][a-z0-9_]*(?:-[a-z0-9_]+)*$}, checked by hand (see {@link #isSubsystemName}).
     */
    static boolean isSubsystemName(String s) {
        if (s.isEmpty() || s.charAt(0) == '_' || s.charAt(0) == '-' || s.charAt(s.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
            if (!word && !(c == '-' && s.charAt(i - 1) != '-')) {
                return false;
            }
        }
        return true;
    }

    /** The three blank-separated columns of a stripped, uncommented rule line, or null when there are not three. */
    /** The start of an error message: {@code my.rules:12: }. Built only on error (a string concatenation per line costs at start-up). */
    private static String where(RuleSource source, int n) {
        return source.name() + ":" + n + ": ";
    }

    static String[] columns(String line) {
        String[] cols = new String[3];
        int n = 0;
        int i = 0;
        int len = line.length();
        while (i < len) {
            while (i < len && isBlank(line.charAt(i))) {
                i++;
            }
            if (i == len) {
                break;
            }
            int start = i;
            while (i < len && !isBlank(line.charAt(i))) {
                i++;
            }
            if (n == 3) {
                return null;
            }
            cols[n++] = line.substring(start, i);
        }
        return n == 3 && !isBlank(line.charAt(0)) ? cols : null;
    }

    /** Regex {@code \s} without UNICODE_CHARACTER_CLASS. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

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
        String[] m = columns(line);
        if (m == null) {
            throw new RulesException(source.name() + ":" + n + ": expected three columns PATTERN SUBSYSTEM STAGE, got '" + line + "'");
        }
        String pattern = m[0];
        Rule.Target target = Rule.Target.FUNCTION;
        if (pattern.startsWith(Rule.Target.PATH.prefix())) {
            target = Rule.Target.PATH;
        } else if (pattern.startsWith(Rule.Target.MODULE.prefix())) {
            target = Rule.Target.MODULE;
        } else if (pattern.startsWith("fn:")) {
            pattern = pattern.substring(3);
        } else if (pattern.indexOf(':') >= 0) {
            throw new RulesException(where(source, n) + "unknown pattern kind in '" + pattern + "' (use path:PREFIX, module:GLOB or a function GLOB)");
        }
        pattern = pattern.substring(target.prefix().length());
        if (pattern.isEmpty()) {
            throw new RulesException(where(source, n) + "empty pattern");
        }
        if (target != Rule.Target.PATH) {
            try {
                // the same checks as Glob.compile, without building a regex per rule
                Glob.expand(pattern);
            } catch (IllegalArgumentException e) {
                throw new RulesException(where(source, n) + e.getMessage());
            }
        }
        String subsystem = m[1];
        if (!subsystem.equals(KEEP_SUBSYSTEM) && !isSubsystemName(subsystem)) {
            throw new RulesException(where(source, n) + "subsystem '" + subsystem + "' must be lower-case words joined by '-', like net-tcp, or '=' to keep it");
        }
        if (subsystem.equals(KEEP_SUBSYSTEM) && target != Rule.Target.FUNCTION) {
            throw new RulesException(where(source, n) + "'=' (keep the subsystem) works for function patterns only");
        }
        Optional<StageSpec> stage = StageSpec.parse(m[2]);
        if (stage.isEmpty()) {
            throw new RulesException(where(source, n) + "unknown stage '" + m[2] + "' (a stage such as l4-rx, a stage with :rx or :tx,"
                    + " a family driver/core/l3/l4, 'caller' for the caller's stage, or '-' for none)");
        }
        return new Rule(target, pattern, subsystem, stage.get(), source, n);
    }
}
