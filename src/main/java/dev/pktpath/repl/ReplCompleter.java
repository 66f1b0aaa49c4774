package dev.pktpath.repl;

import dev.pktpath.analysis.Stage;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Frame;
import dev.pktpath.render.Sanitizer;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.LoadedDump;
import dev.pktpath.session.Session;
import dev.pktpath.session.SessionCommand;
import dev.pktpath.session.SessionCommand.ArgKind;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Tab completion for the REPL, driven by each command's {@link SessionCommand#argKinds()} and
 * {@link SessionCommand#options()}, so a new command completes without touching this class.
 * Values come from the session as it is now (trace ids, frame levels, dump names).
 */
public final class ReplCompleter implements Completer {
    private final Session session;
    private final CommandRegistry registry;
    private final Supplier<List<String>> subsystems;
    private final Supplier<List<String>> stages;
    private final Completer files = new FileNameCompleter();

    /** Subsystem names from the rules in force (user rules included), stages from the analysis. */
    public ReplCompleter(Session session, CommandRegistry registry) {
        this(session, registry, () -> subsystemsAndFamilies(session.analyzer().rules().subsystems()), ReplCompleter::stageIds);
    }

    /** {@code net-tcp} and its family {@code net}, which the filter language matches against every {@code net-*}. */
    static List<String> subsystemsAndFamilies(Collection<String> subsystems) {
        Set<String> names = new TreeSet<>(subsystems);
        for (String s : subsystems) {
            int dash = s.indexOf('-');
            if (dash > 0) {
                names.add(s.substring(0, dash));
            }
        }
        return List.copyOf(names);
    }

    private static List<String> stageIds() {
        List<String> ids = new ArrayList<>();
        for (Stage s : Stage.values()) {
            ids.add(s.id());
        }
        return ids;
    }

    public ReplCompleter(Session session, CommandRegistry registry,
                         Supplier<List<String>> subsystems, Supplier<List<String>> stages) {
        this.session = session;
        this.registry = registry;
        this.subsystems = subsystems;
        this.stages = stages;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        List<String> words = line.words();
        int at = line.wordIndex();
        if (at <= 0) {
            commands(out);
            return;
        }
        SessionCommand c = registry.find(words.get(0)).orElse(null);
        if (c == null) {
            return;
        }
        // The position among the plain arguments: options do not count.
        int position = 0;
        List<String> used = new ArrayList<>();
        for (int i = 1; i < at && i < words.size(); i++) {
            if (words.get(i).startsWith("--")) {
                used.add(words.get(i));
            } else {
                position++;
            }
        }
        for (String o : c.options()) {
            if (!used.contains(o)) {
                out.add(new Candidate(o, o, "options", null, null, null, true));
            }
        }
        List<ArgKind> kinds = c.argKinds();
        if (kinds.isEmpty()) {
            return;
        }
        ArgKind last = kinds.get(kinds.size() - 1);
        if (position < kinds.size()) {
            argument(kinds.get(position), position, reader, line, out);
        } else if (last == ArgKind.SUBSYSTEM || last == ArgKind.SETTING) {
            // filter expressions take several words; set takes a value after the setting
            argument(last, position, reader, line, out);
        }
    }

    private void argument(ArgKind kind, int position, LineReader reader, ParsedLine line, List<Candidate> out) {
        switch (kind) {
            case COMMAND -> commands(out);
            case FILE -> {
                out.add(new Candidate("<sample>", "<sample>", "dumps", "the embedded A Packet's Path sample", null, null, true));
                files.complete(reader, line, out);
            }
            case TRACE -> traces(out);
            case FRAME -> frames(out);
            case DUMP -> {
                for (LoadedDump d : session.dumps()) {
                    out.add(new Candidate(d.name(), d.name(), "dumps", Sanitizer.clean(d.dump().source()), null, null, true));
                }
            }
            case SUBSYSTEM -> {
                // A filter word (FrameFilter's language) may be negated with ! or -: keep the sign typed.
                String typed = line.word();
                String sign = typed.startsWith("!") ? "!" : typed.startsWith("-") && !typed.startsWith("--") ? "-" : "";
                for (String s : subsystems.get()) {
                    out.add(new Candidate(sign + s, sign + s, "subsystems", null, null, null, true));
                }
                for (String s : stages.get()) {
                    out.add(new Candidate(sign + "stage:" + s, sign + "stage:" + s, "stages", null, null, null, true));
                }
                for (String d : List.of("rx", "tx", "none")) {
                    out.add(new Candidate(sign + "dir:" + d, sign + "dir:" + d, "directions", null, null, null, true));
                }
            }
            case STAGE -> {
                for (String s : stages.get()) {
                    out.add(new Candidate(s, s, "stages", null, null, null, true));
                }
            }
            case SETTING -> {
                List<String> values = position == 0 ? List.of("color", "ascii") : position == 1 ? List.of("on", "off") : List.of();
                for (String v : values) {
                    out.add(new Candidate(v, v, "settings", null, null, null, true));
                }
            }
            case TEXT -> {
                // free text (a regular expression): nothing sensible to offer
            }
        }
    }

    private void commands(List<Candidate> out) {
        for (SessionCommand c : registry.commands()) {
            out.add(new Candidate(c.name(), c.name(), "commands", c.summary(), null, null, true));
            for (String a : c.aliases()) {
                out.add(new Candidate(a, a, "commands", "same as " + c.name(), null, null, true));
            }
        }
    }

    /** Trace numbers of the current dump, and {@code dK#N} for every loaded dump (for diff and switching dumps). */
    private void traces(List<Candidate> out) {
        LoadedDump current = session.current().orElse(null);
        if (current != null) {
            for (TraceAnalysis a : current.traces()) {
                String n = String.valueOf(a.trace().id());
                out.add(new Candidate(n, n, "traces", describe(a), null, null, true, a.trace().id()));
            }
        }
        for (LoadedDump d : session.dumps()) {
            for (TraceAnalysis a : d.traces()) {
                String id = d.name() + "#" + a.trace().id();
                out.add(new Candidate(id, id, "traces", describe(a), null, null, true));
            }
        }
    }

    private static String describe(TraceAnalysis a) {
        String title = a.naming().title();
        if (title != null) {
            return Sanitizer.clean(title);
        }
        return a.trace().task().command() != null ? Sanitizer.clean(a.trace().task().command()) : null;
    }

    /** Frame levels ({@code #N} as crash prints them) of the current trace, each described by its function. */
    private void frames(List<Candidate> out) {
        LoadedDump d = session.current().orElse(null);
        if (d == null) {
            return;
        }
        TraceAnalysis a = d.traces().get(session.traceIndex());
        for (Frame f : a.trace().frames()) {
            String n = String.valueOf(f.level() != null ? f.level() : f.index());
            // sorted by position so that #2 follows #1 rather than #19
            out.add(new Candidate(n, n, "frames", Sanitizer.clean(f.function()), null, null, true, f.index()));
        }
    }
}
