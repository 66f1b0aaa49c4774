package dev.pktpath.packaging;

import dev.pktpath.packaging.CliModel.Cmd;
import dev.pktpath.packaging.CliModel.Kind;
import dev.pktpath.packaging.CliModel.Opt;
import dev.pktpath.packaging.CliModel.Param;
import dev.pktpath.packaging.CliModel.Values;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the bash completion script. picocli's own AutoComplete only completes files for options typed
 * File/Path and knows nothing of the contract's value lists, so we write the (small) script ourselves
 * from the same model.
 */
final class BashCompletion {
    private BashCompletion() {
    }

    static String write(CliModel m) {
        String fn = "_" + Shell.ident(m.name());
        StringBuilder b = new StringBuilder();
        b.append("# bash completion for ").append(m.name()).append("\n");
        b.append(Generated.HEADER);
        b.append("\n");
        b.append(fn).append("_files() {\n")
                .append("    local IFS=$'\\n'\n")
                .append("    compopt -o filenames 2>/dev/null\n")
                .append("    COMPREPLY+=( $(compgen -f -- \"$1\") )\n")
                .append("}\n\n");
        b.append(fn).append("_words() {\n")
                .append("    local IFS=$' \\t\\n'\n")
                .append("    COMPREPLY+=( $(compgen -W \"$1\" -- \"$2\") )\n")
                .append("}\n\n");
        b.append(fn).append("() {\n");
        b.append("    local cur prev cmd=\"\" pre=\"\" w i skip=0\n");
        b.append("    COMPREPLY=()\n");
        b.append("    cur=${COMP_WORDS[COMP_CWORD]}\n");
        b.append("    prev=${COMP_WORDS[COMP_CWORD-1]}\n");
        b.append("    # --opt=value: with '=' in COMP_WORDBREAKS bash splits it into three words\n");
        b.append("    if [[ $cur == = ]]; then\n        cur=\"\"\n");
        b.append("    elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then\n        prev=${COMP_WORDS[COMP_CWORD-2]}\n");
        b.append("    elif [[ $cur == --*=* ]]; then\n        pre=${cur%%=*}=; prev=${cur%%=*}; cur=${cur#*=}\n");
        b.append("    fi\n");
        // find the (sub)command, skipping option values
        Set<String> valued = new LinkedHashSet<>();
        collectValued(m.root(), valued);
        b.append("    for (( i=1; i<COMP_CWORD; i++ )); do\n");
        b.append("        w=${COMP_WORDS[i]}\n");
        b.append("        if (( skip )); then\n            [[ $w == = ]] || skip=0\n            continue\n        fi\n");
        b.append("        case $w in\n");
        if (!valued.isEmpty()) {
            b.append("            ").append(String.join("|", valued)).append(") skip=1; continue ;;\n");
        }
        b.append("        esac\n");
        b.append("        case \"$cmd/$w\" in\n");
        List<Cmd> all = new ArrayList<>();
        collect(m.root(), all);
        for (Cmd c : all) {
            for (Cmd s : c.subcommands()) {
                b.append("            \"").append(String.join(" ", c.path())).append("/").append(s.name())
                        .append("\") cmd=\"").append(String.join(" ", s.path())).append("\" ;;\n");
            }
        }
        b.append("        esac\n");
        b.append("    done\n");
        b.append("    ").append(fn).append("_reply\n");
        b.append("    if [[ -n $pre ]]; then\n");
        b.append("        for i in \"${!COMPREPLY[@]}\"; do COMPREPLY[i]=$pre${COMPREPLY[i]}; done\n");
        b.append("    fi\n");
        b.append("    return 0\n");
        b.append("}\n\n");
        b.append("# What to offer for $cur in (sub)command $cmd after $prev (bash's dynamic scope passes them).\n");
        b.append(fn).append("_reply() {\n");
        b.append("    case $cmd in\n");
        for (Cmd c : all) {
            b.append("        \"").append(String.join(" ", c.path())).append("\")\n");
            b.append("            case $prev in\n");
            for (Opt o : c.valued()) {
                b.append("                ").append(String.join("|", o.names())).append(")\n");
                b.append("                    ").append(valuesCall(fn, o.values())).append("\n");
                b.append("                    return 0 ;;\n");
            }
            b.append("            esac\n");
            List<String> names = new ArrayList<>();
            c.options().forEach(o -> names.addAll(o.names()));
            b.append("            if [[ $cur == -* ]]; then\n");
            b.append("                ").append(fn).append("_words ").append(Shell.quote(String.join(" ", names)))
                    .append(" \"$cur\"\n");
            b.append("                return 0\n            fi\n");
            if (!c.subcommands().isEmpty()) {
                b.append("            ").append(fn).append("_words ")
                        .append(Shell.quote(String.join(" ", c.subcommands().stream().map(Cmd::name).toList())))
                        .append(" \"$cur\"\n");
            }
            for (Values v : paramValues(c)) {
                b.append("            ").append(valuesCall(fn, v)).append("\n");
            }
            b.append("            ;;\n");
        }
        b.append("    esac\n");
        b.append("}\n\n");
        b.append("complete -F ").append(fn).append(" ").append(m.name()).append("\n");
        return b.toString();
    }

    private static String valuesCall(String fn, Values v) {
        return switch (v.kind()) {
            case FILE -> fn + "_files \"$cur\"";
            case LIST -> fn + "_words " + Shell.quote(String.join(" ", v.candidates())) + " \"$cur\"";
            case TEXT -> ":  # free text: nothing to offer";
        };
    }

    /** What the positionals of a command complete to; the first FILE or LIST wins for every position. */
    static List<Values> paramValues(Cmd c) {
        List<Values> out = new ArrayList<>();
        for (Param p : c.params()) {
            if (p.values().kind() != Kind.TEXT && !out.contains(p.values())) {
                out.add(p.values());
            }
        }
        return out;
    }

    private static void collectValued(Cmd c, Set<String> out) {
        c.valued().forEach(o -> out.addAll(o.names()));
        c.subcommands().forEach(s -> collectValued(s, out));
    }

    static void collect(Cmd c, List<Cmd> out) {
        out.add(c);
        c.subcommands().forEach(s -> collect(s, out));
    }
}
