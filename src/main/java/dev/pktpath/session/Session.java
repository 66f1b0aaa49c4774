package dev.pktpath.session;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.TextInput;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The state one front end works on: loaded dumps, the current dump, trace and frame, and display
 * settings. One instance per explorer or REPL, never shared statically. Commands change it only
 * through these methods, which keep the indexes in range.
 */
public final class Session {
    private final Analyzer analyzer;
    private final List<LoadedDump> dumps = new ArrayList<>();
    private LoadedDump current;
    private int traceIndex;
    private int frameIndex;
    private String filter = "";
    private String search;
    private boolean ascii;
    private boolean color;
    /** Columns answers are laid out for; front ends set their screen's width. */
    private int width = 80;
    /** Where {@code load -} reads; null when stdin is not the user's to give (it holds the REPL's script). */
    private InputStream stdin = System.in;

    public Session(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** Adds a dump under the next short name and makes it current. */
    public LoadedDump add(Dump dump) {
        LoadedDump d = LoadedDump.of("d" + (dumps.size() + 1), dump, analyzer);
        dumps.add(d);
        select(d);
        return d;
    }

    /**
     * Adds a dump that is read in the background from {@code input} (already opened, so the input's
     * refusals came first), under the next short name, and makes it current. Its traces appear as
     * they are read; {@link LoadedDump#load()} tells how far it has got.
     */
    public LoadedDump addLoading(String source, TextInput input) {
        return addLoading(source, input, (sink, listener) -> new DumpParser().stream(source, input, sink, listener));
    }

    /** As {@link #addLoading(String, TextInput)}, with the traces from {@code from} (tests feed their own, at their pace). */
    public LoadedDump addLoading(String source, TextInput input, DumpLoad.TraceSource from) {
        TraceList traces = new TraceList();
        DumpLoad load = DumpLoad.start(source, input, from, traces, analyzer);
        LoadedDump d = new LoadedDump("d" + (dumps.size() + 1), new Dump(source, List.of(), List.of()), traces, load);
        dumps.add(d);
        select(d);
        return d;
    }

    /**
     * Forgets the dump added last (one that turned out to hold no trace), so the next gets its name;
     * the current dump becomes none when it was that one. Any other dump stays.
     */
    public void discard(LoadedDump d) {
        if (!dumps.isEmpty() && dumps.get(dumps.size() - 1) == d) {
            d.load().cancel();
            dumps.remove(dumps.size() - 1);
            if (current == d) {
                current = null;
                traceIndex = 0;
                frameIndex = 0;
            }
        }
    }

    /** Stops every background load and waits for its thread: a front end calls this as it closes. */
    public void cancelLoads() {
        for (LoadedDump d : dumps) {
            d.load().cancel();
        }
    }

    public void select(LoadedDump d) {
        current = d;
        traceIndex = 0;
        frameIndex = 0;
    }

    public List<LoadedDump> dumps() {
        return Collections.unmodifiableList(dumps);
    }

    /** A dump by short name ({@code d2}) or by the source it was loaded from. */
    public Optional<LoadedDump> dump(String nameOrSource) {
        for (LoadedDump d : dumps) {
            if (d.name().equals(nameOrSource) || d.dump().source().equals(nameOrSource)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public Optional<LoadedDump> current() {
        return Optional.ofNullable(current);
    }

    public LoadedDump requireDump() throws CommandException {
        if (current == null) {
            throw new CommandException("no dump loaded (try: load FILE)");
        }
        return current;
    }

    public TraceAnalysis requireTrace() throws CommandException {
        return requireDump().traces().get(traceIndex);
    }

    public int traceIndex() {
        return traceIndex;
    }

    public int frameIndex() {
        return frameIndex;
    }

    public void selectTrace(int index) throws CommandException {
        int n = requireDump().traces().size();
        if (index < 0 || index >= n) {
            throw new CommandException("no trace " + (index + 1) + " (this dump has " + n + ")");
        }
        traceIndex = index;
        frameIndex = 0;
    }

    public void selectFrame(int index) throws CommandException {
        int n = requireTrace().trace().frames().size();
        if (index < 0 || index >= n) {
            throw new CommandException("no frame index " + index + " (this trace has " + n + " frames)");
        }
        frameIndex = index;
    }

    public String filter() {
        return filter;
    }

    public void setFilter(String expression) {
        this.filter = expression == null ? "" : expression.strip();
    }

    public Optional<String> search() {
        return Optional.ofNullable(search);
    }

    public void setSearch(String regex) {
        this.search = regex;
    }

    public boolean ascii() {
        return ascii;
    }

    public void setAscii(boolean ascii) {
        this.ascii = ascii;
    }

    public boolean color() {
        return color;
    }

    public void setColor(boolean color) {
        this.color = color;
    }

    public int width() {
        return width;
    }

    public void setWidth(int columns) {
        this.width = columns > 0 ? columns : 80;
    }

    public Optional<InputStream> stdin() {
        return Optional.ofNullable(stdin);
    }

    /** Front ends that read their own commands from stdin set null, so {@code load -} refuses instead of eating them. */
    public void setStdin(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Convenience for front ends: the current dump's source, or none. */
    public Optional<Dump> currentDump() {
        return current().map(LoadedDump::dump);
    }
}
