package dev.pktpath.analysis;

import dev.pktpath.model.Frame;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Which frames to show: a small query language shared by {@code print --subsystem}, the explorer's
 * filter and the REPL.
 *
 * <pre>
 * query  = term { [","] term }          terms are separated by blanks or commas
 * term   = [ "-" | "!" ] [ key ":" ] value
 * key    = "subsystem" | "sub"          (the default when no key is given)
 *        | "stage"                      a stage (l4-rx), or a family: l4 = l4-rx and l4-tx,
 *                                       likewise l3, core, driver
 *        | "dir"                        rx, tx or none: the direction of the frame's journey step
 *        | "fn"                         a glob on the function name: tcp_*, {ip,ip6}_rcv
 *        | "module" | "mod"             a glob on the module: bnx2, mlx5*
 * </pre>
 *
 * <p>A subsystem value names a subsystem or a family of them: {@code net} matches {@code net} and
 * every {@code net-*} subsystem, {@code net-tcp} matches {@code net-tcp} (and {@code net-tcp-*}).
 * A term with {@code -} or {@code !} in front excludes. A frame is shown when it matches at least
 * one including term (or there is none) and no excluding term; an empty query shows every frame.
 * Examples: {@code net}, {@code net -net-tcp}, {@code !kdump !fault}, {@code stage:l4 fn:tcp_*}.
 *
 * <p>Subsystem and stage names are checked when the query is read, so a typo is an error naming the
 * known names rather than a filter that silently hides everything.
 */
public final class FrameFilter {
    /** One-paragraph help for the query language, shared by every front end's help text. */
    public static final String SYNTAX = "Terms joined by blanks or commas, each [-|!][key:]value. A bare word is a"
            + " subsystem; 'net' matches every net-* subsystem. -S or !S hides S. Keys: stage: (a stage, or l3, l4,"
            + " core, driver for both directions), dir: (rx, tx, none), fn: and module: (globs such as tcp_* or"
            + " {ip,ip6}_rcv). A frame is shown when it matches an including term (or there is none) and no"
            + " excluding one.";

    public static final FrameFilter ALL = new FrameFilter("", List.of());

    /** One side of the query: what a term compares and with what. */
    enum Key { SUBSYSTEM, STAGE, DIR, FN, MODULE }

    record Term(boolean exclude, Key key, String value, Pattern glob) {
    }

    private static final List<String> DIRECTIONS = List.of("rx", "tx", "none");

    private final String text;
    private final List<Term> terms;

    private FrameFilter(String text, List<Term> terms) {
        this.text = text;
        this.terms = List.copyOf(terms);
    }

    /**
     * Reads a query.
     *
     * @param knownSubsystems the subsystem names the rules give ({@link SubsystemRules#subsystems()})
     * @throws FilterSyntaxException with a message and the position of the offending term
     */
    public static FrameFilter parse(String query, Collection<String> knownSubsystems) throws FilterSyntaxException {
        List<Term> terms = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(query.charAt(i)) && query.charAt(i) != ',') {
                i++;
            }
            terms.add(term(query, start, query.substring(start, i), knownSubsystems));
        }
        return new FrameFilter(query.strip(), terms);
    }

    private static Term term(String query, int at, String word, Collection<String> known) throws FilterSyntaxException {
        boolean exclude = word.startsWith("-") || word.startsWith("!");
        String body = exclude ? word.substring(1) : word;
        int bodyAt = exclude ? at + 1 : at;
        if (body.isEmpty()) {
            throw new FilterSyntaxException("'" + word + "' excludes nothing: write a subsystem after it, like -net-tcp", query, at);
        }
        Key key = Key.SUBSYSTEM;
        String value = body;
        int colon = body.indexOf(':');
        if (colon >= 0) {
            key = key(query, bodyAt, body.substring(0, colon));
            value = body.substring(colon + 1);
            bodyAt += colon + 1;
        }
        if (value.isEmpty()) {
            throw new FilterSyntaxException("'" + word + "' has no value after ':'", query, bodyAt);
        }
        switch (key) {
            case SUBSYSTEM -> checkSubsystem(query, bodyAt, value, known);
            case STAGE -> checkStage(query, bodyAt, value);
            case DIR -> {
                if (!DIRECTIONS.contains(value.toLowerCase(Locale.ROOT))) {
                    throw new FilterSyntaxException("unknown direction '" + value + "' (rx, tx or none)", query, bodyAt);
                }
            }
            case FN, MODULE -> {
                try {
                    return new Term(exclude, key, value, Glob.compile(value));
                } catch (IllegalArgumentException e) {
                    throw new FilterSyntaxException(e.getMessage(), query, bodyAt);
                }
            }
        }
        return new Term(exclude, key, value.toLowerCase(Locale.ROOT), null);
    }

    private static Key key(String query, int at, String name) throws FilterSyntaxException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "subsystem", "sub" -> Key.SUBSYSTEM;
            case "stage" -> Key.STAGE;
            case "dir", "direction" -> Key.DIR;
            case "fn", "function" -> Key.FN;
            case "module", "mod" -> Key.MODULE;
            default -> throw new FilterSyntaxException("unknown key '" + name
                    + ":' (keys: subsystem:, stage:, dir:, fn:, module:; a bare word is a subsystem)", query, at);
        };
    }

    private static void checkSubsystem(String query, int at, String value, Collection<String> known)
            throws FilterSyntaxException {
        String v = value.toLowerCase(Locale.ROOT);
        for (String s : known) {
            if (subsystemMatches(v, s)) {
                return;
            }
        }
        TreeSet<String> families = new TreeSet<>();
        for (String s : known) {
            int dash = s.indexOf('-');
            families.add(dash > 0 ? s.substring(0, dash) : s);
        }
        throw new FilterSyntaxException("unknown subsystem '" + value + "' (try one of: " + String.join(" ", families)
                + "; 'pktpath-tui subsystems' lists them all)", query, at);
    }

    private static void checkStage(String query, int at, String value) throws FilterSyntaxException {
        String v = value.toLowerCase(Locale.ROOT);
        if (Stage.byId(v).isPresent()) {
            return;
        }
        for (String[] f : StageSpec.FAMILIES) {
            if (f[0].equals(v)) {
                return;
            }
        }
        List<String> names = new ArrayList<>();
        for (Stage s : Stage.values()) {
            names.add(s.id());
        }
        throw new FilterSyntaxException("unknown stage '" + value + "' (stages: " + String.join(" ", names)
                + "; families: l3 l4 core driver)", query, at);
    }

    /** {@code net} matches {@code net} and {@code net-tcp}; {@code net-tcp} matches {@code net-tcp} only (and its own family). */
    static boolean subsystemMatches(String value, String subsystem) {
        return subsystem.equals(value) || subsystem.startsWith(value + "-");
    }

    /** True when the query shows every frame. */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The query as typed, blanks around it removed. */
    public String text() {
        return text;
    }

    /** Which frames of an analysed trace the filter shows, by frame index. */
    public IntPredicate visibleFrames(TraceAnalysis a) {
        if (terms.isEmpty()) {
            return i -> true;
        }
        String[] dirs = new String[a.trace().frames().size()];
        for (JourneyStep s : a.journey().steps()) {
            for (int i : s.frames()) {
                if (i >= 0 && i < dirs.length) {
                    dirs[i] = s.direction();
                }
            }
        }
        boolean anyInclude = terms.stream().anyMatch(t -> !t.exclude());
        return i -> {
            Frame f = a.trace().frames().get(i);
            FrameClass c = a.classOf(i);
            String dir = dirs[i] == null ? "none" : dirs[i];
            boolean included = !anyInclude;
            for (Term t : terms) {
                if (matches(t, f, c, dir)) {
                    if (t.exclude()) {
                        return false;
                    }
                    included = true;
                }
            }
            return included;
        };
    }

    private static boolean matches(Term t, Frame f, FrameClass c, String dir) {
        return switch (t.key()) {
            case SUBSYSTEM -> c.subsystem() != null && subsystemMatches(t.value(), c.subsystem());
            case STAGE -> c.stage() != null && (c.stage().equals(t.value()) || c.stage().startsWith(t.value() + "-"));
            case DIR -> dir.equals(t.value());
            case FN -> f.function() != null && t.glob().matcher(f.normalizedName()).matches();
            case MODULE -> f.module() != null && t.glob().matcher(f.module()).matches();
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
