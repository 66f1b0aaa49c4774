package dev.pktpath.packaging;

import dev.pktpath.packaging.CliModel.Cmd;
import dev.pktpath.packaging.CliModel.Opt;
import dev.pktpath.packaging.CliModel.Param;
import dev.pktpath.packaging.CliModel.Values;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a native zsh completion function ({@code #compdef}, {@code _arguments}), to be dropped into a
 * directory on {@code $fpath}. picocli's generated script is a bash script run through bashcompinit,
 * which cannot be autoloaded from {@code $fpath} and shows no descriptions.
 */
final class ZshCompletion {
    private ZshCompletion() {
    }

    static String write(CliModel m) {
        String fn = "_" + m.name();
        StringBuilder b = new StringBuilder();
        b.append("#compdef ").append(m.name()).append("\n");
        b.append("# zsh completion for ").append(m.name()).append("\n");
        b.append(Generated.HEADER).append("\n");
        List<Cmd> all = new ArrayList<>();
        BashCompletion.collect(m.root(), all);
        for (Cmd c : all) {
            String name = fn + (c.path().isEmpty() ? "" : "_" + String.join("_", c.path()));
            b.append(name).append("() {\n");
            b.append("  local curcontext=\"$curcontext\" state state_descr line ret=1\n");
            b.append("  typeset -A opt_args\n");
            b.append("  _arguments -C -s -S \\\n");
            for (Opt o : c.options()) {
                b.append("    ").append(optionSpec(o)).append(" \\\n");
            }
            if (c.subcommands().isEmpty()) {
                for (Param p : c.params()) {
                    String action = action(p.values());
                    String spec = (p.repeats() ? "*" : "") + ":" + (p.optional() && !p.repeats() ? ":" : "")
                            + esc(p.label()) + ":" + action;
                    b.append("    ").append(Shell.quote(spec)).append(" \\\n");
                }
                b.append("    && ret=0\n");
            } else {
                b.append("    '1: :->first' \\\n");
                b.append("    '*:: :->rest' && ret=0\n");
                b.append("  case $state in\n");
                b.append("    first)\n");
                b.append("      local -a commands\n");
                b.append("      commands=(\n");
                for (Cmd s : c.subcommands()) {
                    b.append("        ").append(Shell.quote(s.name().replace(":", "\\:") + ":" + s.summary()))
                            .append("\n");
                }
                b.append("      )\n");
                b.append("      _describe -t commands command commands && ret=0\n");
                for (Values v : BashCompletion.paramValues(c)) {
                    b.append("      ").append(v.kind() == CliModel.Kind.FILE ? "_files" : "compadd -- "
                            + String.join(" ", v.candidates().stream().map(Shell::quote).toList()))
                            .append(" && ret=0\n");
                }
                b.append("      ;;\n");
                b.append("    rest)\n");
                b.append("      curcontext=\"${curcontext%:*:*}:").append(name.substring(1)).append("-$words[1]:\"\n");
                b.append("      case $words[1] in\n");
                for (Cmd s : c.subcommands()) {
                    b.append("        ").append(s.name()).append(") ").append(fn).append("_")
                            .append(String.join("_", s.path())).append(" && ret=0 ;;\n");
                }
                b.append("        *) _message 'no more arguments' ;;\n");
                b.append("      esac\n");
                b.append("      ;;\n");
                b.append("  esac\n");
            }
            b.append("  return ret\n");
            b.append("}\n\n");
        }
        b.append(fn).append(" \"$@\"\n");
        return b.toString();
    }

    /** e.g. {@code '(-h --help)'{-h,--help}'[Show help]'} or {@code '--color=[Colour]:WHEN:(auto always never)'}. */
    private static String optionSpec(Opt o) {
        String desc = "[" + esc(o.description()) + "]";
        String value = o.takesValue() ? ":" + esc(o.label()) + ":" + action(o.values()) : "";
        List<String> forms = new ArrayList<>();
        for (String n : o.names()) {
            forms.add(n + (o.takesValue() ? (n.startsWith("--") ? "=" : "+") : ""));
        }
        String repeat = o.repeatable() ? "*" : "";
        String exclusion = o.repeatable() ? "" : "(" + String.join(" ", o.names()) + ")";
        if (forms.size() == 1) {
            return Shell.quote(repeat + forms.get(0) + desc + value);
        }
        // the exclusion list (or the '*' of a repeatable option) is quoted: an unquoted * would be a glob
        return Shell.quote(repeat.isEmpty() ? exclusion : repeat) + "{" + String.join(",", forms) + "}"
                + Shell.quote(desc + value);
    }

    private static String action(Values v) {
        return switch (v.kind()) {
            case FILE -> "_files";
            case LIST -> "(" + String.join(" ", v.candidates()) + ")";
            case TEXT -> " ";
        };
    }

    /** Brackets and colons end fields of an _arguments spec. */
    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:");
    }
}
