package dev.pktpath.analysis;

import dev.pktpath.model.Frame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subsystem and stage of a frame, from rules kept as data: the built-in table
 * {@code subsystems.rules} (a resource next to this class), then any user tables in load order.
 *
 * <p>How a frame is matched: among the function rules, among the path rules (only for a frame that
 * carries a source path) and among the module rules (only for a frame with a module), the LAST rule
 * that matches wins, so later lines and later files override earlier ones. Then:
 * <ol>
 *   <li>a path rule, when one matched, gives the subsystem: the file says where the code lives; the
 *       function rule still gives the stage when it names the same subsystem (it is more precise);</li>
 *   <li>else the function rule decides;</li>
 *   <li>else the module rule ({@code module:bnx2}) decides;</li>
 *   <li>else the frame is {@code unknown}, with no stage.</li>
 * </ol>
 * Immutable, and safe to share between threads; results are cached per function name, source file and module.
 */
public final class SubsystemRules {
    static final String BUILT_IN_RESOURCE = "subsystems.rules";

    private static volatile SubsystemRules builtIn;

    private final List<Rule> rules;
    private final List<Rule.Compiled> functionRules = new ArrayList<>();
    private final List<Rule.Compiled> pathRules = new ArrayList<>();
    private final List<Rule.Compiled> moduleRules = new ArrayList<>();
    private final Map<String, Optional<RuleMatch>> byFunction = new ConcurrentHashMap<>();
    private final Map<String, Optional<RuleMatch>> byPath = new ConcurrentHashMap<>();
    private final Map<String, Optional<RuleMatch>> byModule = new ConcurrentHashMap<>();
    /**
     * {@link #byPath} by the source text as printed ({@code net/core/dev.c: 3590}): frames of one
     * parse thread share one copy of each source string, whose hash the String keeps, so a frame's
     * lookup here cuts and hashes nothing (keys compare by value, so copies from other threads find
     * the same entry), where {@link #pathKey} made a new string to hash for every frame of a
     * {@code bt -l} dump.
     * Bounded like the name pools: past {@link #MAX_SOURCES} sources are looked up by path only.
     */
    private final Map<String, Optional<RuleMatch>> bySource = new ConcurrentHashMap<>();
    private static final int MAX_SOURCES = 100_000;
    private final boolean pathRuleHasColon;

    private SubsystemRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        for (Rule r : this.rules) {
            Rule.Compiled c = new Rule.Compiled(r);
            switch (r.target()) {
                case FUNCTION -> functionRules.add(c);
                case PATH -> pathRules.add(c);
                case MODULE -> moduleRules.add(c);
            }
        }
        this.pathRuleHasColon = pathRules.stream().anyMatch(c -> c.rule.pattern().indexOf(':') >= 0);
    }

    /** The table shipped in the jar. A broken built-in table is a build defect, so it fails loudly. */
    public static SubsystemRules builtIn() {
        SubsystemRules r = builtIn;
        if (r == null) {
            try {
                r = new SubsystemRules(RulesFormat.parse(builtInText(), RuleSource.BUILT_IN));
            } catch (RulesException e) {
                throw new IllegalStateException("built-in rules unreadable: " + e.getMessage(), e);
            }
            builtIn = r;
        }
        return r;
    }

    /** The built-in table as shipped, header comment included. */
    public static String builtInText() {
        try (InputStream in = SubsystemRules.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in rules resource missing: " + BUILT_IN_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("built-in rules unreadable: " + e.getMessage(), e);
        }
    }

    /** These rules followed by the rules in {@code text}, which override them where both match. */
    public SubsystemRules plus(String text, RuleSource source) throws RulesException {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(RulesFormat.parse(text, source));
        return new SubsystemRules(all);
    }

    /** Every rule in load order: built-in first, the last match wins. */
    public List<Rule> rules() {
        return rules;
    }

    /** The subsystem names the rules can give, plus {@code unknown}, sorted. */
    public Set<String> subsystems() {
        Set<String> s = subsystems;
        if (s == null) {
            s = subsystemNames();
            subsystems = s;
        }
        return s;
    }

    /** Computed once per rules: print checks its filter against it at every start-up. */
    private volatile Set<String> subsystems;

    private Set<String> subsystemNames() {
        Set<String> names = new TreeSet<>();
        for (Rule r : rules) {
            names.add(r.subsystem());
        }
        names.remove(RulesFormat.KEEP_SUBSYSTEM);
        names.add("unknown");
        return Collections.unmodifiableSet(names);
    }

    /** What the rules say about a frame, before context (direction, caller) is known. */
    public RuleMatch match(Frame frame) {
        // Three caches, one per rule kind, keyed by what that kind looks at: a dump of 190,000 tasks
        // has a few thousand distinct names but source paths that differ only by line number.
        RuleMatch fn = frame.function() == null ? null
                : byFunction.computeIfAbsent(frame.normalizedName(), k -> Optional.ofNullable(last(functionRules, frame)))
                        .orElse(null);
        String source = frame.source();
        if (source != null) {
            Optional<RuleMatch> byText = bySource.get(source);
            if (byText == null) {
                byText = byPath.computeIfAbsent(pathKey(source), k -> Optional.ofNullable(bestPath(source)));
                if (bySource.size() < MAX_SOURCES) {
                    bySource.put(source, byText);
                }
            }
            RuleMatch path = byText.orElse(null);
            if (path != null) {
                StageSpec stage = fn != null && fn.subsystem().equals(path.subsystem()) ? fn.stage() : path.stage();
                return new RuleMatch(path.subsystem(), stage, path.rule());
            }
        }
        if (fn != null) {
            return fn;
        }
        String module = frame.module();
        if (module == null) {
            return RuleMatch.UNKNOWN;
        }
        RuleMatch mod = byModule.computeIfAbsent(module, k -> Optional.ofNullable(last(moduleRules, frame))).orElse(null);
        return mod != null ? mod : RuleMatch.UNKNOWN;
    }

    /**
     * The part of a source path the path rules can see: {@code net/core/dev.c: 3590} without the line
     * number, unless a rule's prefix itself holds a colon (then the whole text, to stay exact).
     */
    private String pathKey(String source) {
        int colon = source.lastIndexOf(':');
        if (colon < 0 || pathRuleHasColon) {
            return source;
        }
        for (int i = colon + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c != ' ' && (c < '0' || c > '9')) {
                return source;
            }
        }
        return source.substring(0, colon);
    }

    /**
     * Subsystem and stage of a frame on its own. Families and {@code =} need the frames around them;
     * here a family counts as its receive stage and {@code =} as no stage. The packet journey
     * ({@link JourneyBuilder}) gives the stage in context.
     */
    public FrameClass classify(Frame frame) {
        RuleMatch m = match(frame);
        return FrameClass.of(m.subsystem(), m.stage().hasStage() ? m.stage().rx().id() : null);
    }

    /**
     * The path rule that explains most of the path (the earliest anchored prefix), the last one on a
     * tie: in {@code drivers/net/ethernet/x.c}, {@code drivers/net/} beats {@code net/}.
     */
    private RuleMatch bestPath(String source) {
        Rule best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Rule.Compiled c : pathRules) {
            int at = c.anchor(source);
            if (at >= 0 && at <= bestAt) {
                best = c.rule;
                bestAt = at;
            }
        }
        return best == null ? null : new RuleMatch(best.subsystem(), best.stage(), best);
    }

    /**
     * The last rule of the list that matches; a rule whose subsystem is {@code =} gives only the
     * stage, and the subsystem comes from the last matching rule above it ({@code unknown} if none).
     */
    private static RuleMatch last(List<Rule.Compiled> list, Frame frame) {
        if (list.isEmpty()) {
            return null;
        }
        // the name the rules compare, worked out once for the whole list (all its rules are of one kind)
        String name = Rule.Compiled.nameOf(list.get(0).rule.target(), frame);
        if (name == null) {
            return null;
        }
        boolean plain = Glob.isPlain(name);
        for (int i = list.size() - 1; i >= 0; i--) {
            if (!list.get(i).matchesName(name, plain)) {
                continue;
            }
            Rule winner = list.get(i).rule;
            if (!winner.subsystem().equals(RulesFormat.KEEP_SUBSYSTEM)) {
                return new RuleMatch(winner.subsystem(), winner.stage(), winner);
            }
            for (int j = i - 1; j >= 0; j--) {
                Rule above = list.get(j).rule;
                if (!above.subsystem().equals(RulesFormat.KEEP_SUBSYSTEM) && list.get(j).matchesName(name, plain)) {
                    return new RuleMatch(above.subsystem(), winner.stage(), winner);
                }
            }
            return new RuleMatch("unknown", winner.stage(), winner);
        }
        return null;
    }
}
