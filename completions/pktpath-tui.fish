# fish completion for pktpath-tui
# Generated from the picocli command model (Main.commandLine()) by
# src/test/java/dev/pktpath/packaging; do not edit. Refresh with:
#   mvn -B -q test -Dtest=GeneratedFilesTest -Dpackaging.refresh=true

complete -c pktpath-tui -f

# pktpath-tui
complete -c pktpath-tui -n __fish_use_subcommand -a print -d 'Print the parsed traces as an aligned backtrace, or as JSON.'
complete -c pktpath-tui -n __fish_use_subcommand -a journey -d 'Print the rx-to-tx packet journey of each trace: one row per stage the packet went through, oldest call first, with the functions of the stage in call order and the frames they cover.'
complete -c pktpath-tui -n __fish_use_subcommand -a diff -d 'Compare two backtraces frame by frame, side by side.'
complete -c pktpath-tui -n __fish_use_subcommand -a cluster -d 'Group the traces of a multi-task dump (foreach bt, bt -a) into buckets of identical or similar stacks, biggest first.'
complete -c pktpath-tui -n __fish_use_subcommand -a repl -d 'Start the line-mode REPL: load dumps, navigate, filter and diff from a prompt.'
complete -c pktpath-tui -n __fish_use_subcommand -a subsystems -d 'List the subsystem and journey-stage rules in force: the built-in table, then the user\'s $XDG_CONFIG_HOME/pktpath-tui/subsystems.rules, then --rules FILE. The last matching rule wins.'
complete -c pktpath-tui -n __fish_use_subcommand -F
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -l color -x -a 'auto always never' -d 'Colour output: auto, always, never (default: auto; NO_COLOR is honoured).'
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -l ascii -d 'Draw with plain ASCII: no box-drawing characters or arrows.'
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -l rules -r -F -d 'Extra subsystem rules, in the format of the built-in table.'
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -l text -d 'Read input that looks binary (control bytes, NULs) as text anyway, as grep -a does.'
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -l debug -d 'On an internal error, print the Java stack trace (for a bug report).'
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -l sample -d 'Open the embedded sample backtrace.'
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n 'not __fish_seen_subcommand_from print journey diff cluster repl subsystems' -s V -l version -d 'Print version information and exit.'

# pktpath-tui print
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -F
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l color -x -a 'auto always never' -d 'Colour output: auto, always, never (default: auto; NO_COLOR is honoured).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l ascii -d 'Draw with plain ASCII: no box-drawing characters or arrows.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l rules -r -F -d 'Extra subsystem rules, in the format of the built-in table.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l text -d 'Read input that looks binary (control bytes, NULs) as text anyway, as grep -a does.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l debug -d 'On an internal error, print the Java stack trace (for a bug report).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l trace -x -d 'Only trace N (1-based).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l sample -d 'Use the embedded sample instead of FILE.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l json -d 'Print the pktpath-tui/1 JSON document.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -l subsystem -x -a 'block crypto debug drivers fault fs irq kdump kernel lib locking mm net net-bluetooth net-bond net-bpf net-bridge net-core net-dccp net-driver net-ipv4 net-ipv6 net-misc net-netlink net-nfc net-packet net-rds net-sched net-sctp net-smc net-socket net-sunrpc net-tcp net-tipc net-tls net-tunnel net-udp net-unix net-vlan net-vsock net-wireless net-xfrm netfilter rcu sched security syscall timer tty unknown usb virt workqueue' -d 'Show only the frames S selects (repeatable; the values form one query). Hidden frames are counted where they were, and levels stay.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from print' -s V -l version -d 'Print version information and exit.'

# pktpath-tui journey
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -F
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -l color -x -a 'auto always never' -d 'Colour output: auto, always, never (default: auto; NO_COLOR is honoured).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -l ascii -d 'Draw with plain ASCII: no box-drawing characters or arrows.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -l rules -r -F -d 'Extra subsystem rules, in the format of the built-in table.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -l text -d 'Read input that looks binary (control bytes, NULs) as text anyway, as grep -a does.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -l debug -d 'On an internal error, print the Java stack trace (for a bug report).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -l trace -x -d 'Only trace N (1-based).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -l sample -d 'Use the embedded sample instead of FILE.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -l json -d 'Print the journeys as a pktpath-tui/1 JSON document.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -l width -x -d 'Width of the timeline (default: $COLUMNS when set, else 80; at least 40).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from journey' -s V -l version -d 'Print version information and exit.'

# pktpath-tui diff
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -F
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -l color -x -a 'auto always never' -d 'Colour output: auto, always, never (default: auto; NO_COLOR is honoured).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -l ascii -d 'Draw with plain ASCII: no box-drawing characters or arrows.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -l rules -r -F -d 'Extra subsystem rules, in the format of the built-in table.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -l text -d 'Read input that looks binary (control bytes, NULs) as text anyway, as grep -a does.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -l debug -d 'On an internal error, print the Java stack trace (for a bug report).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -l json -d 'Print the pktpath-tui/1 diff document.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -l offsets -d 'Also compare offsets (or, where none is printed, return addresses).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -l reliable -d 'Leave out unreliable frames (the kernel\'s \'? \' frames, crash\'s (unreliable)): stale addresses that differ between runs of the same crash.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -s U -l unified -x -d 'Frames of context around each difference (default: 3).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -l width -x -d 'Width to fit the side-by-side text in (default: 80).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from diff' -s V -l version -d 'Print version information and exit.'

# pktpath-tui cluster
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -F
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -l color -x -a 'auto always never' -d 'Colour output: auto, always, never (default: auto; NO_COLOR is honoured).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -l ascii -d 'Draw with plain ASCII: no box-drawing characters or arrows.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -l rules -r -F -d 'Extra subsystem rules, in the format of the built-in table.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -l text -d 'Read input that looks binary (control bytes, NULs) as text anyway, as grep -a does.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -l debug -d 'On an internal error, print the Java stack trace (for a bug report).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -l json -d 'Print the pktpath-tui/1 cluster document.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -l threshold -x -d 'Similarity (0 to 1) a stack needs to join a bucket it is not identical to; 1 keeps identical stacks only (default: 0.8).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -l reliable -d 'Leave out unreliable frames (the kernel\'s \'? \' frames, crash\'s (unreliable)).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -l width -x -d 'Width to fit the text in (default: 80).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from cluster' -s V -l version -d 'Print version information and exit.'

# pktpath-tui repl
complete -c pktpath-tui -n '__fish_seen_subcommand_from repl' -l color -x -a 'auto always never' -d 'Colour output: auto, always, never (default: auto; NO_COLOR is honoured).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from repl' -l ascii -d 'Draw with plain ASCII: no box-drawing characters or arrows.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from repl' -l rules -r -F -d 'Extra subsystem rules, in the format of the built-in table.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from repl' -l text -d 'Read input that looks binary (control bytes, NULs) as text anyway, as grep -a does.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from repl' -l debug -d 'On an internal error, print the Java stack trace (for a bug report).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from repl' -l script -r -F -d 'Run the commands in FILE (- for stdin) instead of prompting.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from repl' -l no-history -d 'Do not read or write the history file.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from repl' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from repl' -s V -l version -d 'Print version information and exit.'

# pktpath-tui subsystems
complete -c pktpath-tui -n '__fish_seen_subcommand_from subsystems' -l color -x -a 'auto always never' -d 'Colour output: auto, always, never (default: auto; NO_COLOR is honoured).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from subsystems' -l ascii -d 'Draw with plain ASCII: no box-drawing characters or arrows.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from subsystems' -l rules -r -F -d 'Extra subsystem rules, in the format of the built-in table.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from subsystems' -l text -d 'Read input that looks binary (control bytes, NULs) as text anyway, as grep -a does.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from subsystems' -l debug -d 'On an internal error, print the Java stack trace (for a bug report).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from subsystems' -l show-built-in -d 'Print the built-in rules file as shipped (a starting point for your own).'
complete -c pktpath-tui -n '__fish_seen_subcommand_from subsystems' -s h -l help -d 'Show this help message and exit.'
complete -c pktpath-tui -n '__fish_seen_subcommand_from subsystems' -s V -l version -d 'Print version information and exit.'

