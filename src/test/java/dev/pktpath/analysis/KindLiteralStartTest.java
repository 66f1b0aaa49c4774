package dev.pktpath.analysis;

import dev.pktpath.model.Trace;
import dev.pktpath.testing.CorpusFiles;
import dev.pktpath.testing.GeneratedTraces;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NamingRules#matchKind} skips a kind rule's regex on a headline that does not begin with the
 * rule's literal start or does not hold its inner literal: the start must be what every match begins
 * with, and the inner literal in every match, or a crash would lose its name.
 */
class KindLiteralStartTest {
    @Test
    void theLeadingPlainTextOfARegex() {
        assertThat(NamingRules.literalStart("BUG: KASAN: ([a-z\\-]+) on")).isEqualTo("BUG: KASAN: ");
        assertThat(NamingRules.literalStart("kernel BUG at")).isEqualTo("kernel BUG at");
        assertThat(NamingRules.literalStart("Oops: [0-9a-f]+")).isEqualTo("Oops: ");
        assertThat(NamingRules.literalStart("general protection fault.*")).isEqualTo("general protection fault");
        // a quantified last character may be absent
        assertThat(NamingRules.literalStart("WARNINGS?: x")).isEqualTo("WARNING");
        assertThat(NamingRules.literalStart("ab*c")).isEqualTo("a");
        assertThat(NamingRules.literalStart("ab{2}")).isEqualTo("a");
        // an escape ends the plain text (it may stand for a class)
        assertThat(NamingRules.literalStart("x\\sy")).isEqualTo("x");
        // a group, flags, an anchor or a top-level alternative: no start to require
        assertThat(NamingRules.literalStart("(?:watchdog: )?BUG: soft lockup")).isEmpty();
        assertThat(NamingRules.literalStart("(?i)bug")).isEmpty();
        assertThat(NamingRules.literalStart("^BUG")).isEmpty();
        assertThat(NamingRules.literalStart("BUG: a|WARNING: b")).isEmpty();
        // an alternative inside a group or a class is not top-level
        assertThat(NamingRules.literalStart("BUG: (a|b)")).isEqualTo("BUG: ");
        assertThat(NamingRules.literalStart("BUG: [|x]")).isEqualTo("BUG: ");
        assertThat(NamingRules.literalStart("BUG: \\|x|y")).isEmpty();
    }

    @Test
    void thePlainTextEveryMatchHoldsPastItsStart() {
        assertThat(NamingRules.innerLiteral("WARNING: .*mm/usercopy\\.c")).isEqualTo("mm/usercopy.c");
        assertThat(NamingRules.innerLiteral("WARNING: .*fs/proc/generic\\.c.* proc_register")).isEqualTo("fs/proc/generic.c");
        assertThat(NamingRules.innerLiteral("(?:watchdog: |NMI watchdog: )?BUG: soft lockup")).isEqualTo("BUG: soft lockup");
        // the leading text is the literal start's business
        assertThat(NamingRules.innerLiteral("BUG: memory leak")).isEmpty();
        // quantified characters and counted repeats are not required; what follows them is
        assertThat(NamingRules.innerLiteral("a.*b?c")).isEqualTo("c");
        assertThat(NamingRules.innerLiteral("ab{2}cd")).isEqualTo("cd");
        assertThat(NamingRules.innerLiteral("a.*xy+z")).isEqualTo("x");
        // groups and classes are not plain text; escaped punctuation is
        assertThat(NamingRules.innerLiteral("a(b|c)d")).isEqualTo("d");
        assertThat(NamingRules.innerLiteral("x[ab]yz")).isEqualTo("yz");
        assertThat(NamingRules.innerLiteral("a.*\\(\\d+\\) of")).isEqualTo(") of");
        assertThat(NamingRules.innerLiteral(".*(SYZFAIL: .+?)\\s*$")).isEmpty();
        // flags or a top-level alternative: nothing to require
        assertThat(NamingRules.innerLiteral("a.*(?i)warning")).isEmpty();
        assertThat(NamingRules.innerLiteral("a.*b|c.*d")).isEmpty();
    }

    /** Over the built-in rules and every headline of the corpus and a generated console log. */
    @Test
    void everyMatchBeginsWithItsRulesLiteralStart() throws Exception {
        Set<String> headlines = new LinkedHashSet<>();
        for (Path p : CorpusFiles.reports()) {
            for (Trace t : CorpusFiles.traces(p)) {
                if (t.headline() != null) {
                    headlines.add(t.headline());
                }
            }
        }
        for (Trace t : GeneratedTraces.parse(41, 42, 400_000)) {
            if (t.headline() != null) {
                headlines.add(t.headline());
            }
        }
        int matches = 0;
        int withStart = 0;
        for (NamingRules.KindRule k : NamingRules.builtIn().kinds()) {
            withStart += k.literalStart().isEmpty() ? 0 : 1;
            headlines.add(k.literalStart());
            for (String h : headlines) {
                if (k.headline().matcher(h).lookingAt()) {
                    matches++;
                    assertThat(h).as("rule %s", k.headline().pattern()).startsWith(k.literalStart())
                            .contains(k.innerLiteral());
                }
            }
        }
        assertThat(headlines).hasSizeGreaterThan(300);
        assertThat(matches).isGreaterThan(300);
        // the filter has something to do: most rules begin with plain text, and the warnings' file
        // rules hold some after it
        assertThat(withStart).isGreaterThan(NamingRules.builtIn().kinds().size() / 2);
        assertThat(NamingRules.builtIn().kinds().stream().filter(k -> !k.innerLiteral().isEmpty()).count()).isGreaterThan(10);
    }
}
