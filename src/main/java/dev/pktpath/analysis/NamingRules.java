package dev.pktpath.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The crash-naming table ({@code crash-naming.txt}, described in its own header): how a headline
 * becomes a kind, which frames are machinery and never guilty, and how stalls and hung tasks pick
 * their frame. Loaded once; immutable.
 */
public final class NamingRules {
    private static final String RESOURCE = "/dev/pktpath/analysis/crash-naming.txt";

    /** A headline rule: regex at the headline's start, kind template, options. */
    record KindRule(Pattern headline, String template, String tag, Pattern skip, String guiltyGroup,
                    String siteGroup, boolean ignoreSite, Pattern atTrigger, Pattern named, String literalStart,
                    String innerLiteral) {
        KindRule(Pattern headline, String template, String tag, Pattern skip, String guiltyGroup,
                 String siteGroup, boolean ignoreSite, Pattern atTrigger, Pattern named) {
            this(headline, template, tag, skip, guiltyGroup, siteGroup, ignoreSite, atTrigger, named,
                    NamingRules.literalStart(headline.pattern()), NamingRules.innerLiteral(headline.pattern()));
        }
    }

    /**
     * The text every match of {@code regex} at a line's start begins with: its leading plain characters
     * ({@code "BUG: KASAN: "} of {@code "BUG: KASAN: ([a-z\\-]+) on"}), without the last one when a
     * quantifier follows it, and nothing when the regex has flags or a top-level alternative (where
     * another branch may begin otherwise). {@link #matchKind} tries a rule's matcher only on headlines
     * that begin so: a console log has a headline for each of its 150,000 reports, and a matcher for
     * each of the hundred rules on each was 40% of analysing such a log.
     */
    static String literalStart(String regex) {
        if (hasTopLevelAlternative(regex)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                if ((c == '?' || c == '*' || c == '+' || c == '{') && b.length() > 0) {
                    b.setLength(b.length() - 1);
                }
                break;
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * Plain text every match of {@code regex} holds after its start: the longest run of plain characters
     * at the top level (outside groups and classes, not quantified) past the first, or nothing (none, a
     * top-level alternative, or flags). {@code "mm/usercopy.c"} of {@code "WARNING: .*mm/usercopy\\.c"}.
     * {@link #matchKind} tries a rule's matcher only on headlines that hold it: every warning of a console
     * log begins with {@code WARNING: }, and the rules that go on with {@code .*} and a file name each
     * scanned the whole headline and back (a fifth of analysing such a log).
     */
    static String innerLiteral(String regex) {
        if (hasTopLevelAlternative(regex)) {
            return "";
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int runStart = 0;
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            char lit = 0;
            if (c == '\\' && i + 1 < regex.length()) {
                char e = regex.charAt(++i);
                lit = Character.isLetterOrDigit(e) ? 0 : e;
            } else if (c == '(' && i + 2 < regex.length() && regex.charAt(i + 1) == '?'
                    && (Character.isLetter(regex.charAt(i + 2)) || regex.charAt(i + 2) == '-')) {
                return "";  // flags: case, comments, ... change what plain text matches
            } else if (c == '[') {
                i = skip(regex, i, ']');
            } else if (c == '{') {
                i = skip(regex, i, '}');
                run.setLength(Math.max(0, run.length() - 1));
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '?' || c == '*' || c == '+') {
                // the character before is optional or repeated: it ends the run, without it
                run.setLength(Math.max(0, run.length() - 1));
            } else if (c != '.' && c != '^' && c != '$' && c != '|') {
                lit = c;
            }
            if (lit != 0 && depth == 0) {
                if (run.length() == 0) {
                    runStart = i;
                }
                run.append(lit);
                continue;
            }
            if (runStart > 0 && run.length() > best.length()) {
                best = run.toString();
            }
            run.setLength(0);
        }
        return runStart > 0 && run.length() > best.length() ? run.toString() : best;
    }

    /** Whether {@code regex} has a {@code |} outside groups and classes (where a branch may match otherwise). */
    private static boolean hasTopLevelAlternative(String regex) {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = skip(regex, i, ']');
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** The index of the {@code close} that ends what opens at {@code open} (past escapes), or the end. */
    private static int skip(String regex, int open, char close) {
        int i = open + 1;
        while (i < regex.length() && regex.charAt(i) != close) {
            i += regex.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    /** A frame that names the kind of a trace with no recognised headline. */
    record FrameKind(Pattern frame, String kind) {
    }

    /** A stall's entry point; {@code name} null means "the frame just inside it". */
    record StallAnchor(Pattern frame, String name) {
    }

    /** A frame a hung task waits in, and the name to report ("-" = the frame itself). */
    record HungAnchor(Pattern frame, String name) {
    }

    /** The kind rules; compiled on first use when the table was read lazily ({@link #builtIn}). */
    private volatile List<KindRule> kinds;
    /** The kind lines' fields and line numbers, kept until {@link #kinds()} compiles them. */
    private List<String[]> kindLines;
    private int[] kindLineNumbers;
    final List<FrameKind> frameKinds;
    final Pattern skip;
    final List<StallAnchor> stall;
    final List<HungAnchor> hung;
    final Pattern hungSkip;
    final Pattern stallEntry;
    final List<String> strip;

    private NamingRules(List<KindRule> kinds, List<FrameKind> frameKinds, Pattern skip, List<StallAnchor> stall,
                        List<HungAnchor> hung, Pattern hungSkip, List<String> strip, Pattern stallEntry) {
        this.stallEntry = stallEntry;
        this.kinds = kinds == null ? null : List.copyOf(kinds);
        this.frameKinds = List.copyOf(frameKinds);
        this.skip = skip;
        this.stall = List.copyOf(stall);
        this.hung = List.copyOf(hung);
        this.hungSkip = hungSkip;
        this.strip = List.copyOf(strip);
    }

    private static final class Holder {
        static final NamingRules BUILT_IN = load();
    }

    public static NamingRules builtIn() {
        return Holder.BUILT_IN;
    }

    private static NamingRules load() {
        try (InputStream in = NamingRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("crash-naming table missing from the jar");
            }
            // lazily: the hundred kind rules (some 250 regexes) are compiled when the first headline is
            // named, not at every start-up (a crash foreach bt has no headline); the built-in table's
            // regexes are all compiled by the naming tests, so a broken one cannot ship
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table in the format of {@code crash-naming.txt}; a bad line names its number. */
    public static NamingRules parse(String text) {
        return parse(text, false);
    }

    private static NamingRules parse(String text, boolean lazyKinds) {
        List<KindRule> kinds = new ArrayList<>();
        List<String[]> kindLines = new ArrayList<>();
        List<Integer> kindNumbers = new ArrayList<>();
        List<FrameKind> frameKinds = new ArrayList<>();
        List<String> skips = new ArrayList<>();
        List<StallAnchor> stalls = new ArrayList<>();
        List<HungAnchor> hung = new ArrayList<>();
        List<String> hungSkips = new ArrayList<>();
        List<String> strip = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        int n = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = fields(line.strip());
                try {
                    switch (f[0]) {
                        case "kind" -> {
                            if (lazyKinds) {
                                kindLines.add(f);
                                kindNumbers.add(n);
                            } else {
                                kinds.add(kindRule(f));
                            }
                        }
                        case "framekind" -> frameKinds.add(new FrameKind(Pattern.compile(f[1]), f[2]));
                        case "skip" -> skips.add(Pattern.compile(f[1]).pattern());
                        case "stall" -> stalls.add(new StallAnchor(Pattern.compile(f[1]), f.length > 2 ? f[2] : null));
                        case "hung" -> hung.add(new HungAnchor(Pattern.compile(f[1]), f[2]));
                        case "hungskip" -> hungSkips.add(Pattern.compile(f[1]).pattern());
                        case "strip" -> strip.add(f[1]);
                        case "stallentry" -> entries.add(Pattern.compile(f[1]).pattern());
                        default -> throw new IllegalArgumentException("crash-naming line " + n + ": unknown directive " + f[0]);
                    }
                } catch (ArrayIndexOutOfBoundsException | PatternSyntaxException e) {
                    throw new IllegalArgumentException("crash-naming line " + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NamingRules rules = new NamingRules(lazyKinds ? null : kinds, frameKinds, union(skips), stalls, hung,
                union(hungSkips), strip, union(entries));
        if (lazyKinds) {
            rules.kindLines = kindLines;
            rules.kindLineNumbers = new int[kindNumbers.size()];
            for (int i = 0; i < kindNumbers.size(); i++) {
                rules.kindLineNumbers[i] = kindNumbers.get(i);
            }
        }
        return rules;
    }

    /** The kind rules in table order, compiled once. */
    List<KindRule> kinds() {
        List<KindRule> k = kinds;
        if (k == null) {
            synchronized (this) {
                k = kinds;
                if (k == null) {
                    List<KindRule> compiled = new ArrayList<>(kindLines.size());
                    for (int i = 0; i < kindLines.size(); i++) {
                        try {
                            compiled.add(kindRule(kindLines.get(i)));
                        } catch (ArrayIndexOutOfBoundsException | PatternSyntaxException e) {
                            throw new IllegalArgumentException("crash-naming line " + kindLineNumbers[i] + ": " + e.getMessage(), e);
                        }
                    }
                    k = List.copyOf(compiled);
                    kinds = k;
                    kindLines = null;
                }
            }
        }
        return k;
    }

    /**
     * A line's TAB-separated fields, as {@code Pattern.compile("\t+").split(line)} gives them for a
     * stripped line (no leading or trailing TAB): runs of TABs are one separator. By hand, because the
     * table is read at start-up.
     */
    private static String[] fields(String line) {
        List<String> out = new ArrayList<>(4);
        int i = 0;
        int n = line.length();
        while (i < n) {
            int start = i;
            while (i < n && line.charAt(i) != '\t') {
                i++;
            }
            out.add(line.substring(start, i));
            while (i < n && line.charAt(i) == '\t') {
                i++;
            }
        }
        return out.toArray(String[]::new);
    }

    private static KindRule kindRule(String[] f) {
        String tag = null;
        Pattern skip = null;
        String guilty = null;
        String site = null;
        boolean ignoreSite = false;
        Pattern at = null;
        Pattern named = null;
        for (int i = 3; i < f.length; i++) {
            if (f[i].startsWith("tag=")) {
                tag = f[i].substring(4);
            } else if (f[i].startsWith("skip=")) {
                skip = Pattern.compile(f[i].substring(5));
            } else if (f[i].startsWith("guilty=$")) {
                guilty = f[i].substring(8);
            } else if (f[i].startsWith("site=$")) {
                site = f[i].substring(6);
            } else if (f[i].startsWith("named=")) {
                named = Pattern.compile(f[i].substring(6));
            } else if (f[i].startsWith("at=")) {
                at = Pattern.compile(f[i].substring(3));
            } else if (f[i].equals("callers")) {
                ignoreSite = true;
            } else {
                throw new IllegalArgumentException("unknown option " + f[i]);
            }
        }
        return new KindRule(Pattern.compile(f[1]), f[2], tag, skip, guilty, site, ignoreSite, at, named);
    }

    private static Pattern union(List<String> parts) {
        if (parts.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            b.append(b.length() == 0 ? "" : "|").append("(?:").append(p).append(')');
        }
        return Pattern.compile(b.toString());
    }

    /** The first kind rule whose regex matches at the headline's start, with its matcher; null if none. */
    Matcher matchKind(String headline, KindRule[] ruleOut) {
        for (KindRule k : kinds()) {
            if (!headline.startsWith(k.literalStart()) || !headline.contains(k.innerLiteral())) {
                continue;
            }
            Matcher m = k.headline().matcher(headline);
            if (m.lookingAt()) {
                ruleOut[0] = k;
                return m;
            }
        }
        return null;
    }
}
