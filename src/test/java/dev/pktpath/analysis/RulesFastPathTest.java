package dev.pktpath.analysis;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules table is read without regexes at start-up (hand-split columns, globs matched by a
 * wildcard walk); these properties hold the hand-written code to what the regexes it replaced say.
 */
class RulesFastPathTest {

    /** Globs over a small alphabet, so that names often match: letters, '_', wildcards, braces. */
    @Provide
    Arbitrary<String> globs() {
        return Arbitraries.strings().withChars("ab_*?{},").ofMinLength(1).ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("ab_,{}*?").ofMaxLength(10);
    }

    @Property(tries = 3000)
    void plainWalkAgreesWithTheRegex(@ForAll("globs") String glob, @ForAll("names") String name) {
        Pattern regex;
        try {
            regex = Glob.compile(glob);
        } catch (IllegalArgumentException e) {
            assertThatThrownBy(() -> Glob.expand(glob)).isInstanceOf(IllegalArgumentException.class).hasMessage(e.getMessage());
            return;
        }
        String[] plain = Glob.expand(glob);
        boolean walked = false;
        for (String p : plain) {
            walked |= Glob.matchesPlain(p, name);
        }
        assertThat(walked).as("glob %s name %s", glob, name).isEqualTo(regex.matcher(name).matches());
        Rule rule = new Rule(Rule.Target.FUNCTION, glob, "lib", StageSpec.parse("-").orElseThrow(), RuleSource.BUILT_IN, 1);
        assertThat(new Rule.Compiled(rule).matchesName(name)).isEqualTo(Glob.isLiteral(glob) ? glob.equals(name) : regex.matcher(name).matches());
    }

    @Example
    void namesThePlainWalkCannotJudgeGoToTheRegex() {
        Rule rule = new Rule(Rule.Target.FUNCTION, "a?b", "lib", StageSpec.parse("-").orElseThrow(), RuleSource.BUILT_IN, 1);
        Rule.Compiled c = new Rule.Compiled(rule);
        assertThat(c.matchesName("a\uD83D\uDE00b")).isTrue(); // '?' takes a whole code point, as regex '.' does
        assertThat(c.matchesName("a\nb")).isFalse();          // and no line terminator
        assertThat(c.matchesName("axb")).isTrue();
    }

    @Example
    void tooManyAlternativesFallBackToTheRegex() {
        String glob = "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}x*";
        assertThat(Glob.expand(glob)).isNull();
        Rule rule = new Rule(Rule.Target.FUNCTION, glob, "lib", StageSpec.parse("-").orElseThrow(), RuleSource.BUILT_IN, 1);
        assertThat(new Rule.Compiled(rule).matchesName("abababababx_y")).isFalse();
        assertThat(new Rule.Compiled(rule).matchesName("ababababax_y")).isTrue();
    }

    private static final Pattern RULE_LINE = Pattern.compile("^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$");
    private static final Pattern SUBSYSTEM = Pattern.compile("^[a-z0-9][a-z0-9_]*(?:-[a-z0-9_]+)*$");

    @Property(tries = 3000)
    void columnsAgreeWithTheRuleLineRegex(@ForAll("lines") String raw) {
        String line = raw.strip();
        if (line.isEmpty()) {
            return;
        }
        java.util.regex.Matcher m = RULE_LINE.matcher(line);
        String[] cols = RulesFormat.columns(line);
        if (m.matches()) {
            assertThat(cols).containsExactly(m.group(1), m.group(2), m.group(3));
        } else {
            assertThat(cols).isNull();
        }
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().withChars("ab- \t\u000B\f\u00A0\u2028").ofMaxLength(14);
    }

    @Property(tries = 3000)
    void subsystemNamesAgreeWithTheRegex(@ForAll("subsystems") String s) {
        assertThat(RulesFormat.isSubsystemName(s)).as(s).isEqualTo(SUBSYSTEM.matcher(s).matches());
    }

    @Provide
    Arbitrary<String> subsystems() {
        return Arbitraries.strings().withChars("az09_-A.").ofMaxLength(8);
    }
}
