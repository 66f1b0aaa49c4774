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
    private static final Pattern TABS = Pattern.compile("\t+");

    /** A headline rule: regex at the headline's start, kind template, options. */
    record KindRule(Pattern headline, String template, String tag, Pattern skip, String guiltyGroup,
                    String siteGroup, boolean ignoreSite, Pattern atTrigger, Pattern named) {
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

    final List<KindRule> kinds;
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
        this.kinds = List.copyOf(kinds);
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
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table in the format of {@code crash-naming.txt}; a bad line names its number. */
    public static NamingRules parse(String text) {
        List<KindRule> kinds = new ArrayList<>();
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
                String[] f = TABS.split(line.strip());
                try {
                    switch (f[0]) {
                        case "kind" -> kinds.add(kindRule(f));
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
        return new NamingRules(kinds, frameKinds, union(skips), stalls, hung, union(hungSkips), strip, union(entries));
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
        return Pattern.compile(String.join("|", parts.stream().map(p -> "(?:" + p + ")").toList()));
    }

    /** The first kind rule whose regex matches at the headline's start, with its matcher; null if none. */
    Matcher matchKind(String headline, KindRule[] ruleOut) {
        for (KindRule k : kinds) {
            Matcher m = k.headline().matcher(headline);
            if (m.lookingAt()) {
                ruleOut[0] = k;
                return m;
            }
        }
        return null;
    }
}
