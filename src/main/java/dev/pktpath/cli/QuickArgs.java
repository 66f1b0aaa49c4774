package dev.pktpath.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The commonest command lines ({@code print [--json] FILE|--sample}, the explorer's {@code FILE} or
 * {@code --sample}, with the common options) read by hand, so that they start without picocli.
 *
 * <p>Why: picocli builds its model of a command by reflection over its annotations (annotation
 * proxies spun at run time, converters registered, its old-format classes verified), about 100 ms of
 * CPU for {@code print --sample} with the JIT compiling that code, more than the command's own work
 * (issue 10's start-up target, bench/startup.sh). picocli stays the definition: the options are its
 * annotated fields on {@link PrintCommand}, {@link CommonOptions}, {@link DumpSelection} and
 * {@link Main}, which this fills, and help, usage, completions and the man page come from it.
 *
 * <p>Only a line whose meaning is beyond doubt is read here; anything else (help, version, an
 * unknown or repeated option, a value that looks like an option or an {@code @file}, a second
 * operand, a subcommand name where the root reads its operand) gives null, and picocli reads the line
 * as before, with its own messages. {@code QuickArgsTest} holds every line read here to picocli's
 * reading of it (the same fields) and to the same output.
 */
final class QuickArgs {
    private QuickArgs() {
    }

    /** {@code print ...}, filled in as picocli would; null to leave the line to picocli. */
    static PrintCommand print(String... args) {
        if (args.length == 0 || !args[0].equals("print")) {
            return null;
        }
        Reader r = new Reader(true);
        if (!r.read(args, 1)) {
            return null;
        }
        PrintCommand p = new PrintCommand();
        p.common = r.common;
        p.input = new DumpSelection();
        p.input.sample = r.sample;
        p.input.file = r.file;
        p.input.trace = r.trace;
        p.json = r.json;
        p.subsystems = r.subsystems;
        return p;
    }

    /** The explorer: {@code FILE} or {@code --sample} with the common options; null to leave the line to picocli. */
    static Main explore(String... args) {
        if (args.length == 0) {
            return null;
        }
        Reader r = new Reader(false);
        if (!r.read(args, 0) || !r.sample && r.file == null) {
            return null;
        }
        Main m = new Main();
        m.common = r.common;
        m.sample = r.sample;
        m.file = r.file;
        return m;
    }

    /** One pass over the arguments of one command. */
    private static final class Reader {
        final boolean print;
        final CommonOptions common = new CommonOptions();
        boolean sample;
        String file;
        Integer trace;
        boolean json;
        final List<String> subsystems = new ArrayList<>();
        /** picocli refuses a single-valued option given twice: such a line is left to it. */
        private final Set<String> seen = new HashSet<>();

        Reader(boolean print) {
            this.print = print;
        }

        /** @return false when the line is not one this reads beyond doubt */
        boolean read(String[] args, int from) {
            boolean operandsOnly = false;
            for (int i = from; i < args.length; i++) {
                String a = args[i];
                if (a.isEmpty() || a.charAt(0) == '@' || !print && Main.isSubcommand(a)) {
                    // @file expands to more arguments; the root takes a subcommand's name as that subcommand
                    return false;
                }
                if (a.equals("-") || a.charAt(0) != '-') {
                    if (file != null) {
                        return false;
                    }
                    file = a;
                    continue;
                }
                if (operandsOnly || !a.startsWith("--")) {
                    // "--" twice, an operand that looks like an option, short options (-h, -V, clusters)
                    return false;
                }
                if (a.equals("--")) {
                    operandsOnly = true;
                    continue;
                }
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                String value = eq < 0 ? null : a.substring(eq + 1);
                if (!name.equals("--subsystem") && !seen.add(name)) {
                    return false;
                }
                if (isFlag(name)) {
                    if (value != null || !flag(name)) {
                        return false;
                    }
                    continue;
                }
                if (!takesValue(name)) {
                    return false;
                }
                if (value == null) {
                    if (i + 1 == args.length) {
                        return false;
                    }
                    value = args[++i];
                    // picocli may take such a value for an option or an @file: its call
                    if (value.startsWith("-") || value.startsWith("@") || !print && Main.isSubcommand(value)) {
                        return false;
                    }
                }
                if (value.isEmpty() || !option(name, value)) {
                    return false;
                }
            }
            return true;
        }

        private boolean isFlag(String name) {
            return switch (name) {
                case "--sample", "--ascii", "--text", "--debug" -> true;
                case "--json" -> print;
                default -> false;
            };
        }

        private boolean flag(String name) {
            switch (name) {
                case "--sample" -> sample = true;
                case "--ascii" -> common.ascii = true;
                case "--text" -> common.text = true;
                case "--debug" -> common.debug = true;
                case "--json" -> json = true;
                default -> {
                    return false;
                }
            }
            return true;
        }

        private boolean takesValue(String name) {
            return switch (name) {
                case "--color", "--rules" -> true;
                case "--trace", "--subsystem" -> print;
                default -> false;
            };
        }

        private boolean option(String name, String value) {
            switch (name) {
                case "--color" -> {
                    // picocli's enum conversion is by exact name
                    switch (value) {
                        case "auto" -> common.color = CommonOptions.ColorMode.auto;
                        case "always" -> common.color = CommonOptions.ColorMode.always;
                        case "never" -> common.color = CommonOptions.ColorMode.never;
                        default -> {
                            return false;
                        }
                    }
                }
                case "--rules" -> common.rules = value;
                case "--trace" -> {
                    // plain decimal only: picocli reads "010" or "0x10" in its own way, and reports overflow
                    if (value.length() > 9 || value.charAt(0) < '1' || value.charAt(0) > '9') {
                        return false;
                    }
                    int n = 0;
                    for (int k = 0; k < value.length(); k++) {
                        char c = value.charAt(k);
                        if (c < '0' || c > '9') {
                            return false;
                        }
                        n = n * 10 + (c - '0');
                    }
                    trace = n;
                }
                case "--subsystem" -> subsystems.add(value);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
