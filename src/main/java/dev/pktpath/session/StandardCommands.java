package dev.pktpath.session;

import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.diff.DiffOptions;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Dump;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import dev.pktpath.parse.ParseException;
import dev.pktpath.parse.ParseListener;
import dev.pktpath.parse.TextInput;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.render.Json;
import dev.pktpath.render.JsonRenderer;
import dev.pktpath.render.Sanitizer;
import dev.pktpath.render.TextRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static dev.pktpath.session.SessionCommand.ArgKind;

/** The built-in commands. Each is small; their shared shape is {@link Simple}. */
final class StandardCommands {
    private StandardCommands() {
    }

    /** A command built from its help text and a body. */
    record Simple(String name, List<String> aliases, String synopsis, String summary, List<ArgKind> argKinds,
                  Body body) implements SessionCommand {
        @Override
        public Outcome run(Session session, List<String> args) throws CommandException {
            return body.run(session, args);
        }
    }

    @FunctionalInterface
    interface Body {
        Outcome run(Session s, List<String> args) throws CommandException;
    }

    static List<SessionCommand> all(CommandRegistry registry) {
        return List.of(
                new Simple("load", List.of("open"), "FILE", "load a dump (file, - for stdin, or <sample>) as d1, d2, ... and make it current",
                        List.of(ArgKind.FILE), StandardCommands::load),
                new Simple("dumps", List.of(), "", "list the loaded dumps", List.of(), StandardCommands::dumps),
                new Simple("dump", List.of(), "NAME", "make loaded dump NAME (d1, d2, ...) current", List.of(ArgKind.DUMP), StandardCommands::dump),
                new Simple("traces", List.of(), "", "list the traces of the current dump", List.of(), StandardCommands::traces),
                new Simple("trace", List.of(), "N|dK#N", "make trace N (1-based) current, or trace N of dump dK", List.of(ArgKind.TRACE), StandardCommands::trace),
                new Simple("bt", List.of("frames"), "[--all]", "print the current trace (frames the filter hides are counted; --all shows them)",
                        List.of(), StandardCommands::bt),
                new Simple("frame", List.of(), "N", "select frame #N and show its details", List.of(ArgKind.FRAME), StandardCommands::frame),
                new Simple("regs", List.of(), "", "registers of the current exception frame or report header", List.of(), StandardCommands::regs),
                new Simple("journey", List.of(), "[--json|STAGE]", "the packet journey of the current trace, or the frames of one stage",
                        List.of(ArgKind.STAGE), StandardCommands::journey),
                new Simple("filter", List.of(), "[EXPR]", "show the frame filter, or set it: net, !kdump, stage:l4, fn:tcp_*",
                        List.of(ArgKind.SUBSYSTEM), StandardCommands::filter),
                new Simple("unfilter", List.of(), "", "remove the frame filter", List.of(), StandardCommands::unfilter),
                new Simple("search", List.of(), "RE", "select the next frame whose function matches RE", List.of(ArgKind.TEXT), StandardCommands::search),
                new Simple("title", List.of(), "", "the crash title of the current trace", List.of(), StandardCommands::title),
                new Simple("diff", List.of(), "[--json] A B", "compare two traces frame by frame (A, B: N, dK or dK#N)", List.of(ArgKind.TRACE, ArgKind.TRACE),
                        StandardCommands::diff),
                new Simple("json", List.of(), "", "the current trace as JSON", List.of(), StandardCommands::json),
                new Simple("set", List.of(), "color|ascii on|off", "change a display setting", List.of(ArgKind.SETTING), StandardCommands::set),
                new Simple("explore", List.of(), "", "open the full-screen explorer on the current dump", List.of(),
                        (s, a) -> {
                            s.requireDump();
                            return new Outcome("", Outcome.Effect.EXPLORE);
                        }),
                new Simple("help", List.of(), "[CMD]", "list the commands, or explain one", List.of(ArgKind.COMMAND),
                        (s, a) -> help(registry, a)),
                new Simple("quit", List.of("exit", "q"), "", "leave", List.of(), (s, a) -> new Outcome("", Outcome.Effect.QUIT)));
    }

    private static void arity(List<String> args, int min, int max, String usage) throws CommandException {
        if (args.size() < min || args.size() > max) {
            throw new CommandException("usage: " + usage);
        }
    }

    private static int number(String word, String what) throws CommandException {
        try {
            return Integer.parseInt(word.startsWith("#") ? word.substring(1) : word);
        } catch (NumberFormatException e) {
            throw new CommandException(what + " must be a number, not '" + Sanitizer.clean(word) + "'");
        }
    }

    private static Outcome load(Session s, List<String> args) throws CommandException {
        arity(args, 1, 1, "load FILE");
        String name = args.get(0);
        Dump dump;
        try {
            TextInput in;
            if (name.equals("<sample>")) {
                in = InputReader.openSample();
                name = InputReader.SAMPLE_NAME;
            } else if (name.equals("-")) {
                in = InputReader.open(name, s.stdin().orElseThrow(
                        () -> new CommandException("load -: stdin holds the commands here; load a file instead")), false);
            } else {
                in = InputReader.open(name, InputStream.nullInputStream(), false);
            }
            // read as it goes: no copy of the whole text beside the traces (Ctrl-C interrupts the stream)
            List<Trace> traces = new ArrayList<>();
            List<Diagnostic> outside;
            try (TextInput input = in) {
                outside = new DumpParser().stream(name, input, traces::add, ParseListener.NONE);
            } catch (IOException e) {
                throw new ParseException(name + ": cannot read (" + e.getMessage() + ")", e);
            }
            checkInterrupted();
            dump = new Dump(name, traces, outside);
        } catch (ParseException e) {
            checkInterrupted();
            throw new CommandException(Sanitizer.clean(e.getMessage()));
        }
        if (dump.traces().isEmpty()) {
            throw new CommandException(Sanitizer.clean(name) + ": no backtrace found");
        }
        checkInterrupted();
        LoadedDump d = s.add(dump);
        return Outcome.view(d.name() + ": " + Sanitizer.clean(dump.source()) + ", " + plural(dump.traces().size(), "trace"));
    }

    /**
     * A front end interrupts the running command's thread on Ctrl-C; long steps check here so the
     * command stops with a message and leaves the session as it was.
     */
    private static void checkInterrupted() throws CommandException {
        if (Thread.interrupted()) {
            throw new CommandException("interrupted");
        }
    }

    private static Outcome dump(Session s, List<String> args) throws CommandException {
        arity(args, 1, 1, "dump NAME");
        LoadedDump d = s.dump(args.get(0)).orElseThrow(
                () -> new CommandException("no dump " + Sanitizer.clean(args.get(0)) + " (try: dumps)"));
        s.select(d);
        return Outcome.view(d.name() + ": " + Sanitizer.clean(d.dump().source()) + ", " + plural(d.traces().size(), "trace") + "\n");
    }

    private static Outcome dumps(Session s, List<String> args) {
        StringBuilder b = new StringBuilder();
        for (LoadedDump d : s.dumps()) {
            b.append(s.current().orElse(null) == d ? "* " : "  ").append(d.name()).append("  ")
                    .append(Sanitizer.clean(d.dump().source())).append("  ").append(plural(d.traces().size(), "trace")).append('\n');
        }
        return Outcome.text(b.length() == 0 ? "no dump loaded\n" : b.toString());
    }

    private static Outcome traces(Session s, List<String> args) throws CommandException {
        LoadedDump d = s.requireDump();
        StringBuilder b = new StringBuilder();
        for (TraceAnalysis a : d.traces()) {
            b.append(a.trace().id() - 1 == s.traceIndex() ? "* " : "  ")
                    .append(TextRenderer.header(a, d.traces().size()));
            if (a.naming().title() != null) {
                b.append("  ").append(Sanitizer.clean(a.naming().title()));
            }
            b.append('\n');
        }
        return Outcome.text(b.toString());
    }

    private static Outcome trace(Session s, List<String> args) throws CommandException {
        arity(args, 1, 1, "trace N|dK#N");
        TraceRef ref = TraceRef.resolve(s, args.get(0));
        if (s.current().orElse(null) != ref.dump()) {
            s.select(ref.dump());
        }
        s.selectTrace(ref.traceIndex());
        TraceAnalysis a = s.requireTrace();
        String title = a.naming().title();
        return Outcome.view(ref.id() + "  " + TextRenderer.header(a, ref.dump().traces().size()) + "\n"
                + (title == null ? "" : Sanitizer.clean(title) + "\n"));
    }

    private static Outcome bt(Session s, List<String> args) throws CommandException {
        arity(args, 0, 1, "bt [--all]");
        boolean all = false;
        if (args.size() == 1) {
            if (!args.get(0).equals("--all")) {
                throw new CommandException("bt: unknown option '" + Sanitizer.clean(args.get(0)) + "' (usage: bt [--all])");
            }
            all = true;
        }
        TraceAnalysis a = s.requireTrace();
        StringBuilder b = new StringBuilder();
        new TextRenderer().renderTrace(b, a, s.requireDump().traces().size(), all ? null : Filters.visible(s, a));
        return Outcome.text(b.toString());
    }

    private static Outcome filter(Session s, List<String> args) throws CommandException {
        if (args.isEmpty()) {
            if (s.filter().isEmpty()) {
                return Outcome.text("filter: none\n");
            }
            StringBuilder b = new StringBuilder("filter: ").append(Sanitizer.clean(s.filter()));
            if (s.current().isPresent()) {
                TraceAnalysis a = s.requireTrace();
                var visible = Filters.visible(s, a);
                int n = a.trace().frames().size();
                int shown = 0;
                for (int i = 0; i < n; i++) {
                    shown += visible == null || visible.test(i) ? 1 : 0;
                }
                b.append("  (").append(shown).append(" of ").append(n).append(" frames shown)");
            }
            return Outcome.text(b.append('\n').toString());
        }
        String expression = String.join(" ", args);
        Filters.check(s, expression);
        s.setFilter(expression);
        return filter(s, List.of()).withEffect(Outcome.Effect.VIEW_CHANGED);
    }

    private static Outcome unfilter(Session s, List<String> args) throws CommandException {
        arity(args, 0, 0, "unfilter");
        s.setFilter("");
        return Outcome.view("filter: none\n");
    }

    /** {@code journey [--json]}: the timeline; {@code journey STAGE}: select that stage's first frame and list its frames. */
    private static Outcome journey(Session s, List<String> args) throws CommandException {
        arity(args, 0, 1, "journey [--json|STAGE]");
        boolean json = args.contains("--json");
        List<String> rest = args.stream().filter(w -> !w.equals("--json")).toList();
        if (rest.size() > 1 || (json && !rest.isEmpty())) {
            throw new CommandException("usage: journey [--json|STAGE]");
        }
        TraceAnalysis a = s.requireTrace();
        if (rest.isEmpty()) {
            return Outcome.text(Views.journey(s, a, s.requireDump().traces().size(), json));
        }
        String stage = rest.get(0);
        for (JourneyStep step : a.journey().steps()) {
            if (step.stage().equals(stage) && !step.frames().isEmpty()) {
                StringBuilder b = new StringBuilder();
                b.append(step.direction().equals("none") ? "  " : step.direction()).append("  ").append(step.stage()).append('\n');
                for (int index : step.frames()) {
                    Frame f = a.trace().frames().get(index);
                    b.append("  ").append(f.level() != null ? String.format("%4s ", "#" + f.level()) : String.format("%4s ", "[" + index + "]"))
                            .append(TextRenderer.functionWithOffset(f)).append('\n');
                }
                s.selectFrame(step.frames().get(0));
                return Outcome.view(b.toString());
            }
        }
        if (a.journey().isEmpty()) {
            throw new CommandException("this trace has no packet journey");
        }
        throw new CommandException("the journey does not visit stage '" + Sanitizer.clean(stage) + "'");
    }

    /** {@code diff A B}: the same comparison and rendering as {@code pktpath-tui diff}, on loaded traces. */
    private static Outcome diff(Session s, List<String> args) throws CommandException {
        List<String> options = args.stream().filter(w -> w.startsWith("--")).toList();
        List<String> refs = args.stream().filter(w -> !w.startsWith("--")).toList();
        for (String o : options) {
            if (!o.equals("--json")) {
                throw new CommandException("diff: unknown option '" + Sanitizer.clean(o) + "' (usage: diff [--json] A B)");
            }
        }
        if (refs.size() != 2) {
            throw new CommandException("usage: diff [--json] A B   (A, B: N, dK or dK#N)");
        }
        TraceRef a = TraceRef.resolve(s, refs.get(0));
        TraceRef b = TraceRef.resolve(s, refs.get(1));
        var d = Views.diff(a, b, DiffOptions.NAMES);
        return Outcome.text(Views.diffText(s, d, options.contains("--json")));
    }

    /** {@code frame N}: N is crash's {@code #N} level when the trace has levels, else the frame's index. */
    private static Outcome frame(Session s, List<String> args) throws CommandException {
        arity(args, 1, 1, "frame N");
        int n = number(args.get(0), "frame");
        Trace t = s.requireTrace().trace();
        int index = -1;
        for (Frame f : t.frames()) {
            if (f.level() != null ? f.level() == n : f.index() == n) {
                index = f.index();
                break;
            }
        }
        if (index < 0) {
            throw new CommandException("no frame #" + n + " in this trace");
        }
        s.selectFrame(index);
        return Outcome.view(details(s.requireTrace(), index));
    }

    /** Everything known about one frame, one fact per line. */
    static String details(TraceAnalysis a, int index) {
        Frame f = a.trace().frames().get(index);
        var c = a.classOf(index);
        StringBuilder b = new StringBuilder();
        b.append(f.level() != null ? "#" + f.level() + " " : "").append(TextRenderer.functionWithOffset(f)).append('\n');
        line(b, "address", f.address());
        line(b, "stack", f.stackAddress());
        line(b, "module", f.module());
        line(b, "source", f.source());
        line(b, "reliable", f.reliable() ? "yes" : "no");
        line(b, "context", f.context().id());
        line(b, "subsystem", c.subsystem());
        line(b, "stage", c.stage());
        line(b, "inlined", f.inlined() ? "yes" : null);
        line(b, "input", "line " + f.line() + ": " + f.raw().strip());
        return b.toString();
    }

    private static void line(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(String.format("  %-10s %s%n", name, Sanitizer.clean(value)));
        }
    }

    /**
     * The registers of the exception frame the current frame belongs to: the nearest one printed above
     * it; for the frames above the first exception frame (its handler: page_fault ... machine_kexec)
     * that first one. A console report without exception frames shows its header's registers.
     */
    private static Outcome regs(Session s, List<String> args) throws CommandException {
        Trace t = s.requireTrace().trace();
        ExceptionFrame chosen = null;
        for (ExceptionFrame e : t.exceptions()) {
            if (e.afterFrame() < s.frameIndex() || chosen == null) {
                chosen = e;
            }
        }
        Map<String, String> regs = chosen != null && !chosen.registers().isEmpty() ? chosen.registers() : t.registers();
        String label = chosen != null && regs == chosen.registers()
                ? chosen.kind() + (chosen.function() != null ? ": " + chosen.function() + (chosen.offset() != null ? "+" + chosen.offset() : "") : "")
                : "report header";
        if (regs.isEmpty()) {
            return Outcome.text("no registers in this trace\n");
        }
        StringBuilder b = new StringBuilder();
        b.append(Sanitizer.clean(label)).append('\n');
        TextRenderer.registerLines(b, regs, "");
        return Outcome.text(b.toString());
    }

    private static Outcome title(Session s, List<String> args) throws CommandException {
        String t = s.requireTrace().naming().title();
        return Outcome.text((t == null ? "(no title: the trace names no crash)" : Sanitizer.clean(t)) + "\n");
    }

    private static Outcome search(Session s, List<String> args) throws CommandException {
        arity(args, 1, 1, "search RE");
        Pattern p;
        try {
            p = Pattern.compile(args.get(0));
        } catch (PatternSyntaxException e) {
            throw new CommandException("bad regular expression: " + e.getDescription());
        }
        List<Frame> frames = s.requireTrace().trace().frames();
        int n = frames.size();
        for (int step = 1; step <= n; step++) {
            int i = (s.frameIndex() + step) % n;
            if (p.matcher(frames.get(i).function()).find()) {
                s.setSearch(args.get(0));
                s.selectFrame(i);
                return Outcome.view(details(s.requireTrace(), i));
            }
        }
        throw new CommandException("no frame matches " + Sanitizer.clean(args.get(0)));
    }

    private static Outcome json(Session s, List<String> args) throws CommandException {
        StringBuilder b = new StringBuilder();
        new JsonRenderer().trace(new Json(b), s.requireTrace());
        return Outcome.text(b.append('\n').toString());
    }

    private static Outcome set(Session s, List<String> args) throws CommandException {
        arity(args, 2, 2, "set color|ascii on|off");
        boolean on = switch (args.get(1)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new CommandException("set: say on or off, not '" + Sanitizer.clean(args.get(1)) + "'");
        };
        switch (args.get(0)) {
            case "color", "colour" -> s.setColor(on);
            case "ascii" -> s.setAscii(on);
            default -> throw new CommandException("set: unknown setting '" + Sanitizer.clean(args.get(0)) + "' (color, ascii)");
        }
        return Outcome.view(args.get(0) + " " + (on ? "on" : "off") + "\n");
    }

    private static Outcome help(CommandRegistry registry, List<String> args) throws CommandException {
        StringBuilder b = new StringBuilder();
        if (args.isEmpty()) {
            for (SessionCommand c : registry.commands()) {
                b.append(String.format("  %-28s %s%n", c.name() + (c.synopsis().isEmpty() ? "" : " " + c.synopsis()), c.summary()));
            }
            return Outcome.text(b.toString());
        }
        SessionCommand c = registry.find(args.get(0)).orElseThrow(
                () -> new CommandException("no such command: " + Sanitizer.clean(args.get(0))));
        b.append(c.name()).append(c.synopsis().isEmpty() ? "" : " " + c.synopsis()).append("\n  ").append(c.summary()).append('\n');
        if (!c.aliases().isEmpty()) {
            b.append("  also: ").append(String.join(", ", c.aliases())).append('\n');
        }
        return Outcome.text(b.toString());
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
