package dev.pktpath.tui;

import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.session.CommandException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Turns the session's filter expression into "is frame i shown?". The one place the explorer
 * evaluates filters, so that switching to the shared filter of the analysis package is a change here.
 * The language is {@code print --subsystem}'s: words separated by blanks or commas; {@code net}
 * keeps {@code net} and every {@code net-*} subsystem; {@code -S} or {@code !S} hides S.
 */
final class FilterBinding {
    private FilterBinding() {
    }

    /** Checks an expression without a trace, so a bad filter is refused before it is set. */
    static void validate(String expression) throws CommandException {
        parse(expression);
    }

    static IntPredicate compile(String expression, TraceAnalysis a) throws CommandException {
        List<String>[] words = parse(expression);
        List<String> keep = words[0];
        List<String> hide = words[1];
        if (keep.isEmpty() && hide.isEmpty()) {
            return i -> true;
        }
        return i -> {
            String s = a.classOf(i).subsystem();
            for (String h : hide) {
                if (matches(h, s)) {
                    return false;
                }
            }
            if (keep.isEmpty()) {
                return true;
            }
            for (String k : keep) {
                if (matches(k, s)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean matches(String word, String subsystem) {
        return subsystem != null && (subsystem.equals(word) || subsystem.startsWith(word + "-"));
    }

    @SuppressWarnings("unchecked")
    private static List<String>[] parse(String expression) throws CommandException {
        List<String> keep = new ArrayList<>();
        List<String> hide = new ArrayList<>();
        for (String w : (expression == null ? "" : expression).split("[\\s,]+")) {
            if (w.isEmpty()) {
                continue;
            }
            boolean not = w.startsWith("-") || w.startsWith("!");
            String name = not ? w.substring(1) : w;
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw new CommandException("bad filter word '" + dev.pktpath.render.Sanitizer.clean(w)
                        + "' (try: net, net-tcp, -mm, !sched)");
            }
            (not ? hide : keep).add(name);
        }
        return new List[]{keep, hide};
    }
}
