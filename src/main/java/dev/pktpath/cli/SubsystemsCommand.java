package dev.pktpath.cli;

import dev.pktpath.analysis.Rule;
import dev.pktpath.analysis.RuleMatch;
import dev.pktpath.analysis.RuleSource;
import dev.pktpath.analysis.RulesException;
import dev.pktpath.analysis.RulesLoader;
import dev.pktpath.analysis.Stage;
import dev.pktpath.analysis.SubsystemRules;
import dev.pktpath.model.Frame;
import dev.pktpath.model.StackContext;
import dev.pktpath.render.Sanitizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

@Command(name = "subsystems", mixinStandardHelpOptions = true,
        description = {"List the subsystem and journey-stage rules in force: the built-in table, then the user's"
                + " $XDG_CONFIG_HOME/pktpath-tui/subsystems.rules, then --rules FILE. The last matching rule wins.",
                "With FUNCTION names, say which rule classifies each of them instead."},
        footer = {"", "Rules file format: PATTERN SUBSYSTEM STAGE per line, # comments; PATTERN is a function glob",
                "(tcp_*, {ip,ip6}_rcv), path:PREFIX (net/ipv4/tcp) or module:GLOB; STAGE is a stage, a stage:rx|tx,",
                "a family (driver, core, l3, l4: rx or tx by context), 'caller' or '-'. The built-in table's",
                "header describes it in full: pktpath-tui subsystems --show-built-in.",
                "", "Examples:",
                "  pktpath-tui subsystems",
                "  pktpath-tui subsystems tcp_ack ip_rcv",
                "  pktpath-tui subsystems --rules my.rules"})
final class SubsystemsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Option(names = "--show-built-in", description = "Print the built-in rules file as shipped (a starting point for your own).")
    boolean showBuiltIn;

    @Parameters(arity = "0..*", paramLabel = "FUNCTION", description = "Function names to classify.")
    List<String> functions = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (showBuiltIn) {
            out.print(SubsystemRules.builtInText());
            out.flush();
            return 0;
        }
        SubsystemRules rules;
        try {
            rules = common.subsystemRules();
        } catch (RulesException e) {
            err.println("pktpath-tui: " + e.getMessage());
            return 2;
        }
        if (!functions.isEmpty()) {
            explain(out, rules);
        } else {
            list(out, rules);
        }
        out.flush();
        return 0;
    }

    private void explain(PrintWriter out, SubsystemRules rules) {
        int w = 8;
        for (String f : functions) {
            w = Math.max(w, Math.min(40, f.length()));
        }
        for (String f : functions) {
            Frame probe = new Frame(0, null, f, null, null, null, null, null, true, StackContext.UNKNOWN, null, false, 0, f);
            RuleMatch m = rules.match(probe);
            String where = m.rule() == null ? "no rule matches" : "by " + where(m.rule()) + "  " + m.rule().patternText();
            out.println(String.format("%-" + w + "s  %-14s %-10s %s", Sanitizer.clean(f), m.subsystem(),
                    m.stage().text(), Sanitizer.clean(where)));
        }
    }

    private void list(PrintWriter out, SubsystemRules rules) {
        StringBuilder names = new StringBuilder("Subsystems:");
        for (String name : rules.subsystems()) {
            if (names.length() + 1 + name.length() > 80) {
                out.println(names);
                names = new StringBuilder("           ");
            }
            names.append(' ').append(Sanitizer.clean(name));
        }
        out.println(names);
        StringJoiner stages = new StringJoiner(" ");
        for (Stage s : Stage.values()) {
            stages.add(s.id());
        }
        out.println("Stages (rx to tx): " + stages);
        out.println("  families, rx or tx by context: driver core l3 l4;  caller = the calling frame's stage;  - = none");
        Path user = RulesLoader.userRulesFile(System.getenv());
        out.println("User rules: " + (user == null ? "(no HOME or XDG_CONFIG_HOME)"
                : Sanitizer.clean(user.toString()) + (Files.isRegularFile(user) ? "" : " (not present)")));
        if (common.rules != null) {
            out.println("--rules:    " + Sanitizer.clean(common.rules));
        }
        out.println();
        out.println("Rules in load order; the last rule that matches a frame wins:");
        Map<String, Rule> lastByPattern = new HashMap<>();
        for (Rule r : rules.rules()) {
            lastByPattern.put(r.patternText(), r);
        }
        int w = 0;
        for (Rule r : rules.rules()) {
            w = Math.max(w, where(r).length());
        }
        for (Rule r : rules.rules()) {
            String line = String.format("  %-" + w + "s  %-14s %-10s %s", where(r), r.subsystem(), r.stage().text(),
                    r.patternText());
            Rule last = lastByPattern.get(r.patternText());
            if (last != r) {
                line += "   (overridden by " + where(last) + ")";
            }
            out.println(Sanitizer.clean(line));
        }
    }

    private static String where(Rule r) {
        return (r.source().kind() == RuleSource.Kind.BUILT_IN ? "built-in" : r.source().name()) + ":" + r.line();
    }
}
