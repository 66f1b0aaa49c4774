package dev.pktpath.analysis;

import dev.pktpath.model.Frame;

import java.util.regex.Pattern;

/**
 * One line of a rules table: a pattern on a frame's function name, source path or module, and the
 * subsystem and stage it assigns. See the header of {@code subsystems.rules} for the format.
 *
 * @param target  what the pattern looks at
 * @param pattern the pattern as written (glob, or path prefix)
 * @param line    1-based line in {@code source}
 */
public record Rule(Target target, String pattern, String subsystem, StageSpec stage, RuleSource source, int line) {
    /** What a rule's pattern is compared with. */
    public enum Target {
        /** {@code tcp_*}: a glob on the function name, clone suffixes ({@code .isra.0}) removed. */
        FUNCTION(""),
        /** {@code path:net/ipv4/tcp}: a kernel source-path prefix, for frames printed with {@code file:line}. */
        PATH("path:"),
        /** {@code module:bnx2}: a glob on the module in brackets after the frame ({@code [bnx2]}). */
        MODULE("module:");

        private final String prefix;

        Target(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /**
     * A rule with its pattern prepared once: a literal is compared as it is, a glob is matched as
     * plain globs (braces expanded, see {@link Glob#expand}) without a regex; the regex is compiled
     * only for a name the plain walk cannot judge ({@link Glob#isPlain}) or a glob with too many
     * alternatives.
     */
    static final class Compiled {
        final Rule rule;
        /** Null for a path rule or a literal name. */
        private final String[] plain;
        private final boolean literal;
        private volatile Pattern glob;

        Compiled(Rule rule) {
            this.rule = rule;
            this.literal = rule.target == Target.PATH || Glob.isLiteral(rule.pattern);
            this.plain = literal ? null : Glob.expand(rule.pattern);
        }

        boolean matches(Frame f) {
            return switch (rule.target) {
                case FUNCTION -> f.function() != null && matchesName(withoutDot(f.normalizedName()));
                case MODULE -> f.module() != null && matchesName(f.module());
                case PATH -> f.source() != null && matchesPath(f.source());
            };
        }

        /** ppc64 ELFv1 prints function descriptors' entry points with a leading dot: {@code .ip_rcv}. */
        private static String withoutDot(String name) {
            return name.length() > 1 && name.charAt(0) == '.' ? name.substring(1) : name;
        }

        /**
         * What a function or module rule compares for a frame: the normalised function name without a
         * ppc64 dot, or the module; null when the frame has none (no such rule matches it).
         */
        static String nameOf(Target target, Frame f) {
            return switch (target) {
                case FUNCTION -> f.function() == null ? null : withoutDot(f.normalizedName());
                case MODULE -> f.module();
                case PATH -> throw new IllegalArgumentException("path rules match by prefix");
            };
        }

        boolean matchesName(String name) {
            return matchesName(name, Glob.isPlain(name));
        }

        /** {@link #matchesName(String)} with {@link Glob#isPlain} of the name worked out once by the caller. */
        boolean matchesName(String name, boolean plainName) {
            if (literal) {
                return rule.pattern.equals(name);
            }
            if (plain != null && plainName) {
                for (String p : plain) {
                    if (Glob.matchesPlain(p, name)) {
                        return true;
                    }
                }
                return false;
            }
            return regex().matcher(name).matches();
        }

        private Pattern regex() {
            Pattern p = glob;
            if (p == null) {
                p = Glob.compile(rule.pattern);
                glob = p;
            }
            return p;
        }

        /**
         * A prefix of the path relative to the kernel tree: {@code net/ipv4/tcp} matches
         * {@code net/ipv4/tcp_input.c:2776} and {@code /usr/src/debug/linux-2.6.32/net/ipv4/tcp_output.c: 1234}.
         */
        boolean matchesPath(String source) {
            return anchor(source) >= 0;
        }

        /**
         * Where in the source path the prefix matches, at the start or just after a '/'; -1 when nowhere.
         * The earlier the anchor, the more of the path the rule explains: {@code drivers/net/} anchors
         * at 0 in {@code drivers/net/ethernet/x.c}, where {@code net/} would anchor only at 8.
         */
        int anchor(String source) {
            String p = rule.pattern;
            for (int at = 0; at >= 0 && at < source.length(); at = source.indexOf('/', at) < 0 ? -1 : source.indexOf('/', at) + 1) {
                if (source.startsWith(p, at)) {
                    return at;
                }
            }
            return -1;
        }
    }

    /** The rule as it would be written in a rules file. */
    public String patternText() {
        return target.prefix() + pattern;
    }
}
