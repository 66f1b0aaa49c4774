package dev.pktpath.analysis;

import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The analyses of traces already seen, for traces whose inputs to the analyses are the same. A
 * {@code foreach bt} of 190,000 tasks is mostly the same few thousand stacks (every idle CPU, every
 * worker asleep in {@code schedule}): classifying, naming and building the journey of each again was
 * most of the analyses' time. Two traces have the same inputs when they agree on what
 * {@link SubsystemRules}, {@link CrashNamer} and {@link JourneyBuilder} read, and nothing else:
 * <ul>
 *   <li>the format, the headline, the header's faulting location ({@code ip});</li>
 *   <li>each exception block's frame position, kind, function and offset (not its registers);</li>
 *   <li>the report lines' texts, when there is a headline (only a headline's kind rule reads them);</li>
 *   <li>per frame, in order: function, source, module, reliable, inlined (not level, offset,
 *       addresses, stack, line numbers or stack data).</li>
 * </ul>
 * {@code AnalysisMemoTest} holds this to the analyses themselves: over the corpus, a memo's answer is
 * the fresh analysis, and changing any field left out of the list above never changes an analysis.
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES} traces of at most {@link #MAX_TRACE_FRAMES} frames each, and
 * {@link #MAX_FRAMES} frames in all, are kept (a memo keeps its traces to compare with); once full, it
 * gives up when it answers too few lookups (see {@link #get}). Thread-safe.
 */
final class AnalysisMemo {
    static final int MAX_ENTRIES = 8192;
    static final int MAX_TRACE_FRAMES = 512;
    static final long MAX_FRAMES = 100_000;

    /** What the analyses derived from a trace, without the trace. */
    record Result(Naming naming, List<FrameClass> classes, Journey journey) {
    }

    /** Lookups counted before the memo may give up (see {@link #get}). */
    static final int TRIAL = 4096;

    private final Map<Inputs, Result> memo = new ConcurrentHashMap<>();
    private final AtomicLong frames = new AtomicLong();
    private final java.util.concurrent.atomic.LongAdder lookups = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private volatile boolean full;
    private volatile boolean off;

    /** The key of {@code t}'s inputs, or null for a trace too long to keep, or when the memo gave up. */
    Inputs key(Trace t) {
        return off || t.frames().size() > MAX_TRACE_FRAMES ? null : new Inputs(t);
    }

    /**
     * The result for a trace with these inputs, or null. Once the memo is full and it has answered
     * fewer than one lookup in 16, it gives up: no more keys, no more lookups. A console log's reports
     * are all different, and keying and looking each up cost a seventh of analysing such a log for no
     * answer; a foreach bt's stacks repeat, and it answers nearly every lookup.
     */
    Result get(Inputs key) {
        Result r = memo.get(key);
        lookups.increment();
        if (r != null) {
            hits.increment();
        } else if (full) {
            long n = lookups.sum();
            if (n >= TRIAL && hits.sum() * 16 < n) {
                off = true;
            }
        }
        return r;
    }

    /** Whether the memo gave up (for tests). */
    boolean off() {
        return off;
    }

    /** Remembers the result for these inputs, while there is room. */
    void put(Inputs key, Result r) {
        int n = key.t.frames().size();
        if (memo.size() >= MAX_ENTRIES || frames.get() + n > MAX_FRAMES) {
            full = true;
            return;
        }
        if (memo.putIfAbsent(key, r) == null) {
            frames.addAndGet(n);
        }
    }

    int size() {
        return memo.size();
    }

    /** A trace seen only through the fields the analyses read. */
    static final class Inputs {
        private final Trace t;
        private final int hash;

        Inputs(Trace t) {
            this.t = t;
            this.hash = hash(t);
        }

        private static int hash(Trace t) {
            int h = t.format().hashCode();
            h = 31 * h + Objects.hashCode(t.headline());
            h = 31 * h + Objects.hashCode(t.ip());
            for (ExceptionFrame e : t.exceptions()) {
                h = 31 * h + e.afterFrame();
                h = 31 * h + Objects.hashCode(e.kind());
                h = 31 * h + Objects.hashCode(e.function());
                h = 31 * h + Objects.hashCode(e.offset());
            }
            if (t.headline() != null) {
                for (Diagnostic d : t.diagnostics()) {
                    h = 31 * h + Objects.hashCode(d.text());
                }
            }
            List<Frame> frames = t.frames();
            for (int i = 0, n = frames.size(); i < n; i++) {
                Frame f = frames.get(i);
                h = 31 * h + Objects.hashCode(f.function());
                h = 31 * h + Objects.hashCode(f.source());
                h = 31 * h + Objects.hashCode(f.module());
                h = 31 * h + (f.reliable() ? 1 : 0) + (f.inlined() ? 2 : 0);
            }
            return h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Inputs other) || other.hash != hash) {
                return false;
            }
            Trace a = t;
            Trace b = other.t;
            if (a == b) {
                return true;
            }
            if (a.format() != b.format() || !Objects.equals(a.headline(), b.headline()) || !Objects.equals(a.ip(), b.ip())
                    || !sameExceptions(a.exceptions(), b.exceptions())
                    || (a.headline() != null && !sameTexts(a.diagnostics(), b.diagnostics()))) {
                return false;
            }
            List<Frame> fa = a.frames();
            List<Frame> fb = b.frames();
            int n = fa.size();
            if (n != fb.size()) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                Frame x = fa.get(i);
                Frame y = fb.get(i);
                if (!Objects.equals(x.function(), y.function()) || !Objects.equals(x.source(), y.source())
                        || !Objects.equals(x.module(), y.module()) || x.reliable() != y.reliable()
                        || x.inlined() != y.inlined()) {
                    return false;
                }
            }
            return true;
        }

        private static boolean sameExceptions(List<ExceptionFrame> a, List<ExceptionFrame> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                ExceptionFrame x = a.get(i);
                ExceptionFrame y = b.get(i);
                if (x.afterFrame() != y.afterFrame() || !Objects.equals(x.kind(), y.kind())
                        || !Objects.equals(x.function(), y.function()) || !Objects.equals(x.offset(), y.offset())) {
                    return false;
                }
            }
            return true;
        }

        private static boolean sameTexts(List<Diagnostic> a, List<Diagnostic> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!Objects.equals(a.get(i).text(), b.get(i).text())) {
                    return false;
                }
            }
            return true;
        }
    }
}
