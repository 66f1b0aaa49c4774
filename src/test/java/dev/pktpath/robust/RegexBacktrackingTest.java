package dev.pktpath.robust;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every regex in {@code dev.pktpath.parse} (found by reflection) runs over pathological lines in a
 * number of character reads linear in the line's length: no catastrophic backtracking, no stack
 * overflow from a recursive group. Measured in reads of the text, not time, so it cannot flake.
 */
class RegexBacktrackingTest {
    /**
     * Line length for the cross product of prefixes, seeds and patterns: the crash-bt grammars never see
     * a longer line (CrashBtParser.MAX_LINE), and a quadratic pattern already costs 20x the budget here.
     */
    static final int N = 4096;
    /** Length for the second pass over the patterns that see lines of any length (console, cleaning). */
    static final int LONG = 200_000;
    /** Reads allowed per character; a linear pattern with a few alternatives reads each one a few times. */
    static final int READS_PER_CHAR = 50;

    /** Starts that get an anchored pattern past its first token, so the pathological part reaches its inner loops. */
    static final List<String> PREFIXES = List.of("", "#1 ", "#1 [ffff8800282034c0] x", "[exception RIP: ",
            "PID: 1 TASK: ffff CPU: 1 COMMAND: ", "RIP: 0010:", "GPR00: ", "Krnl GPRS: ", "START: x", "--- <",
            "bt: ", "f+0x1/0x2 ", "[<c0221a44>] (f", "KERNEL-MODE EXCEPTION FRAME AT: ", "> ", "[   1.000000] ",
            "Mar  3 10:00:00 host kernel: ", "BUG: ", "R8: ", "x [ffff] exception frame:", "[ffff8800282034c0] x", "$ 4 : ", "PSW: 0 0 (",
            "-function : x", "[NIP : ");

    /** Repeated to fill the line: blanks, words, the tokens the grammars look for, escape introducers. */
    static final List<String> SEEDS = List.of(" ", "a", "a+", "#1 [", "#1 [ffff] ", "at ", " at", "ffff", "0x1",
            "+0x1/0x2 ", "[<ffff>] ", "[", "(", ">", "> ", "\u001b[", "\u001b]", "\u001b", "PID: 1 ", "[ 1.000000] ",
            "<4>", "---", "... ", "ffffffffffffffff ", ":", "a:", "x.c:1 ", "[a] ", "/", "\\", "\"", "a.", " from ",
            "[<c0>] (f) from ", "R8: ffff ", "\t", "..", "(via ", "x ", "a ", "-");

    record Offence(String pattern, String prefix, String seed, String what) {
    }

    @Test
    void everyParsePatternReadsPathologicalLinesInLinearTime() {
        Map<String, Pattern> patterns = ParsePatterns.in("dev.pktpath.parse");
        assertThat(patterns).as("the parse package's patterns, found by reflection").hasSizeGreaterThan(40);
        List<Offence> offences = new ArrayList<>();
        long worst = 0;
        String worstAt = "";
        for (String prefix : PREFIXES) {
            for (String seed : SEEDS) {
                String line = prefix + seed.repeat((N - prefix.length()) / seed.length() + 1) + "!";
                for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
                    long reads = run(e.getValue(), line, offences, e.getKey(), prefix, seed);
                    if (reads > worst) {
                        worst = reads;
                        worstAt = e.getKey() + " on " + show(prefix) + "+" + show(seed) + "*";
                    }
                }
            }
        }
        System.out.printf("regex linearity: %d patterns x %d lines of %d chars; worst %.1f reads/char (%s)%n",
                patterns.size(), PREFIXES.size() * SEEDS.size(), N, (double) worst / N, worstAt);
        assertThat(summary(offences))
                .as("patterns that backtrack badly or overflow the stack").isEmpty();
    }

    /**
     * Patterns outside the crash-bt grammar see whole lines of any length (a 10 MB line of a console
     * log reaches LineCleaner and the oops grammar): the same seeds at 200,000 characters, where a
     * group loop that recurses per iteration overflows the stack and a quadratic pattern never ends.
     */
    @Test
    void patternsThatSeeUnboundedLinesStayLinearOnVeryLongLines() {
        Map<String, Pattern> patterns = ParsePatterns.in("dev.pktpath.parse");
        patterns.keySet().removeIf(name -> name.startsWith("CrashBt"));
        List<Offence> offences = new ArrayList<>();
        for (String seed : SEEDS) {
            for (String prefix : List.of("", "f+0x1/0x2 ")) {
                String line = prefix + seed.repeat(LONG / seed.length() + 1) + "!";
                for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
                    run(e.getValue(), line, offences, e.getKey(), prefix, seed);
                }
            }
        }
        assertThat(summary(offences))
                .as("patterns that backtrack badly or overflow the stack on long lines").isEmpty();
    }

    /** Runs matches() and a full find() loop (as replaceAll does); returns the reads of the costlier one. */
    static long run(Pattern p, String line, List<Offence> offences, String name, String prefix, String seed) {
        long budget = (long) READS_PER_CHAR * line.length() + 10_000;
        long most = 0;
        for (boolean whole : new boolean[]{true, false}) {
            StepCountingText text = new StepCountingText(line, budget);
            try {
                Matcher m = p.matcher(text);
                if (whole) {
                    m.matches();
                } else {
                    while (m.find()) {
                        // consume every match, as replaceAll does
                    }
                }
            } catch (StepCountingText.BudgetExceeded ex) {
                offences.add(new Offence(name, show(prefix), show(seed), (whole ? "matches" : "find") + ": " + ex.getMessage()));
            } catch (StackOverflowError ex) {
                offences.add(new Offence(name, show(prefix), show(seed), (whole ? "matches" : "find") + ": stack overflow"));
            }
            most = Math.max(most, text.reads());
        }
        return most;
    }

    /** One line per offending pattern, with its first pathological line, so a failure reads in a glance. */
    static List<String> summary(List<Offence> offences) {
        Map<String, String> first = new java.util.TreeMap<>();
        Map<String, Integer> count = new java.util.HashMap<>();
        for (Offence o : offences) {
            first.putIfAbsent(o.pattern(), o.prefix() + "+(" + o.seed() + ")* " + o.what());
            count.merge(o.pattern(), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        first.forEach((k, v) -> out.add(k + " (" + count.get(k) + " lines), e.g. " + v));
        return out;
    }

    static String show(String s) {
        return s.replace("\u001b", "\\e").replace("\t", "\\t");
    }
}
