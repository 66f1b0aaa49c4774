package dev.pktpath.packaging;

import dev.pktpath.packaging.CliModel.Cmd;
import dev.pktpath.packaging.CliModel.Kind;
import dev.pktpath.packaging.CliModel.Opt;
import dev.pktpath.packaging.CliModel.Param;
import dev.pktpath.session.SessionCommand;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes man/pktpath-tui.1 (roff, man macros) from the hand-written template src/main/man/pktpath-tui.1.in,
 * filling in the synopsis, options, commands and examples from the picocli model and the REPL commands
 * from the command registry. A few dozen lines of roff are lighter than an AsciiDoc tool chain.
 */
final class ManPage {
    private ManPage() {
    }

    static String write(String template, CliModel m, String version, List<SessionCommand> replCommands) {
        String page = template
                .replace("@VERSION@", roff(version))
                .replace("@SYNOPSIS@", synopsis(m))
                .replace("@OPTIONS@", options(m.root(), null))
                .replace("@COMMANDS@", commands(m))
                .replace("@REPL_COMMANDS@", repl(replCommands))
                .replace("@EXAMPLES@", examples(m));
        // the template's own comment lines are for editors of the template, not of the output
        StringBuilder out = new StringBuilder();
        out.append(".\\\" Generated from src/main/man/pktpath-tui.1.in and the picocli command model; do not edit.\n");
        out.append(".\\\" Refresh with: ").append(Generated.REFRESH).append("\n");
        for (String line : page.split("\n", -1)) {
            if (!line.startsWith(".\\\"")) {
                out.append(line).append("\n");
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String synopsis(CliModel m) {
        List<Cmd> all = new ArrayList<>();
        BashCompletion.collect(m.root(), all);
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (Cmd c : all) {
            if (!first) {
                b.append(".br\n");
            }
            first = false;
            b.append(".B ").append(roff(c.fullName(m.name()))).append("\n");
            b.append(usage(c)).append("\n");
        }
        return b.toString().stripTrailing();
    }

    /** {@code [OPTIONS] [FILE]} in roff: options and placeholders in italics. */
    private static String usage(Cmd c) {
        List<String> parts = new ArrayList<>();
        parts.add("[\\fIOPTIONS\\fR]");
        for (Param p : c.params()) {
            String s = "\\fI" + roff(p.label()) + "\\fR" + (p.repeats() ? "..." : "");
            parts.add(p.optional() ? "[" + s + "]" : s);
        }
        if (c.params().isEmpty() && !c.subcommands().isEmpty()) {
            parts.add("[\\fICOMMAND\\fR]");
        }
        return String.join(" ", parts);
    }

    /** The options of {@code c}, less those it shares word for word with {@code root} (listed once, under OPTIONS). */
    private static String options(Cmd c, Cmd root) {
        StringBuilder b = new StringBuilder();
        List<Opt> shared = new ArrayList<>();
        for (Opt o : c.options()) {
            if (root != null && root.options().stream().anyMatch(r -> r.names().equals(o.names())
                    && r.description().equals(o.description()))) {
                shared.add(o);
                continue;
            }
            b.append(".TP\n");
            List<String> names = new ArrayList<>();
            for (String n : o.names()) {
                names.add("\\fB" + roff(n) + "\\fR" + (o.takesValue() ? (n.startsWith("--") ? "=" : " ")
                        + "\\fI" + roff(o.label()) + "\\fR" : ""));
            }
            b.append(String.join(", ", names)).append("\n");
            b.append(text(o.description())).append("\n");
            for (String more : o.more()) {
                b.append(".IP\n").append(text(more)).append("\n");
            }
            if (o.takesValue() && o.values().kind() == Kind.LIST && !o.description().contains(o.values().candidates().get(0))) {
                b.append("\\fI").append(roff(o.label())).append("\\fR is one of: ")
                        .append(roff(String.join(", ", o.values().candidates()))).append(".\n");
            }
            if (o.repeatable()) {
                b.append("May be given more than once.\n");
            }
        }
        if (!shared.isEmpty()) {
            b.append(".TP\n").append(String.join(", ", shared.stream().map(o -> "\\fB" + roff(o.longNames().isEmpty()
                    ? o.names().get(0) : o.longNames().get(0)) + "\\fR").toList())).append("\n")
                    .append("As for \\fBpktpath\\-tui\\fR (see \\fBOPTIONS\\fR).\n");
        }
        for (Param p : c.params()) {
            b.append(".TP\n\\fI").append(roff(p.label())).append("\\fR\n").append(text(p.description())).append("\n");
        }
        return b.toString().stripTrailing();
    }

    private static String commands(CliModel m) {
        List<Cmd> all = new ArrayList<>();
        BashCompletion.collect(m.root(), all);
        StringBuilder b = new StringBuilder();
        for (Cmd c : all.subList(1, all.size())) {
            b.append(".SS \"").append(roff(c.fullName(m.name()))).append("\"\n");
            b.append(".B ").append(roff(c.fullName(m.name()))).append("\n").append(usage(c)).append("\n");
            b.append(".PP\n");
            for (String d : c.description()) {
                b.append(text(d)).append("\n");
            }
            String opts = options(c, m.root());
            if (!opts.isEmpty()) {
                b.append(opts).append("\n");
            }
        }
        return b.toString().stripTrailing();
    }

    private static String repl(List<SessionCommand> commands) {
        StringBuilder b = new StringBuilder();
        for (SessionCommand c : commands) {
            b.append(".TP\n\\fB").append(roff(c.name())).append("\\fR");
            if (!c.synopsis().isBlank()) {
                b.append(" \\fI").append(roff(c.synopsis())).append("\\fR");
            }
            b.append("\n").append(text(capitalise(c.summary())));
            if (!c.aliases().isEmpty()) {
                b.append(" Also: \\fB").append(roff(String.join(", ", c.aliases()))).append("\\fR.");
            }
            b.append("\n");
        }
        return b.toString().stripTrailing();
    }

    /** The "Examples:" lines of every command's help footer, so the page and --help show the same ones. */
    private static String examples(CliModel m) {
        List<Cmd> all = new ArrayList<>();
        BashCompletion.collect(m.root(), all);
        StringBuilder withText = new StringBuilder();
        List<String> bare = new ArrayList<>();
        for (Cmd c : all) {
            for (Examples.Example x : Examples.of(c.footer())) {
                if (x.text() == null) {
                    bare.add(x.command());
                } else {
                    withText.append(".TP\n\\fB").append(roff(x.command())).append("\\fR\n")
                            .append(text(capitalise(x.text()))).append("\n");
                }
            }
        }
        if (!bare.isEmpty()) {
            withText.append(".PP\nMore:\n.PP\n.RS\n.nf\n");
            bare.forEach(l -> withText.append(text(l)).append("\n"));
            withText.append(".fi\n.RE\n");
        }
        return withText.toString().stripTrailing();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + (s.endsWith(".") ? "" : ".");
    }

    /** A line of running text: escaped, and never starting with a control character. */
    static String text(String s) {
        String r = roff(s);
        return r.startsWith(".") || r.startsWith("'") ? "\\&" + r : r;
    }

    /** Escapes backslashes and hyphens (a hyphen in an option name must stay an ASCII minus). */
    static String roff(String s) {
        return s.replace("\\", "\\e").replace("-", "\\-");
    }
}
