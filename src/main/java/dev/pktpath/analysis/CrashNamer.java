package dev.pktpath.analysis;

import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Location;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a crash the way kernel people (and syzkaller's titles) do: kind, guilty function, title
 * ({@code kind + " in " + guilty}) and crash site. Knowledge lives in {@link NamingRules}
 * ({@code crash-naming.txt}); this class only applies it:
 * <ol>
 *   <li>kind: the first headline rule that matches, else the innermost frame that names one
 *       (crash bt traces have no headline: {@code page_fault} means a paging request);</li>
 *   <li>candidates for guilty, from the crash site outward: the function the headline names (KASAN's
 *       {@code in f+0x..}) and lockdep's {@code at: f+0x..} lock sites when the kind says so; then an
 *       exception frame inside the stack with a function (the interrupted location) and the frames above
 *       it, else the header's faulting function and every frame. Unreliable ({@code ?}) frames and
 *       helpers inlined from headers are never candidates; syscall wrapper prefixes are dropped
 *       ({@code __se_sys_mremap} is {@code mremap});</li>
 *   <li>guilty: the first candidate that is not machinery (skip rules, plus the kind's own), or for
 *       stalls the frame just inside the first entry point, for hung tasks what the task waits on;</li>
 *   <li>crash site: crash's exception frame, or a console report's header {@code ip} (its faulting
 *       RIP/PC), else a RIP block inside the report's stack, else the guilty frame.</li>
 * </ol>
 */
public final class CrashNamer {
    /** {@code rcu: }, {@code watchdog: }, {@code usb 5-1: } before a headline: who printed it, not what. */
    private static final Pattern TAG = Pattern.compile("^(?:[\\w.\\-]+ ){0,2}[\\w.\\-]+: (?=[A-Z])");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z_$][\\w.$]*");
    private static final Pattern ACCESS = Pattern.compile("^(Read|Write) (?:of size|at addr)");
    /**
     * Where lockdep says a lock was taken: {@code (sk_lock-AF_INET6){+.+.}, at: [<000000005bcb19be>] do_ipv6_setsockopt.isra.8+0x3c5/0x39d0},
     * {@code #0: ffff8880a4d4e0d0 (&pipe->mutex/1){+.+.}-{3:3}, at: pipe_lock+0x65/0x80 fs/pipe.c:80},
     * {@code [<ffffffff81234567>] unix_stream_read_generic+0x1a/0x30}. Group: function.
     */
    private static final Pattern LOCK_AT = Pattern.compile(
            "(?:at: (?:\\[<?[0-9a-f]+>?\\] +)?|\\[<?[0-9a-f]+>?\\] +)([A-Za-z0-9_]+)[.+]");

    private final NamingRules rules;
    private final java.util.Map<String, Boolean> skipCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, String> kindCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, String> symbolCache = new java.util.concurrent.ConcurrentHashMap<>();

    public CrashNamer() {
        this(NamingRules.builtIn());
    }

    public CrashNamer(NamingRules rules) {
        this.rules = rules;
    }

    public Naming name(Trace trace, List<FrameClass> classes) {
        NamingRules.KindRule[] rule = new NamingRules.KindRule[1];
        String kind = null;
        String guilty = null;
        Matcher kindMatch = null;
        String headline = trace.headline();
        if (headline != null && headline.startsWith("[ ") && headline.endsWith(" ]")) {
            headline = headline.substring(2, headline.length() - 2);
        }
        if (headline != null) {
            Matcher m = rules.matchKind(headline, rule);
            if (m == null) {
                Matcher t = TAG.matcher(headline);
                if (t.lookingAt()) {
                    m = rules.matchKind(headline.substring(t.end()), rule);
                }
            }
            kindMatch = m;
            if (m != null) {
                kind = expand(rule[0].template(), m, trace);
                if (rule[0].guiltyGroup() != null) {
                    guilty = group(m, rule[0].guiltyGroup());
                }
                if (rule[0].named() != null) {
                    guilty = named(trace, rule[0].named());
                }
            } else {
                rule[0] = null;
            }
        }
        if (kind == null) {
            kind = kindFromFrames(trace);
        }
        if (kind == null) {
            kind = headline;
        }
        List<String> candidates = new ArrayList<>();
        String headlineSite = null;
        if (rule[0] != null && rule[0].siteGroup() != null && kindMatch != null) {
            headlineSite = group(kindMatch, rule[0].siteGroup());
        }
        Location site = candidates(trace, candidates, headlineSite, rule[0] != null && rule[0].ignoreSite(),
                rule[0] != null && "stall".equals(rule[0].tag()), rule[0] == null ? null : rule[0].atTrigger());
        if (guilty == null) {
            String tag = rule[0] == null ? null : rule[0].tag();
            if ("stall".equals(tag) || "hung".equals(tag)) {
                // these look at the whole list (anchors, the frame before one)
                candidates.replaceAll(this::symbolOf);
                candidates.removeIf(c -> c.isEmpty());
                guilty = guilty(candidates, rule[0]);
            } else {
                // the first candidate that is a symbol and not machinery: the rest of a deep stack
                // need not be looked at (turning every frame into its symbol was half of the analyses)
                Pattern extra = rule[0] == null ? null : rule[0].skip();
                for (String c : candidates) {
                    String symbol = symbolOf(c);
                    if (!symbol.isEmpty() && !isMachinery(symbol, extra)) {
                        guilty = symbol;
                        break;
                    }
                }
            }
        }
        if (site == null && guilty != null) {
            site = new Location(guilty, null, null);
        }
        String title = kind != null && guilty != null ? kind + " in " + guilty : kind;
        return new Naming(kind, title, guilty, site);
    }

    /**
     * Fills the guilty candidates in order from the crash site outward; returns the crash site.
     * {@code headlineSite}: the function the headline names ({@code BUG: KASAN: use-after-free in f+0x..}),
     * the first candidate. {@code callersOnly}: the faulting function is where the kernel checked, not
     * what went wrong ({@code kernel BUG at include/linux/skbuff.h}), so only its callers are candidates.
     * {@code stall}: the stack above the timer interrupt that noticed the stall is the detector, not the
     * stalled work, so candidates start below that interrupt's entry.
     */
    private Location candidates(Trace trace, List<String> out, String headlineSite, boolean callersOnly,
                                boolean stall, Pattern lockTrigger) {
        List<Frame> frames = trace.frames();
        ExceptionFrame inStack = null;
        // A console report's header RIP/PC is the faulting exception's own; a RIP block inside its stack
        // is a context the report interrupted (the task under an <IRQ> stack), not the crash.
        boolean headerFaults = trace.format() == TraceFormat.OOPS && trace.ip() != null;
        for (ExceptionFrame e : trace.exceptions()) {
            if (!headerFaults && e.function() != null && e.kind().startsWith("exception")) {
                inStack = e;
                break;
            }
        }
        int entry = -1;
        if (stall) {
            // the last frame of the first run of interrupt-entry frames (gaps of two allowed)
            for (int i = 0; i < frames.size(); i++) {
                if (rules.stallEntry.matcher(frames.get(i).normalizedName()).find()) {
                    if (entry >= 0 && i - entry > 3) {
                        break;
                    }
                    entry = i;
                }
            }
            if (entry < 0 && inStack != null) {
                entry = inStack.afterFrame();
            }
        }
        Location site = null;
        int from = 0;
        if (headlineSite != null) {
            out.add(headlineSite);
        }
        if (lockTrigger != null) {
            out.addAll(lockSites(trace, lockTrigger));
        }
        if (inStack != null) {
            site = new Location(inStack.function(), inStack.offset(), null);
        } else if (trace.ip() != null) {
            site = trace.ip();
        }
        if (entry >= 0) {
            from = entry + 1;
            if (inStack != null && inStack.afterFrame() >= entry && inStack.afterFrame() < entry + 2) {
                out.add(normalize(inStack.function()));
                from = inStack.afterFrame() + 1;
            }
        } else if (inStack != null) {
            if (!callersOnly) {
                out.add(normalize(inStack.function()));
            }
            from = inStack.afterFrame() + 1;
        } else if (trace.ip() != null && !callersOnly) {
            out.add(normalize(trace.ip().function()));
        }
        for (int i = from; i < frames.size(); i++) {
            Frame f = frames.get(i);
            if (f.reliable() && f.function() != null && !inlinedFromHeader(f)) {
                out.add(f.normalizedName());
            }
        }
        return site;
    }

    /** Group 1 of the first report line that {@code p} finds, e.g. {@code last function: addrconf_dad_work}. */
    private static String named(Trace trace, Pattern p) {
        for (Diagnostic d : trace.diagnostics()) {
            if (d.text() != null) {
                Matcher m = p.matcher(d.text());
                if (m.find()) {
                    return normalize(m.group(1));
                }
            }
        }
        return null;
    }

    /** The functions of the first two "at:" lines after the trigger line (lockdep's lock sites). */
    private static List<String> lockSites(Trace trace, Pattern trigger) {
        List<String> out = new ArrayList<>(2);
        boolean armed = false;
        for (Diagnostic d : trace.diagnostics()) {
            String text = d.text();
            if (text == null) {
                continue;
            }
            if (!armed) {
                armed = trigger.matcher(text).find();
                if (!armed) {
                    continue;
                }
            }
            if (text.indexOf("at: ") >= 0 || text.indexOf("[<") >= 0) {
                Matcher m = LOCK_AT.matcher(text);
                if (m.find()) {
                    out.add(normalize(m.group(1)));
                    if (out.size() == 2) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** A helper inlined from a header ({@code skb_pull include/linux/skbuff.h:2069 [inline]}) is the caller's code. */
    private static boolean inlinedFromHeader(Frame f) {
        return f.inlined() && f.source() != null && f.source().contains(".h:");
    }

    private String guilty(List<String> candidates, NamingRules.KindRule rule) {
        if (candidates.isEmpty()) {
            return null;
        }
        String tag = rule == null ? null : rule.tag();
        Pattern extra = rule == null ? null : rule.skip();
        if ("stall".equals(tag)) {
            String s = stallFrame(candidates, extra);
            if (s != null) {
                return s;
            }
        } else if ("hung".equals(tag)) {
            String h = hungFrame(candidates);
            if (h != null) {
                return h;
            }
        }
        for (String c : candidates) {
            if (!isMachinery(c, extra)) {
                return c;
            }
        }
        return null;
    }

    /** The frame just inside the first entry point (where the looping work runs), wrapper prefixes removed. */
    private String stallFrame(List<String> candidates, Pattern extra) {
        String prev = null;
        for (String c : candidates) {
            for (NamingRules.StallAnchor a : rules.stall) {
                if (a.frame().matcher(c).find()) {
                    return a.name() != null ? a.name() : prev == null ? c : prev;
                }
            }
            if (!isMachinery(c, extra)) {
                prev = c;
            }
        }
        return null;
    }

    private String hungFrame(List<String> candidates) {
        for (String c : candidates) {
            for (NamingRules.HungAnchor a : rules.hung) {
                if (a.frame().matcher(c).find()) {
                    return a.name().equals("-") ? c : a.name();
                }
            }
        }
        for (String c : candidates) {
            if (!rules.hungSkip.matcher(c).find() && !skipped(c)) {
                return c;
            }
        }
        return null;
    }

    /**
     * What a guilty candidate is called: demangled, wrapper prefix removed, and cut before crash's
     * {@code " ("} ({@code unknown or invalid address}, {@code error_code (via page_fault)}); "" when
     * that is not a symbol (such a candidate is dropped). Remembered per name like {@link #skipped}.
     */
    private String symbolOf(String candidate) {
        String symbol = symbolCache.get(candidate);
        if (symbol == null) {
            String c = stripPrefix(demangle(candidate));
            int paren = c.indexOf(" (");
            c = paren < 0 ? c : c.substring(0, paren);
            symbol = SYMBOL.matcher(c).matches() ? c : "";
            if (symbolCache.size() < 100_000) {
                symbolCache.put(candidate, symbol);
            }
        }
        return symbol;
    }

    /** {@code __se_sys_memfd_secret} → {@code memfd_secret}: the prefix that shortens the name most goes. */
    private String stripPrefix(String name) {
        if (name == null) {
            return null;
        }
        String best = name;
        for (String p : rules.strip) {
            if (name.startsWith(p) && name.length() - p.length() < best.length() && name.length() > p.length()) {
                best = name.substring(p.length());
            }
        }
        return best;
    }

    boolean isMachinery(String function, Pattern extra) {
        return skipped(function) || (extra != null && extra.matcher(function).find());
    }

    /** The general skip rules, remembered per name: the same few thousand functions recur in every trace of a log. */
    private boolean skipped(String function) {
        Boolean b = skipCache.get(function);
        if (b == null) {
            b = rules.skip.matcher(function).find();
            if (skipCache.size() < 100_000) {
                skipCache.put(function, b);
            }
        }
        return b;
    }

    private String kindFromFrames(Trace trace) {
        for (Frame f : trace.frames()) {
            String kind = frameKind(f.normalizedName());
            if (!kind.isEmpty()) {
                return kind;
            }
        }
        return null;
    }

    /** The kind a frame name implies, "" for none; remembered per name like {@link #skipped}. */
    private String frameKind(String name) {
        String kind = kindCache.get(name);
        if (kind == null) {
            kind = "";
            for (NamingRules.FrameKind k : rules.frameKinds) {
                if (k.frame().matcher(name).find()) {
                    kind = k.kind();
                    break;
                }
            }
            if (kindCache.size() < 100_000) {
                kindCache.put(name, kind);
            }
        }
        return kind;
    }

    private static String expand(String template, Matcher m, Trace trace) {
        String out = template;
        for (int g = Math.min(9, m.groupCount()); g >= 1; g--) {
            String v = m.group(g);
            out = out.replace("$" + g, v == null ? "" : v);
        }
        if (out.contains("{access}")) {
            String access = access(trace);
            out = access == null ? out.replace(" {access}", "").replace("{access}", "") : out.replace("{access}", access);
        }
        return out.strip();
    }

    private static String group(Matcher m, String g) {
        try {
            return normalize(m.group(Integer.parseInt(g)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code Read} or {@code Write} from a KASAN report's access line. */
    private static String access(Trace trace) {
        for (Diagnostic d : trace.diagnostics()) {
            if (d.text() != null) {
                Matcher m = ACCESS.matcher(d.text());
                if (m.lookingAt()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    /** An Itanium C++ mangled name's identifier: {@code _Z8fakeNameiii} is {@code fakeName}. */
    private static final Pattern MANGLED = Pattern.compile("^_Z(\\d+)");

    static String demangle(String name) {
        if (!name.startsWith("_Z")) {
            return name;
        }
        Matcher m = MANGLED.matcher(name);
        if (m.lookingAt()) {
            int len = Integer.parseInt(m.group(1));
            if (m.end() + len <= name.length()) {
                return name.substring(m.end(), m.end() + len);
            }
        }
        return name;
    }

    /** Same normalisation as {@link Frame#normalizedName()}, for names that do not come from a frame. */
    private static String normalize(String function) {
        if (function == null) {
            return null;
        }
        return new Frame(0, null, function, null, null, null, null, null, true, null, null, false, 0, null)
                .normalizedName();
    }
}
