# fish completion for pktpath-tui
# Generated from the picocli command model (Main.commandLine()) by
# src/test/java/dev/pktpath/packaging; do not edit. Refresh with:
#   mvn -B -q test -Dtest=GeneratedFilesTest -Dpackaging.refresh=true

complete -c pktpath-tui -f

# pktpath-tui
complete -c pktpath-tui -n __fish_use_subcommand -a print -d 'Print the parsed traces as an aligned backtrace, or as JSON.'
complete -c pktpath-tui -n __fish_use_subcommand -a journey -d 'Print the rx-to-tx packet journey of each trace.'
complete -c pktpath-tui -n __fish_use_subcommand -a diff -d 'Compare two backtraces (files, or FILE#N for trace N).'
complete -c pktpath-tui -n __fish_use_subcommand -a cluster -d 'Group the traces of a multi-task dump into buckets of similar stacks.'
complete -c pktpath-tui -n __fish_use_subcommand -a repl -d 'Start the line-mode REPL (reads a script from stdin when it is not a terminal).'
complete -c pktpath-tui -n __fish_use_subcommand -a subsystems -d 'List the subsystem and journey-stage rules in force.'
complete -c pktpath-tui -n __fish_use_subcommand -F
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -l color -x -a 'auto always never' -d 'Colour output: auto, always, never (default: auto; NO_COLOR is honoured).'
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -l ascii -d 'Draw with plain ASCII: no box-drawing characters or arrows.'
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -l rules -r -F -d 'Extra subsystem rules, in the format of the built-in table.'
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -l sample -d 'Open the embedded sample backtrace.'
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -s V -l version -d 'Print version information and exit.'

# pktpath-tui print
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -F
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l color -x -a 'auto always never' -d 'Colour output: auto, always, never (default: auto; NO_COLOR is honoured).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l ascii -d 'Draw with plain ASCII: no box-drawing characters or arrows.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l rules -r -F -d 'Extra subsystem rules, in the format of the built-in table.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l json -d 'Print the pktpath-tui/1 JSON document.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l trace -x -d 'Only trace N (1-based).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l sample -d 'Use the embedded sample instead of FILE.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -s V -l version -d 'Print version information and exit.'

# pktpath-tui journey
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -s V -l version -d 'Print version information and exit.'

# pktpath-tui diff
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -s V -l version -d 'Print version information and exit.'

# pktpath-tui cluster
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -s V -l version -d 'Print version information and exit.'

# pktpath-tui repl
complete -c pktpath-tui -n '__fish_seen_subcommand_from repl' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from repl' -s V -l version -d 'Print version information and exit.'

# pktpath-tui subsystems
complete -c pktpath-tui -n '__fish_seen_subcommand_from subsystems' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from subsystems' -s V -l version -d 'Print version information and exit.'

