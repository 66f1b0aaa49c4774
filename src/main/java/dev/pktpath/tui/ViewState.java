package dev.pktpath.tui;

import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.session.CommandException;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.LoadedDump;
import dev.pktpath.session.Session;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Everything the explorer shows, apart from the pixels: the shared {@link Session} (dump, trace,
 * frame, filter, search, colour and ASCII settings: one source of truth with the {@code :} commands)
 * and what only a screen has (focus, overlays, the prompt, viewports, the status message).
 * Panes read it to draw and change it through these methods; nothing here draws.
 */
final class ViewState {
    enum Overlay { NONE, HELP, DETAILS, OUTPUT, DIFF }

    final Session session;
    final CommandRegistry commands;

    PaneId focus = PaneId.FRAMES;
    /** The side pane shown when the side panes share one tabbed box (narrow terminals). */
    PaneId side = PaneId.JOURNEY;
    Overlay overlay = Overlay.NONE;
    int overlayTop;
    String outputTitle = "";
    List<String> output = List.of();
    /** The open diff view (overlay DIFF), kept while help is shown over it. */
    DiffView diff;
    /** Whether the traces pane lists buckets of similar stacks instead of tasks. */
    boolean buckets;
    private Buckets bucketsFor;
    /** The trace marked with m, for d to diff against. */
    dev.pktpath.session.TraceRef mark;
    Prompt prompt;
    String message = "";
    boolean messageIsError;
    boolean quit;

    /** Viewport tops, in rows, kept by the panes as they draw. */
    final Map<PaneId, Integer> top = new EnumMap<>(PaneId.class);
    final Map<Prompt.Kind, List<String>> histories = new EnumMap<>(Prompt.Kind.class);

    /** Traces of this many frames or more get their rows built in the background (tests lower it). */
    static int backgroundFrom = 50_000;
    /** Jobs too long for a key press; the screen loop polls it. */
    final Background background = new Background();
    /** Rows of the last few (trace, filter) pairs: a million-frame trace's rows are tens of megabytes, so few. */
    private final Map<RowsKey, FrameRows> rowsCache = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RowsKey, FrameRows> eldest) {
            return size() > 4;
        }
    };
    private RowsKey rowsJob;
    /** A filter whose "n of m frames shown" waits for its rows to be built in the background. */
    String announceFilter;
    private TraceAnalysis rowsFor;
    private String rowsFilter;
    private FrameRows rows;
    private TraceAnalysis journeyFor;
    private JourneyRows journeyRows;

    ViewState(Session session, CommandRegistry commands) {
        this.session = session;
        this.commands = commands;
        for (Prompt.Kind k : Prompt.Kind.values()) {
            histories.put(k, new ArrayList<>());
        }
    }

    /** The current dump's traces bucketed as {@code cluster} does (default threshold). */
    dev.pktpath.diff.Clustering clustering() {
        return bucketsReady().clustering;
    }

    /**
     * The buckets of the current dump, worked out on this thread if they are not yet (the explorer
     * has them built in the background first for a big dump, see {@link #bucketsCurrent()}).
     */
    Buckets bucketsReady() {
        if (!bucketsCurrent()) {
            bucketsFor = Buckets.of(dump(), null);
        }
        return bucketsFor;
    }

    /** Whether the buckets kept are those of the current dump with all the traces it has now. */
    boolean bucketsCurrent() {
        LoadedDump d = dump();
        return bucketsFor != null && bucketsFor.dump == d && bucketsFor.traceCount == traceCount();
    }

    void setBuckets(Buckets b) {
        bucketsFor = b;
    }

    Theme theme() {
        return new Theme(session.color(), session.ascii());
    }

    LoadedDump dump() {
        return session.current().orElse(null);
    }

    int traceCount() {
        LoadedDump d = dump();
        return d == null ? 0 : d.traces().size();
    }

    /** The current trace's analysis, or null when no dump is loaded. */
    TraceAnalysis analysis() {
        LoadedDump d = dump();
        if (d == null || d.traces().isEmpty()) {
            return null;
        }
        return d.traces().get(Math.min(session.traceIndex(), d.traces().size() - 1));
    }

    int frameCount() {
        TraceAnalysis a = analysis();
        return a == null ? 0 : a.trace().frames().size();
    }

    /** The selected frame, or -1 when the trace has none or the filter hides them all. */
    int frame() {
        FrameRows r = rows();
        if (r == null || r.visible.length == 0) {
            return -1;
        }
        return r.nearestShown(session.frameIndex());
    }

    /**
     * Rows of the frames pane for the current trace and filter; rebuilt only when either changes, and
     * kept for the last few (trace, filter) pairs so that setting and clearing a filter costs nothing
     * the second time. A trace of {@link #backgroundFrom} frames or more is built in the background:
     * until then this returns the rows the trace had under its previous filter (null when there are
     * none) and the status line shows the progress.
     */
    FrameRows rows() {
        TraceAnalysis a = analysis();
        if (a == null) {
            return null;
        }
        String f = session.filter();
        if (rows != null && rowsFor == a && f.equals(rowsFilter)) {
            return rows;
        }
        RowsKey key = new RowsKey(a, f);
        FrameRows cached = rowsCache.get(key);
        if (cached == null && a.trace().frames().size() < backgroundFrom) {
            cached = buildRows(a, f, null);
            rowsCache.put(key, cached);
        }
        if (cached != null) {
            rows = cached;
            rowsFor = a;
            rowsFilter = f;
            return rows;
        }
        Background.Job<?> running = background.running(Background.Slot.ROWS);
        if (running == null || !key.equals(rowsJob)) {
            rowsJob = key;
            background.start(Background.Slot.ROWS, f.isBlank() ? "preparing frames" : "filtering", p -> buildRows(a, f, p),
                    r -> {
                        rowsCache.put(key, r);
                        rowsJob = null;
                        if (f.equals(announceFilter) && analysis() == a && f.equals(session.filter())) {
                            announceFilter = null;
                            info("filter " + dev.pktpath.render.Sanitizer.clean(f) + ": " + r.visible.length + " of "
                                    + a.trace().frames().size() + " frames shown");
                        }
                    },
                    e -> {
                        rowsJob = null;
                        error("cannot show the frames: " + dev.pktpath.render.Sanitizer.clean(String.valueOf(e.getMessage())));
                    });
        }
        return rowsFor == a ? rows : null;
    }

    /** Whether the rows shown are those of the current trace and filter (false while a rebuild runs). */
    boolean rowsCurrent() {
        FrameRows r = rows();
        return r != null && rowsFor == analysis() && session.filter().equals(rowsFilter);
    }

    /**
     * While rows for a new filter are built: the filter of the rows still shown for this trace, to go
     * back to when the user cancels. Null when the rows shown are current or belong to another trace.
     */
    String shownFilter() {
        return rows != null && rowsFor == analysis() && !session.filter().equals(rowsFilter) ? rowsFilter : null;
    }

    private FrameRows buildRows(TraceAnalysis a, String f, Background.Progress p) {
        IntPredicate shown;
        try {
            shown = FilterBinding.compile(f, session, a);
        } catch (CommandException e) {
            shown = i -> true;
        }
        return new FrameRows(a, shown, widthsFor(a), p);
    }

    /** Column widths of {@code a} from rows already built for it, so a new filter does not measure every frame again. */
    private int[] widthsFor(TraceAnalysis a) {
        for (Map.Entry<RowsKey, FrameRows> e : rowsCache.entrySet()) {
            if (e.getKey().analysis == a) {
                return e.getValue().widths();
            }
        }
        return null;
    }

    /** A trace by identity (analyses are records: comparing two of a million frames by value would cost a scan) and a filter. */
    private static final class RowsKey {
        final TraceAnalysis analysis;
        final String filter;

        RowsKey(TraceAnalysis analysis, String filter) {
            this.analysis = analysis;
            this.filter = filter;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RowsKey k && k.analysis == analysis && k.filter.equals(filter);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(analysis) * 31 + filter.hashCode();
        }
    }

    JourneyRows journey() {
        TraceAnalysis a = analysis();
        if (a == null) {
            return null;
        }
        if (journeyRows == null || journeyFor != a) {
            journeyRows = new JourneyRows(a);
            journeyFor = a;
        }
        return journeyRows;
    }

    int top(PaneId p) {
        return top.getOrDefault(p, 0);
    }

    void setTop(PaneId p, int value) {
        top.put(p, Math.max(0, value));
    }

    /**
     * Scrolls pane {@code p} just enough that row {@code selRow} (none when negative) shows in a
     * window of {@code height} rows, keeps the first row within {@code [0, maxTop]}, and returns it.
     */
    int follow(PaneId p, int selRow, int height, int maxTop) {
        int t = top(p);
        if (selRow >= 0) {
            if (selRow < t) {
                t = selRow;
            } else if (selRow >= t + height) {
                t = selRow - height + 1;
            }
        }
        t = Math.max(0, Math.min(t, maxTop));
        setTop(p, t);
        return t;
    }

    /** Selects frame {@code index}; quietly ignores an index out of range. */
    void selectFrame(int index) {
        try {
            session.selectFrame(index);
        } catch (CommandException e) {
            // out of range: keep the selection
        }
    }

    /** Moves the selection {@code delta} shown frames, stopping at the ends. */
    void moveFrame(int delta) {
        FrameRows r = rows();
        int cur = frame();
        if (r == null || cur < 0) {
            return;
        }
        int pos = r.positionOf(cur) + delta;
        pos = Math.max(0, Math.min(r.visible.length - 1, pos));
        selectFrame(r.visible[pos]);
    }

    void firstFrame() {
        FrameRows r = rows();
        if (r != null && r.visible.length > 0) {
            selectFrame(r.visible[0]);
        }
    }

    void lastFrame() {
        FrameRows r = rows();
        if (r != null && r.visible.length > 0) {
            selectFrame(r.visible[r.visible.length - 1]);
        }
    }

    void selectTrace(int index) {
        if (index < 0 || index >= traceCount()) {
            error(traceCount() <= 1 ? "this dump has one trace" : index < 0 ? "already at the first trace" : "already at the last trace");
            return;
        }
        try {
            session.selectTrace(index);
            setTop(PaneId.FRAMES, 0);
            setTop(PaneId.REGISTERS, 0);
            setTop(PaneId.DETAILS, 0);
            setTop(PaneId.JOURNEY, 0);
            info("trace " + (index + 1) + "/" + traceCount());
        } catch (CommandException e) {
            error(e.getMessage());
        }
    }

    void info(String text) {
        message = text == null ? "" : text;
        messageIsError = false;
    }

    void error(String text) {
        message = text == null ? "" : text;
        messageIsError = true;
    }

    void openOutput(String title, String text) {
        outputTitle = title;
        output = List.of(text.split("\n", -1));
        if (!output.isEmpty() && output.get(output.size() - 1).isEmpty()) {
            output = output.subList(0, output.size() - 1);
        }
        overlay = Overlay.OUTPUT;
        overlayTop = 0;
    }
}
