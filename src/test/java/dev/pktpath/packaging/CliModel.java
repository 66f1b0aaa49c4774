package dev.pktpath.packaging;

import dev.pktpath.analysis.Stage;
import dev.pktpath.analysis.SubsystemRules;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the completion scripts and the man page need to know about the command line, read from the
 * live picocli model ({@code Main.commandLine()}), so that a command or option added by anyone shows
 * up in every generated file at the next refresh.
 */
record CliModel(String name, Cmd root) {

    /** One command: the root ({@code path} empty) or a subcommand. */
    record Cmd(String name, List<String> path, String summary, List<String> description, List<Opt> options,
               List<Param> params, List<Cmd> subcommands, List<String> footer, CommandSpec spec) {
        /** {@code pktpath-tui print}, for headings. */
        String fullName(String program) {
            return path.isEmpty() ? program : program + " " + String.join(" ", path);
        }

        /** The options that take a value. */
        List<Opt> valued() {
            return options.stream().filter(Opt::takesValue).toList();
        }
    }

    /** An option; {@code values} is null for a flag. */
    record Opt(List<String> names, String label, String description, Values values, boolean repeatable,
               List<String> more) {
        boolean takesValue() {
            return values != null;
        }

        List<String> longNames() {
            return names.stream().filter(n -> n.startsWith("--")).toList();
        }

        List<String> shortNames() {
            return names.stream().filter(n -> !n.startsWith("--")).toList();
        }
    }

    /** A positional parameter. */
    record Param(String label, String description, Values values, boolean optional, boolean repeats) {
    }

    /** What the value of an option or a positional completes to. */
    record Values(Kind kind, List<String> candidates) {
        static final Values FILE = new Values(Kind.FILE, List.of());
        static final Values TEXT = new Values(Kind.TEXT, List.of());

        static Values of(List<String> candidates) {
            return new Values(Kind.LIST, List.copyOf(candidates));
        }
    }

    enum Kind { FILE, LIST, TEXT }

    /**
     * The subsystem names the built-in rules give, with the families the filter language accepts
     * ({@code net} for every {@code net-*}); options whose picocli model carries completion
     * candidates (enums such as --color) use those instead.
     */
    static final List<String> SUBSYSTEMS = subsystems();
    /** The journey stages, in the contract's rx-to-tx order. */
    static final List<String> STAGES = Arrays.stream(Stage.values()).map(Stage::id).toList();

    private static List<String> subsystems() {
        Set<String> names = new TreeSet<>(SubsystemRules.builtIn().subsystems());
        for (String n : List.copyOf(names)) {
            if (n.indexOf('-') > 0) {
                names.add(n.substring(0, n.indexOf('-')));
            }
        }
        return List.copyOf(names);
    }

    /** Labels that name a number or free text rather than a file. */
    private static final Pattern NOT_A_FILE = Pattern.compile("N|NUM|COUNT|ID|RE|REGEX|EXPR|QUERY|TEXT|PATTERN|WHEN|MODE|NAME|S|STAGE|SUBSYSTEM|COLS|COLUMNS|WIDTH|X|FUNCTION|FUNC|FN|GLOB|SIZE|\\d+");

    static CliModel of(CommandLine root) {
        return new CliModel(root.getCommandName(), command(root, List.of()));
    }

    private static Cmd command(CommandLine cl, List<String> path) {
        CommandSpec spec = cl.getCommandSpec();
        List<Opt> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            options.add(new Opt(List.of(o.names()), label(o), firstLine(o.description()), values(o, o.longestName()),
                    o.isMultiValue(), rest(o.description())));
        }
        List<Param> params = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            Values v = values(p, "");
            params.add(new Param(label(p), firstLine(p.description()), v == null ? Values.FILE : v,
                    p.arity().min() == 0, p.arity().isVariable() || p.arity().max() > 1));
        }
        // aliases map to the same CommandLine: list each command once
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        List<Cmd> subs = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
            CommandLine sub = e.getValue();
            if (seen.put(sub, true) != null || sub.getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getCommandName());
            subs.add(command(sub, List.copyOf(subPath)));
        }
        String[] desc = spec.usageMessage().description();
        List<String> description = interpolate(cl, desc);
        return new Cmd(cl.getCommandName(), path, description.isEmpty() ? "" : description.get(0), description,
                List.copyOf(options), List.copyOf(params), List.copyOf(subs),
                interpolate(cl, spec.usageMessage().footer()), spec);
    }

    private static List<String> interpolate(CommandLine cl, String[] lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.replace("%n", "").replace("${COMMAND-NAME}", cl.getCommandName())
                    .replace("${COMMAND-FULL-NAME}", cl.getCommandSpec().qualifiedName()));
        }
        return out;
    }

    private static String label(ArgSpec a) {
        String l = a.paramLabel();
        return l.startsWith("<") && l.endsWith(">") ? l.substring(1, l.length() - 1).toUpperCase(Locale.ROOT) : l;
    }

    /** picocli's description() is already interpolated (${COMPLETION-CANDIDATES} and the like). */
    private static String firstLine(String[] description) {
        return description.length == 0 ? "" : description[0].replace("%n", " ").strip();
    }

    /** The description's later paragraphs, for the man page. */
    private static List<String> rest(String[] description) {
        return Arrays.stream(description).skip(1).map(d -> d.replace("%n", " ").strip()).toList();
    }

    /** Null for a flag. */
    private static Values values(ArgSpec a, String optionName) {
        if (a.arity().max() == 0) {
            return null;
        }
        if (a.completionCandidates() != null) {
            List<String> c = new ArrayList<>();
            a.completionCandidates().forEach(c::add);
            if (!c.isEmpty()) {
                return Values.of(c);
            }
        }
        String name = optionName.toLowerCase(Locale.ROOT);
        String label = label(a).toUpperCase(Locale.ROOT);
        if (name.equals("--subsystem") || name.equals("--subsystems") || label.equals("SUBSYSTEM")) {
            return Values.of(SUBSYSTEMS);
        }
        if (name.equals("--stage") || name.equals("--stages") || label.equals("STAGE")) {
            return Values.of(STAGES);
        }
        Class<?> type = a.typeInfo().getType();
        if (type == File.class || Path.class.isAssignableFrom(type)) {
            return Values.FILE;
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() || NOT_A_FILE.matcher(label).matches()) {
            return Values.TEXT;
        }
        return Set.of(String.class, Object.class).contains(type) ? Values.FILE : Values.TEXT;
    }
}
