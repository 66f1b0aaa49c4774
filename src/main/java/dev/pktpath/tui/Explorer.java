package dev.pktpath.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.diff.DiffOptions;
import dev.pktpath.diff.DiffSide;
import dev.pktpath.diff.TraceDiff;
import dev.pktpath.model.Frame;
import dev.pktpath.parse.InputReader;
import dev.pktpath.parse.ParseException;
import dev.pktpath.parse.TextInput;
import dev.pktpath.render.Sanitizer;
import dev.pktpath.session.CommandException;
import dev.pktpath.session.CommandLineSplitter;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.LoadedDump;
import dev.pktpath.session.Outcome;
import dev.pktpath.session.Session;
import dev.pktpath.session.TraceRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The screen loop: reads a key, turns it into an {@link Action} through the {@link KeyMap}, lets the
 * focused pane or the explorer act on the {@link ViewState}, and redraws. {@link #step()} does one
 * round without blocking, so tests drive the explorer on a virtual terminal with no sleeps.
 */
public final class Explorer {
    private final Screen screen;
    final ViewState state;
    private final KeyMap keys = KeyMap.standard();
    private final KeyMap diffKeys = KeyMap.diffView();
    private final Map<PaneId, Pane> panes = new EnumMap<>(PaneId.class);
    private final Map<PaneId, Integer> shownRows = new EnumMap<>(PaneId.class);
    private final Completer completer;
    private final Overlays overlays;
    private Layout layout;
    /** The frame last handed to Lanterna, to send only what changed. */
    private CellGrid lastGrid;
    private long lastResize = System.nanoTime();
    private long lastSizeCheck;
    private boolean settlePending;
    private String searchSource;
    private Pattern searchPattern;

    public Explorer(Screen screen, Session session, CommandRegistry commands) {
        this.screen = screen;
        this.state = new ViewState(session, commands);
        this.completer = new Completer(commands, session);
        this.overlays = new Overlays(keys, diffKeys);
        for (Pane p : List.of(new TracesPane(), new FramesPane(), new JourneyPane(), new RegistersPane(), new DetailsPane())) {
            panes.put(p.id(), p);
        }
    }

    public boolean isDone() {
        return state.quit;
    }

    /**
     * Runs until the user quits: one blocking-free step at a time, resting briefly when idle. On the way
     * out, stops what runs in the background (a search, a dump still loading) and waits for it.
     */
    public void run() throws IOException {
        try {
            // what arrived before the screen opened (a crashing trace to go to, a dump with no trace at all)
            loadChanged();
            draw(true);
            while (!state.quit) {
                if (!step()) {
                    recheckSize();
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            drainLateReplies();
        } finally {
            close();
        }
    }

    /**
     * After a resize, the terminal is asked its size (by Lanterna, and by {@link #recheckSize}), and it
     * answers with a cursor position report ({@code ESC[30;100R}). Quitting just then, the answer could
     * arrive after the screen is given back, and the shell would show {@code ;100R} at its prompt (seen
     * in a real terminal under tmux, after a storm of resizes). So for a moment after such activity,
     * what the terminal still sends is read here first.
     */
    private void drainLateReplies() throws IOException {
        long now = System.nanoTime();
        if (now - Math.max(lastResize, lastSizeCheck) > 2_000_000_000L) {
            return;
        }
        long end = now + 150_000_000L;
        while (System.nanoTime() < end) {
            if (screen.pollInput() == null) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * For tests and the bench: waits (at most {@code millis}) for the searches and rebuilds running in
     * the background, then takes one step to show their results. Returns whether they all finished.
     */
    boolean settle(long millis) throws IOException {
        boolean idle = state.background.awaitIdle(millis);
        if (opening != null && opening.loading()) {
            try {
                idle &= opening.load().await(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loadDrawn = 0;
        if (!step() && !state.quit) {
            draw(false);
        }
        return idle;
    }

    /** Stops background work and loading; leaves no thread of the explorer's running. */
    public void close() {
        state.background.close();
        state.session.cancelLoads();
    }

    /**
     * Why the explorer closed itself, for its caller to print as the one line before a non-zero exit
     * (the dump held no backtrace once read), or null.
     */
    public String exitError() {
        return exitError;
    }

    private String exitError;
    /** The last time a dump's loading progress was drawn, and what it showed. */
    private long loadDrawn;
    private int loadTraces = -1;
    /** While a dump opened from the command line loads: go to the first crashing trace as it arrives, until the user moves. */
    private boolean seekCrash;
    private int seekFrom;
    private int seekWithFrames = -1;
    private int seekChose = -1;

    /**
     * For a dump named on the command line that is still loading: select the first trace that names a
     * crash once it arrives (as {@link TerminalExplorer#selectCrashingTrace} does for a loaded dump),
     * unless the user has chosen a trace by then.
     */
    public void selectCrashingTraceAsItLoads() {
        seekCrash = true;
        seekChose = state.session.traceIndex();
    }

    /**
     * Loading progress: whether the screen should be redrawn now (at most every 100 ms while loading,
     * once at the end). A dump that ends with no trace closes the explorer with the contract's reason.
     */
    private boolean loadChanged() {
        LoadedDump d = state.dump();
        if (d == null || d == loadEnded) {
            return false;
        }
        boolean loading = d.loading();
        long now = System.nanoTime();
        if (loading && now - loadDrawn < 100_000_000L) {
            return false;
        }
        loadDrawn = now;
        int n = state.traceCount();
        seekCrashingTrace(d, loading);
        if (loading) {
            boolean changed = loadingShown != d || n != loadTraces;
            loadingShown = d;
            loadTraces = n;
            return changed || d.load().fraction() >= 0;
        }
        loadEnded = d;
        String failure = d.load().failure();
        if (n == 0 && !d.load().cancelled() && d == opening) {
            // :open of a file with no trace: say so and go back to the dump shown before, as :open refuses it
            opening = null;
            state.session.discard(d);
            if (beforeOpening != null) {
                state.session.select(beforeOpening);
            }
            state.error(failure != null ? Sanitizer.clean(failure) : Sanitizer.clean(d.dump().source()) + ": no backtrace found");
        } else if (n == 0 && !d.load().cancelled()) {
            exitError = failure != null ? failure : Sanitizer.clean(d.dump().source()) + ": no backtrace found";
            state.quit = true;
        } else if (failure != null) {
            state.error(Sanitizer.clean(failure) + " (" + n + (n == 1 ? " trace" : " traces") + " read)");
        } else if (d == opening) {
            // as :open says it when it reads a file whole
            state.info(d.name() + ": " + Sanitizer.clean(d.dump().source()) + ", " + n + (n == 1 ? " trace" : " traces"));
        } else if (loadingShown == d) {
            // the user saw it loading: say it is complete (a dump loaded before the screen opened needs no word)
            state.info("loaded " + n + (n == 1 ? " trace" : " traces"));
        } else {
            return false;
        }
        return true;
    }

    private LoadedDump loadingShown;
    private LoadedDump loadEnded;

    private void seekCrashingTrace(LoadedDump d, boolean loading) {
        if (!seekCrash || d == null) {
            return;
        }
        if (state.session.traceIndex() != seekChose) {
            seekCrash = false;
            return;
        }
        int n = d.traces().size();
        for (; seekFrom < n; seekFrom++) {
            TraceAnalysis a = d.traces().get(seekFrom);
            if (a.naming().title() != null || !a.trace().exceptions().isEmpty()) {
                if (seekFrom != state.session.traceIndex()) {
                    state.selectTrace(seekFrom);
                    state.info("");
                }
                seekCrash = false;
                return;
            }
            if (seekWithFrames < 0 && !a.trace().frames().isEmpty()) {
                seekWithFrames = seekFrom;
            }
        }
        if (!loading) {
            if (seekWithFrames > 0 && state.session.traceIndex() == 0) {
                state.selectTrace(seekWithFrames);
            }
            seekCrash = false;
        }
        seekChose = state.session.traceIndex();
    }

    /**
     * For two seconds after a resize, ask the terminal its size again now and then. Lanterna learns a
     * new size from SIGWINCH handlers that can finish out of order, so after a burst of resizes it can
     * be left believing an intermediate size; asking again reports the true one as one more resize.
     */
    private void recheckSize() throws IOException {
        long now = System.nanoTime();
        // Once resizing has stopped, draw everything once more: bytes sent during a burst of resizes
        // may have been laid out by the terminal at a size it no longer has, and a final resize back
        // to a size Lanterna already knows raises no event of its own.
        if (settlePending && now - lastResize > 300_000_000L) {
            settlePending = false;
            draw(true);
        }
        if (now - lastResize < 2_000_000_000L && now - lastSizeCheck > 200_000_000L) {
            lastSizeCheck = now;
            try {
                if (screen instanceof com.googlecode.lanterna.screen.TerminalScreen ts) {
                    ts.getTerminal().getTerminalSize();
                }
            } catch (IOException | RuntimeException e) {
                // no answer: keep the size we have
            }
        }
    }

    /** One round: redraw after a resize, then handle every key already typed. Returns whether anything happened. */
    public boolean step() throws IOException {
        boolean acted = state.background.poll();
        acted |= loadChanged();
        if (screen.doResizeIfNecessary() != null) {
            lastResize = System.nanoTime();
            settlePending = true;
            draw(true);
            acted = true;
        }
        KeyStroke k;
        while (!state.quit && (k = screen.pollInput()) != null) {
            handle(k);
            acted = true;
            if (screen.doResizeIfNecessary() != null) {
                draw(true);
            }
        }
        if (acted && !state.quit) {
            draw(false);
        }
        return acted;
    }

    // ---- keys ----

    void handle(KeyStroke k) {
        if (k.getKeyType() == KeyType.EOF) {
            state.quit = true;
            return;
        }
        if (state.prompt != null) {
            promptKey(k);
            return;
        }
        if (state.overlay == ViewState.Overlay.DIFF) {
            diffKey(k, diffKeys.lookup(k).orElse(null));
            return;
        }
        Optional<Action> action = keys.lookup(k);
        if (state.overlay != ViewState.Overlay.NONE) {
            overlayKey(k, action.orElse(null));
            return;
        }
        if (state.background.busy() && (k.getKeyType() == KeyType.Escape
                || (k.getKeyType() == KeyType.Character && k.isCtrlDown() && k.getCharacter() == 'c')) && cancelWork()) {
            return;
        }
        state.info("");
        if (action.isEmpty()) {
            if (k.getKeyType() == KeyType.Character) {
                state.error("no key '" + Sanitizer.clean(String.valueOf(k.getCharacter())) + "' (? for help)");
            }
            return;
        }
        act(action.get());
    }

    private void act(Action a) {
        switch (a) {
            case QUIT -> state.quit = true;
            case HELP -> openOverlay(ViewState.Overlay.HELP);
            case CLOSE -> state.info("");
            case NEXT_PANE -> cycleFocus(1);
            case PREV_PANE -> cycleFocus(-1);
            case PREV_TRACE -> state.selectTrace(state.session.traceIndex() - 1);
            case NEXT_TRACE -> state.selectTrace(state.session.traceIndex() + 1);
            case PREV_STAGE -> stage(-1);
            case NEXT_STAGE -> stage(1);
            case SEARCH -> openPrompt(Prompt.Kind.SEARCH, "");
            case SEARCH_NEXT -> searchAgain(true);
            case SEARCH_PREV -> searchAgain(false);
            case FILTER -> openPrompt(Prompt.Kind.FILTER, state.session.filter());
            case CLEAR_FILTER -> {
                state.session.setFilter("");
                state.info("filter cleared");
            }
            case COMMAND -> openPrompt(Prompt.Kind.COMMAND, "");
            case TOGGLE_BUCKETS -> toggleBuckets();
            case MARK_TRACE -> markTrace();
            case DIFF_MARKED -> diffMarked();
            default -> panes.get(state.focus).handle(a, state, shownRows.getOrDefault(state.focus, 10));
        }
    }

    private void openOverlay(ViewState.Overlay o) {
        state.overlay = o;
        state.overlayTop = 0;
    }

    private List<PaneId> focusOrder() {
        List<PaneId> order = new ArrayList<>();
        for (PaneId p : PaneId.values()) {
            if (p != PaneId.TRACES || state.traceCount() > 1) {
                order.add(p);
            }
        }
        return order;
    }

    private void cycleFocus(int delta) {
        List<PaneId> order = focusOrder();
        int i = order.indexOf(state.focus);
        state.focus = order.get(Math.floorMod(i + delta, order.size()));
        if (state.focus.isSide()) {
            state.side = state.focus;
        }
    }

    private void stage(int delta) {
        JourneyRows j = state.journey();
        if (j == null || j.isEmpty()) {
            state.error("no packet journey in this trace");
            return;
        }
        int cur = j.stepOf(state.frame());
        int next = cur < 0 ? (delta > 0 ? 0 : j.stepCount() - 1) : cur + delta;
        if (next < 0 || next >= j.stepCount()) {
            state.error(delta > 0 ? "already at the last stage" : "already at the first stage");
            return;
        }
        JourneyPane.chooseStep(state, next);
    }

    // ---- search ----

    /** The matches of the last search in the current trace (built once per trace and search). */
    private SearchIndex searchIndex;

    private void search(String regex, boolean forward, boolean includeCurrent) {
        if (!regex.equals(searchSource)) {
            try {
                searchPattern = Pattern.compile(regex);
                searchSource = regex;
            } catch (PatternSyntaxException e) {
                state.error("bad regular expression: " + Sanitizer.clean(e.getDescription()));
                return;
            }
        }
        state.session.setSearch(regex);
        TraceAnalysis a = state.analysis();
        if (a == null || a.trace().frames().isEmpty()) {
            state.error("no frames to search");
            return;
        }
        if (searchIndex != null && searchIndex.isFor(a, regex)) {
            jump(searchIndex, forward, includeCurrent);
            return;
        }
        Pattern p = searchPattern;
        if (a.trace().frames().size() < ViewState.backgroundFrom) {
            searchIndex = SearchIndex.build(a, regex, p, null);
            jump(searchIndex, forward, includeCurrent);
            return;
        }
        // a long trace: find the matches in the background, then jump from wherever the selection is then
        state.background.start(Background.Slot.SEARCH, "searching /" + Sanitizer.clean(regex), pr -> SearchIndex.build(a, regex, p, pr),
                index -> {
                    searchIndex = index;
                    if (state.analysis() == a) {
                        jump(index, forward, includeCurrent);
                    }
                },
                e -> state.error("search failed: " + Sanitizer.clean(String.valueOf(e.getMessage()))));
        state.info("searching /" + Sanitizer.clean(regex) + " in " + a.trace().frames().size() + " frames (Esc cancels)");
    }

    /** Selects the next match the index holds from the selected frame; when this trace has none, looks in the others. */
    private void jump(SearchIndex index, boolean forward, boolean includeCurrent) {
        FrameRows rows = state.rows();
        TraceAnalysis a = state.analysis();
        String regex = index.regex;
        if (rows == null || rows.visible.length == 0) {
            searchOtherTraces(regex, forward, rows == null ? "the frames are still being prepared" : "no frames to search");
            return;
        }
        int cur = rows.visible[Math.max(0, rows.positionOf(state.frame()))];
        SearchIndex.Hit hit = index.next(rows, cur, forward, includeCurrent);
        if (hit == null) {
            searchOtherTraces(regex, forward, "no function matches /" + Sanitizer.clean(regex));
            return;
        }
        int f = hit.frame();
        state.selectFrame(f);
        state.info((hit.wrapped() ? "search wrapped: " : "") + "/" + Sanitizer.clean(regex) + "  "
                + FrameText.level(a.trace().frames().get(f)) + " " + Sanitizer.clean(a.trace().frames().get(f).function()));
    }

    /**
     * The search matches nothing shown in this trace: in a dump of several traces, look through the
     * others in order (backwards for N), in the background, and go to the first that has a match.
     */
    private void searchOtherTraces(String regex, boolean forward, String noMatch) {
        LoadedDump d = state.dump();
        int count = state.traceCount();
        if (d == null || count < 2) {
            state.error(noMatch);
            return;
        }
        int from = state.session.traceIndex();
        Pattern p = searchPattern;
        Session session = state.session;
        String filter = session.filter();
        state.background.start(Background.Slot.SEARCH, "searching /" + Sanitizer.clean(regex) + " in other traces",
                pr -> {
                    for (int k = 1; k < count; k++) {
                        pr.set((double) k / count);
                        int t = Math.floorMod(from + (forward ? k : -k), count);
                        TraceAnalysis other = d.traces().get(t);
                        SearchIndex index = SearchIndex.build(other, regex, p, null);
                        if (index.isEmpty()) {
                            continue;
                        }
                        java.util.function.IntPredicate shown = i -> true;
                        if (!filter.isBlank()) {
                            try {
                                shown = FilterBinding.compile(filter, session, other);
                            } catch (CommandException e) {
                                // an unreadable filter shows everything, as the frames pane does
                            }
                        }
                        FrameRows rows = new FrameRows(other, shown, new int[]{0, 0}, null);
                        int start = forward ? -1 : other.trace().frames().size();
                        SearchIndex.Hit hit = index.next(rows, start, forward, false);
                        if (hit != null) {
                            return new int[]{t, hit.frame(), forward ? (t < from ? 1 : 0) : (t > from ? 1 : 0)};
                        }
                    }
                    return null;
                },
                found -> {
                    if (state.dump() != d) {
                        return;
                    }
                    if (found == null) {
                        state.error("no function matches /" + Sanitizer.clean(regex) + " in any trace");
                        return;
                    }
                    state.selectTrace(found[0]);
                    state.selectFrame(found[1]);
                    TraceAnalysis a = state.analysis();
                    Frame f = a.trace().frames().get(found[1]);
                    state.info((found[2] == 1 ? "search wrapped: " : "") + "/" + Sanitizer.clean(regex) + "  trace " + (found[0] + 1)
                            + "  " + FrameText.level(f) + " " + Sanitizer.clean(f.function()));
                },
                e -> state.error("search failed: " + Sanitizer.clean(String.valueOf(e.getMessage()))));
        state.info(noMatch + " in this trace; searching the other " + (count - 1) + " traces (Esc cancels)");
    }

    /** Esc or Ctrl-C while a search or a new filter is being worked out stops it; returns whether it did. */
    private boolean cancelWork() {
        Background.Job<?> search = state.background.cancel(Background.Slot.SEARCH);
        if (search != null) {
            state.info("search cancelled");
            return true;
        }
        if (state.background.cancel(Background.Slot.BUCKETS) != null) {
            state.info("buckets cancelled");
            return true;
        }
        String shown = state.shownFilter();
        if (state.background.running(Background.Slot.ROWS) != null && shown != null) {
            state.background.cancel(Background.Slot.ROWS);
            state.announceFilter = null;
            state.session.setFilter(shown);
            state.info("filter cancelled; filter: " + (shown.isEmpty() ? "none" : Sanitizer.clean(shown)));
            return true;
        }
        return false;
    }

    private void searchAgain(boolean forward) {
        Optional<String> last = state.session.search();
        if (last.isEmpty()) {
            state.error("no search yet (type / and a regex)");
            return;
        }
        search(last.get(), forward, false);
    }

    // ---- prompt ----

    private void openPrompt(Prompt.Kind kind, String initial) {
        state.prompt = new Prompt(kind, initial, state.histories.get(kind));
    }

    private void promptKey(KeyStroke k) {
        Prompt p = state.prompt;
        switch (k.getKeyType()) {
            case Escape -> state.prompt = null;
            case Enter -> {
                state.prompt = null;
                submit(p.kind, p.text());
            }
            case Backspace -> {
                if (p.text().isEmpty()) {
                    state.prompt = null;
                } else {
                    p.backspace();
                }
            }
            case Delete -> p.delete();
            case ArrowLeft -> p.left();
            case ArrowRight -> p.right();
            case Home -> p.home();
            case End -> p.end();
            case ArrowUp -> p.historyUp();
            case ArrowDown -> p.historyDown();
            case Tab -> {
                if (p.kind == Prompt.Kind.COMMAND) {
                    Completer.Result r = completer.complete(p.text());
                    p.replace(r.line());
                    state.info(r.candidates().isEmpty() ? "" : String.join("  ", r.candidates()));
                }
            }
            case Character -> {
                char c = k.getCharacter();
                if (k.isCtrlDown()) {
                    switch (c) {
                        case 'c', 'g' -> state.prompt = null;
                        case 'u' -> p.clear();
                        case 'a' -> p.home();
                        case 'e' -> p.end();
                        default -> {
                        }
                    }
                } else if (!k.isAltDown() && !Character.isISOControl(c)) {
                    p.insert(c);
                }
            }
            default -> {
            }
        }
    }

    private void submit(Prompt.Kind kind, String text) {
        List<String> history = state.histories.get(kind);
        if (!text.isBlank() && (history.isEmpty() || !history.get(history.size() - 1).equals(text))) {
            history.add(text);
        }
        switch (kind) {
            case SEARCH -> {
                if (text.isEmpty()) {
                    searchAgain(true);
                } else {
                    search(text, true, false);
                }
            }
            case FILTER -> filter(text);
            case COMMAND -> command(text);
        }
    }

    private void filter(String text) {
        try {
            FilterBinding.parse(text, state.session);
        } catch (CommandException e) {
            state.error(e.getMessage());
            return;
        }
        state.session.setFilter(text);
        FrameRows r = state.rows();
        if (text.isBlank()) {
            state.info("filter cleared");
        } else if (r != null && state.rowsCurrent()) {
            state.info("filter " + Sanitizer.clean(text) + ": " + r.visible.length + " of " + state.frameCount() + " frames shown");
        } else if (state.analysis() != null) {
            state.announceFilter = text;
            state.info("filter " + Sanitizer.clean(text) + ": applying to " + state.frameCount() + " frames (Esc cancels)");
        }
    }

    /** Runs a {@code :} line through the shared command objects; errors go to the status line and change nothing. */
    private void command(String line) {
        Outcome o;
        try {
            refuseStdin(line);
            if (openInBackground(line)) {
                return;
            }
            o = state.commands.execute(state.session, line);
        } catch (CommandException e) {
            state.error(Sanitizer.clean(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            state.error("internal error: " + Sanitizer.clean(String.valueOf(e.getMessage())));
            return;
        }
        if (openDiffView(line)) {
            return;
        }
        String text = o.text() == null ? "" : o.text().strip();
        switch (o.effect()) {
            case QUIT -> state.quit = true;
            case EXPLORE -> state.info("already in the explorer");
            case VIEW_CHANGED -> state.info(Sanitizer.clean(firstLine(text)));
            default -> {
                if (text.contains("\n")) {
                    state.openOutput(":" + line, text);
                } else {
                    state.info(Sanitizer.clean(text));
                }
            }
        }
    }

    /** A dump {@code :open} is loading in the background, and the dump to go back to if it holds no trace. */
    private LoadedDump opening;
    private LoadedDump beforeOpening;

    /**
     * {@code :open FILE} (and {@code :load}): opens the file here, so its refusals come at once, then reads
     * it in the background as the command line's dump is read; the screen shows it as it arrives.
     * Returns false for anything else, which runs as a plain command.
     */
    private boolean openInBackground(String line) throws CommandException {
        List<String> words = CommandLineSplitter.split(line);
        if (words.size() != 2 || words.get(1).equals("-") || words.get(1).startsWith("--")
                || !state.commands.find(words.get(0)).map(c -> c.name().equals("load")).orElse(false)) {
            return false;
        }
        String name = words.get(1);
        boolean sample = name.equals("<sample>");
        TextInput in;
        try {
            in = sample ? InputReader.openSample() : InputReader.open(name, java.io.InputStream.nullInputStream(), false);
        } catch (ParseException e) {
            throw new CommandException(e.getMessage());
        }
        beforeOpening = state.dump();
        state.buckets = false;
        opening = state.session.addLoading(sample ? InputReader.SAMPLE_NAME : name, in);
        for (PaneId p : PaneId.values()) {
            state.setTop(p, 0);
        }
        state.info(opening.name() + ": " + Sanitizer.clean(opening.dump().source()) + ", loading (q quits)");
        return true;
    }

    /** Whether something runs in the background that a test may wait for: a search, a rebuild, a dump {@code :open} loads. */
    boolean busy() {
        // until the end of the load has been shown (it may end before anyone asks)
        return state.background.busy() || (opening != null && opening != loadEnded);
    }

    // ---- diff view ----

    /**
     * After {@code :diff A B} ran without error, shows the same comparison side by side instead of
     * the text. {@code :diff --json} keeps its text output. Returns whether the view opened.
     */
    private boolean openDiffView(String line) {
        List<String> words;
        try {
            words = CommandLineSplitter.split(line);
        } catch (CommandException e) {
            return false;
        }
        if (words.isEmpty() || !state.commands.find(words.get(0)).map(c -> c.name().equals("diff")).orElse(false)) {
            return false;
        }
        List<String> refs = new ArrayList<>();
        for (String w : words.subList(1, words.size())) {
            if (w.startsWith("--")) {
                return false;
            }
            refs.add(w);
        }
        if (refs.size() != 2) {
            return false;
        }
        try {
            showDiff(TraceRef.resolve(state.session, refs.get(0)), TraceRef.resolve(state.session, refs.get(1)));
            return true;
        } catch (CommandException e) {
            state.error(Sanitizer.clean(e.getMessage()));
            return true;
        }
    }

    private void showDiff(TraceRef a, TraceRef b) {
        TraceDiff d = TraceDiff.compare(side(a), side(b), DiffOptions.NAMES);
        state.diff = new DiffView(d);
        state.overlay = ViewState.Overlay.DIFF;
        state.info(d.same() ? "the stacks are the same frame for frame" : state.diff.position() + " (n/N to jump)");
    }

    private static DiffSide side(TraceRef r) {
        return new DiffSide(r.dump().dump().source(), r.id(), r.dump().traces().get(r.traceIndex()));
    }

    /** Shows the traces pane as buckets of similar stacks (as {@code cluster}) or as tasks again. */
    private void toggleBuckets() {
        if (state.traceCount() < 2) {
            state.error("buckets need a dump with several traces");
            return;
        }
        if (state.buckets) {
            state.buckets = false;
            state.info("traces pane: " + state.traceCount() + " tasks (b: buckets)");
            return;
        }
        if (state.dump().loading()) {
            state.error("buckets: still loading (" + state.traceCount() + " traces so far)");
            return;
        }
        if (state.bucketsCurrent() || state.traceCount() < BUCKETS_IN_BACKGROUND) {
            showBuckets(state.bucketsReady());
            return;
        }
        LoadedDump d = state.dump();
        state.background.start(Background.Slot.BUCKETS, "bucketing " + state.traceCount() + " traces", p -> Buckets.of(d, p),
                b -> {
                    state.setBuckets(b);
                    if (state.dump() == d) {
                        showBuckets(b);
                    }
                },
                e -> state.error("buckets failed: " + Sanitizer.clean(String.valueOf(e.getMessage()))));
        state.info("bucketing " + state.traceCount() + " traces (Esc cancels)");
    }

    /** Traces from which the buckets are worked out in the background. */
    static final int BUCKETS_IN_BACKGROUND = 2000;

    private void showBuckets(Buckets b) {
        state.buckets = true;
        int n = b.clusters().size();
        state.info("traces pane: " + n + (n == 1 ? " bucket" : " buckets") + " of " + b.traceCount + " traces (b: tasks)");
    }

    private void markTrace() {
        if (state.dump() == null) {
            state.error("no dump loaded");
            return;
        }
        state.mark = new TraceRef(state.dump(), state.session.traceIndex());
        state.info("marked trace " + state.mark.id() + " (d diffs it with the selected trace)");
    }

    private void diffMarked() {
        if (state.mark == null) {
            state.error("no marked trace (m marks the selected trace)");
            return;
        }
        if (state.dump() == null) {
            state.error("no dump loaded");
            return;
        }
        showDiff(state.mark, new TraceRef(state.dump(), state.session.traceIndex()));
    }

    private void diffKey(KeyStroke k, Action a) {
        DiffView d = state.diff;
        if (a == null || d == null) {
            if (d == null) {
                state.overlay = ViewState.Overlay.NONE;
            }
            return;
        }
        int shown = Math.max(1, screen.getTerminalSize().getRows() - 5);
        state.info("");
        switch (a) {
            case CLOSE -> {
                state.overlay = ViewState.Overlay.NONE;
                state.diff = null;
            }
            case QUIT -> state.quit = true;
            case HELP -> openOverlay(ViewState.Overlay.HELP);
            case DOWN -> d.scroll(1, shown);
            case UP -> d.scroll(-1, shown);
            case PAGE_DOWN -> d.scroll(Math.max(1, shown - 1), shown);
            case PAGE_UP -> d.scroll(-Math.max(1, shown - 1), shown);
            case TOP -> d.top = 0;
            case BOTTOM -> d.scroll(Integer.MAX_VALUE / 2, shown);
            case NEXT_CHANGE, PREV_CHANGE -> {
                String m = d.jump(a == Action.NEXT_CHANGE ? 1 : -1, shown);
                if (m == null) {
                    state.error("no differences: the stacks are the same frame for frame");
                } else if (!m.isEmpty()) {
                    state.error(m);
                } else {
                    state.info(d.position());
                }
            }
            default -> {
            }
        }
    }

    /** The explorer reads its keys from stdin, so {@code :open -} would steal them and wait forever. */
    private void refuseStdin(String line) throws CommandException {
        List<String> words = CommandLineSplitter.split(line);
        if (words.size() > 1 && words.contains("-")
                && state.commands.find(words.get(0)).map(c -> c.name().equals("load")).orElse(false)) {
            throw new CommandException("load -: stdin is the terminal here; load a file instead");
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    // ---- overlays ----

    private void overlayKey(KeyStroke k, Action a) {
        if (a == null) {
            return;
        }
        int page = Math.max(1, screen.getTerminalSize().getRows() - 6);
        switch (a) {
            case CLOSE, QUIT -> state.overlay = afterOverlay();
            case HELP -> state.overlay = state.overlay == ViewState.Overlay.HELP ? afterOverlay() : ViewState.Overlay.HELP;
            case OPEN -> state.overlay = afterOverlay();
            case DOWN -> state.overlayTop++;
            case UP -> state.overlayTop = Math.max(0, state.overlayTop - 1);
            case PAGE_DOWN -> state.overlayTop += page;
            case PAGE_UP -> state.overlayTop = Math.max(0, state.overlayTop - page);
            case TOP -> state.overlayTop = 0;
            case BOTTOM -> state.overlayTop = Integer.MAX_VALUE / 2;
            default -> {
            }
        }
        if (state.overlay != ViewState.Overlay.NONE && a == Action.QUIT && k.isCtrlDown()) {
            state.quit = true;
        }
    }

    /** Help opened from the diff view goes back to it. */
    private ViewState.Overlay afterOverlay() {
        return state.overlay == ViewState.Overlay.HELP && state.diff != null ? ViewState.Overlay.DIFF : ViewState.Overlay.NONE;
    }

    // ---- drawing ----

    /** Draws the whole screen into Lanterna's back buffer and sends the difference (all of it after a resize). */
    void draw(boolean complete) throws IOException {
        TerminalSize size = screen.getTerminalSize();
        int w = size.getColumns();
        int h = size.getRows();
        Theme t = state.theme();
        CellGrid grid = new CellGrid(w, h, lastGrid, t.ascii);
        TextGraphics g = grid.graphics();
        t.plain(g);
        layout = new Layout(w, h, state.traceCount(), state.side);
        if (layout.tooSmall) {
            tooSmall(g, w, h, t);
            show(grid, complete);
            screen.setCursorPosition(null);
            screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
            return;
        }
        if (layout.tabbed && state.focus.isSide()) {
            state.side = state.focus;
            layout = new Layout(w, h, state.traceCount(), state.side);
        }
        titleLine(g, w, t);
        Borders.draw(g, w, h, new ArrayList<>(layout.boxes.values()), t);
        for (Map.Entry<PaneId, Rect> e : layout.boxes.entrySet()) {
            Pane pane = panes.get(e.getKey());
            Rect r = e.getValue();
            paneTitle(g, pane, r, t);
            Rect in = r.inner();
            if (in.isEmpty()) {
                continue;
            }
            shownRows.put(pane.id(), in.height());
            if (layout.tabbed && pane.id().isSide()) {
                for (PaneId p : PaneId.values()) {
                    if (p.isSide()) {
                        shownRows.put(p, in.height());
                    }
                }
            }
            TextGraphics area = grid.graphics().newTextGraphics(
                    new TerminalPosition(in.x(), in.y()), new TerminalSize(in.width(), in.height()));
            t.plain(area);
            pane.draw(area, state, t);
        }
        if (state.overlay == ViewState.Overlay.DIFF && state.diff != null) {
            state.diff.draw(grid.graphics(), w, h, t);
        } else {
            overlays.draw(grid.graphics(), w, h, state, t);
        }
        TerminalPosition cursor = statusLine(g, w, h, t);
        show(grid, complete);
        screen.setCursorPosition(cursor);
        screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }

    /** Hands Lanterna the cells that changed since the last frame (all of them after a resize). */
    private void show(CellGrid grid, boolean complete) {
        grid.flushTo(screen, complete ? null : lastGrid);
        lastGrid = grid;
    }

    private void tooSmall(TextGraphics g, int w, int h, Theme t) {
        String[] lines = {"terminal too small", w + "x" + h + ", need " + Layout.MIN_WIDTH + "x" + Layout.MIN_HEIGHT,
                "enlarge it, or q to quit"};
        for (int i = 0; i < lines.length && i < h; i++) {
            String s = lines[i].length() > w ? lines[i].substring(0, w) : lines[i];
            Text.put(g, Math.max(0, (w - s.length()) / 2), Math.max(0, h / 2 - 1) + i, s, i == 0 ? t.error() : TextColor.ANSI.DEFAULT, false, i == 0);
        }
    }

    private void titleLine(TextGraphics g, int w, Theme t) {
        TraceAnalysis a = state.analysis();
        String file = state.dump() == null ? "" : fileName(state.dump().dump().source());
        String title = a == null ? "" : crashTitle(a);
        String right = a == null ? "" : a.trace().arch().id() + "  " + a.trace().frames().size()
                + (a.trace().frames().size() == 1 ? " frame " : " frames ");
        // Room goes to the crash title first, then the file, the arch and frame count, the program's name.
        String app = " pktpath-tui  ";
        if (app.length() + file.length() + 2 + title.length() + right.length() > w) {
            right = "";
        }
        if (app.length() + file.length() + 2 + title.length() > w) {
            app = " ";
        }
        Text.blankRow(g, 0, true);
        int x = Text.put(g, 0, 0, app, TextColor.ANSI.DEFAULT, true, true);
        int fileRoom = Math.max(8, Math.min(file.length(), w - x - title.length() - 2));
        x = Text.put(g, x, 0, Text.cut(file, fileRoom, t) + "  ", TextColor.ANSI.DEFAULT, true, false);
        int room = w - x - right.length() - 1;
        if (room > 0) {
            Text.put(g, x, 0, Text.cut(title, room, t), TextColor.ANSI.DEFAULT, true, true);
        }
        if (!right.isEmpty() && w - right.length() > x) {
            Text.put(g, w - right.length(), 0, right, TextColor.ANSI.DEFAULT, true, false);
        }
    }

    /** The title line's words: the crash title, else where it crashed, else a plain admission. */
    static String crashTitle(TraceAnalysis a) {
        if (a.naming().title() != null) {
            return Sanitizer.clean(a.naming().title());
        }
        var site = a.naming().crashSite();
        if (site != null && site.function() != null) {
            return "crash site " + Sanitizer.clean(site.function()) + (site.offset() != null ? "+" + site.offset() : "");
        }
        return a.trace().frames().isEmpty() ? "(no frames in this trace)" : "(no crash title)";
    }

    /** The last part of a path: the status line has no room for directories. */
    static String fileName(String source) {
        String s = Sanitizer.clean(source);
        int slash = s.lastIndexOf('/');
        return slash >= 0 && slash < s.length() - 1 ? s.substring(slash + 1) : s;
    }

    private void paneTitle(TextGraphics g, Pane pane, Rect r, Theme t) {
        boolean focused = state.focus == pane.id();
        String title;
        if (layout.tabbed && pane.id().isSide()) {
            StringBuilder b = new StringBuilder();
            for (PaneId p : PaneId.values()) {
                if (p.isSide()) {
                    b.append(p == pane.id() ? "[" + panes.get(p).title(state) + "]" : " " + p.label + " ").append(' ');
                }
            }
            title = b.toString().strip();
        } else {
            title = focused ? "[" + pane.title(state) + "]" : " " + pane.title(state) + " ";
        }
        int room = r.width() - 4;
        if (room > 2) {
            Text.put(g, r.x() + 2, r.y(), Text.cut(title, room, t), focused ? t.accent() : TextColor.ANSI.DEFAULT, false, focused);
        }
    }

    /**
     * What runs in the background, for the status line: a search or a filter being applied (with how
     * to cancel it), else the dump still loading, as a progress bar. Empty when nothing runs.
     */
    private String activity(Theme t) {
        Background.Job<?> job = state.background.shown();
        if (job != null) {
            return "  " + job.label + " " + bar(job.progress.fraction(), t) + " Esc cancels";
        }
        LoadedDump d = state.dump();
        if (d == null || !d.loading()) {
            return "";
        }
        int n = state.traceCount();
        double f = d.load().fraction();
        return "  loading " + (f < 0 ? "" : bar(f, t) + " ") + n + (n == 1 ? " trace" : " traces");
    }

    /** A progress bar of ten cells and the percentage: {@code [#####.....]  50%}. */
    static String bar(double fraction, Theme t) {
        int pct = (int) Math.max(0, Math.min(100, Math.floor(fraction * 100)));
        int cells = pct / 10;
        char full = t.ascii ? '#' : '\u2588';
        char empty = t.ascii ? '.' : '\u2591';
        return "[" + String.valueOf(full).repeat(cells) + String.valueOf(empty).repeat(10 - cells) + "] " + (pct < 10 ? " " : "") + pct + "%";
    }

    /** The bottom line: the prompt while one is open (returns where the cursor goes), else the status. */
    private TerminalPosition statusLine(TextGraphics g, int w, int h, Theme t) {
        int y = h - 1;
        Prompt p = state.prompt;
        if (p != null) {
            String label = p.kind.label;
            String text = p.text();
            int room = w - label.length() - 1;
            int shift = Math.max(0, p.cursor() - room);
            String shown = text.substring(Math.min(shift, text.length()));
            if (shown.length() > room) {
                shown = shown.substring(0, room);
            }
            Text.blankRow(g, y, false);
            Text.put(g, 0, y, label, t.accent(), false, true);
            Text.put(g, label.length(), y, Sanitizer.clean(shown), TextColor.ANSI.DEFAULT, false, false);
            if (!state.message.isEmpty() && label.length() + shown.length() + 3 < w) {
                int x = label.length() + shown.length() + 3;
                Text.put(g, x, y, Text.cut(state.message, w - x, t), t.dim(), false, false);
            }
            return new TerminalPosition(label.length() + p.cursor() - shift, y);
        }
        String right = " ? help ";
        String file = "", trace = "", frame = "", filter = "";
        if (state.dump() != null) {
            file = " " + fileName(state.dump().dump().source());
            trace = "  trace " + (state.traceCount() == 0 ? "-" : String.valueOf(state.session.traceIndex() + 1)) + "/" + state.traceCount();
            int f = state.frame();
            frame = "  frame " + (f < 0 ? "-" : String.valueOf(f + 1)) + "/" + state.frameCount();
            String fl = state.session.filter();
            filter = "  filter: " + (fl.isEmpty() ? "none" : Sanitizer.clean(fl));
        }
        String msg = state.message.isEmpty() ? "" : "  " + (state.messageIsError ? "error: " : "") + state.message;
        String work = activity(t);
        // A message needs room more than the file name (on the title line too) or an empty filter.
        int room = w - right.length();
        if (file.length() + trace.length() + frame.length() + filter.length() + work.length() + msg.length() > room) {
            file = "";
        }
        if (trace.length() + frame.length() + filter.length() + work.length() + msg.length() > room && filter.endsWith("none")) {
            filter = "";
        }
        String left = file + trace + frame + filter + work;
        Text.blankRow(g, y, true);
        int x = Text.put(g, 0, y, Text.cut(left, room, t), TextColor.ANSI.DEFAULT, true, false);
        if (!msg.isEmpty() && x + 3 < room) {
            Text.put(g, x, y, Text.cut(msg, room - x, t),
                    state.messageIsError ? t.error() : t.accent(), !state.messageIsError, state.messageIsError);
        }
        Text.put(g, w - right.length(), y, right, TextColor.ANSI.DEFAULT, true, true);
        return null;
    }
}
