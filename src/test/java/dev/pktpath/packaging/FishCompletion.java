package dev.pktpath.packaging;

import dev.pktpath.packaging.CliModel.Cmd;
import dev.pktpath.packaging.CliModel.Opt;
import dev.pktpath.packaging.CliModel.Values;

import java.util.ArrayList;
import java.util.List;

/** Writes the fish completions: one {@code complete} line per subcommand, option and value list. */
final class FishCompletion {
    private FishCompletion() {
    }

    static String write(CliModel m) {
        StringBuilder b = new StringBuilder();
        b.append("# fish completion for ").append(m.name()).append("\n");
        b.append(Generated.HEADER).append("\n");
        String c = "complete -c " + m.name();
        List<Cmd> subs = m.root().subcommands();
        String subNames = String.join(" ", subs.stream().map(Cmd::name).toList());
        // no file names unless a position or an option takes a file
        b.append(c).append(" -f\n\n");
        List<Cmd> all = new ArrayList<>();
        BashCompletion.collect(m.root(), all);
        for (Cmd cmd : all) {
            // only one level of subcommands is modelled: the root and its direct children
            String cond = cmd.path().isEmpty()
                    ? "not __fish_seen_subcommand_from " + subNames
                    : "__fish_seen_subcommand_from " + cmd.name();
            String when = " -n " + Shell.fishQuote(cond);
            b.append("# ").append(cmd.fullName(m.name())).append("\n");
            if (cmd.path().isEmpty()) {
                String first = "__fish_use_subcommand";
                for (Cmd s : subs) {
                    b.append(c).append(" -n ").append(first).append(" -a ").append(s.name())
                            .append(" -d ").append(Shell.fishQuote(s.summary())).append("\n");
                }
                for (Values v : BashCompletion.paramValues(cmd)) {
                    b.append(c).append(" -n ").append(first).append(positional(v)).append("\n");
                }
            } else {
                for (Values v : BashCompletion.paramValues(cmd)) {
                    b.append(c).append(when).append(positional(v)).append("\n");
                }
            }
            for (Opt o : cmd.options()) {
                b.append(c).append(when);
                for (String n : o.names()) {
                    b.append(n.startsWith("--") ? " -l " + n.substring(2) : " -s " + n.substring(1));
                }
                if (o.takesValue()) {
                    b.append(switch (o.values().kind()) {
                        case FILE -> " -r -F";
                        case LIST -> " -x -a " + Shell.fishQuote(String.join(" ", o.values().candidates()));
                        case TEXT -> " -x";
                    });
                }
                b.append(" -d ").append(Shell.fishQuote(o.description())).append("\n");
            }
            b.append("\n");
        }
        return b.toString();
    }

    private static String positional(Values v) {
        return switch (v.kind()) {
            case FILE -> " -F";
            case LIST -> " -a " + Shell.fishQuote(String.join(" ", v.candidates()));
            case TEXT -> "";
        };
    }
}
