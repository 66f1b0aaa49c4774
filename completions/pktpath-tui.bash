# bash completion for pktpath-tui
# Generated from the picocli command model (Main.commandLine()) by
# src/test/java/dev/pktpath/packaging; do not edit. Refresh with:
#   mvn -B -q test -Dtest=GeneratedFilesTest -Dpackaging.refresh=true

_pktpath_tui_files() {
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY+=( $(compgen -f -- "$1") )
}

_pktpath_tui_words() {
    local IFS=$' \t\n'
    COMPREPLY+=( $(compgen -W "$1" -- "$2") )
}

_pktpath_tui() {
    local cur prev cmd="" pre="" w i skip=0
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    # --opt=value: with '=' in COMP_WORDBREAKS bash splits it into three words
    if [[ $cur == = ]]; then
        cur=""
    elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then
        prev=${COMP_WORDS[COMP_CWORD-2]}
    elif [[ $cur == --*=* ]]; then
        pre=${cur%%=*}=; prev=${cur%%=*}; cur=${cur#*=}
    fi
    for (( i=1; i<COMP_CWORD; i++ )); do
        w=${COMP_WORDS[i]}
        if (( skip )); then
            [[ $w == = ]] || skip=0
            continue
        fi
        case $w in
            --color|--rules|--trace|--subsystem|--width|-U|--unified|--threshold|--script) skip=1; continue ;;
        esac
        case "$cmd/$w" in
            "/print") cmd="print" ;;
            "/journey") cmd="journey" ;;
            "/diff") cmd="diff" ;;
            "/cluster") cmd="cluster" ;;
            "/repl") cmd="repl" ;;
            "/subsystems") cmd="subsystems" ;;
        esac
    done
    _pktpath_tui_reply
    if [[ -n $pre ]]; then
        for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]=$pre${COMPREPLY[i]}; done
    fi
    return 0
}

# What to offer for $cur in (sub)command $cmd after $prev (bash's dynamic scope passes them).
_pktpath_tui_reply() {
    case $cmd in
        "")
            case $prev in
                --color)
                    _pktpath_tui_words 'auto always never' "$cur"
                    return 0 ;;
                --rules)
                    _pktpath_tui_files "$cur"
                    return 0 ;;
            esac
            if [[ $cur == -* ]]; then
                _pktpath_tui_words '--color --ascii --rules --text --debug --sample -h --help -V --version' "$cur"
                return 0
            fi
            _pktpath_tui_words 'print journey diff cluster repl subsystems' "$cur"
            _pktpath_tui_files "$cur"
            ;;
        "print")
            case $prev in
                --color)
                    _pktpath_tui_words 'auto always never' "$cur"
                    return 0 ;;
                --rules)
                    _pktpath_tui_files "$cur"
                    return 0 ;;
                --trace)
                    :  # free text: nothing to offer
                    return 0 ;;
                --subsystem)
                    _pktpath_tui_words 'block crypto debug drivers fault fs irq kdump kernel lib locking mm net net-bluetooth net-bond net-bpf net-bridge net-core net-dccp net-driver net-ipv4 net-ipv6 net-misc net-netlink net-nfc net-packet net-rds net-sched net-sctp net-smc net-socket net-sunrpc net-tcp net-tipc net-tls net-tunnel net-udp net-unix net-vlan net-vsock net-wireless net-xfrm netfilter rcu sched security syscall timer tty unknown usb virt workqueue' "$cur"
                    return 0 ;;
            esac
            if [[ $cur == -* ]]; then
                _pktpath_tui_words '--color --ascii --rules --text --debug --trace --sample --json --subsystem -h --help -V --version' "$cur"
                return 0
            fi
            _pktpath_tui_files "$cur"
            ;;
        "journey")
            case $prev in
                --color)
                    _pktpath_tui_words 'auto always never' "$cur"
                    return 0 ;;
                --rules)
                    _pktpath_tui_files "$cur"
                    return 0 ;;
                --trace)
                    :  # free text: nothing to offer
                    return 0 ;;
                --width)
                    :  # free text: nothing to offer
                    return 0 ;;
            esac
            if [[ $cur == -* ]]; then
                _pktpath_tui_words '--color --ascii --rules --text --debug --trace --sample --json --width -h --help -V --version' "$cur"
                return 0
            fi
            _pktpath_tui_files "$cur"
            ;;
        "diff")
            case $prev in
                --color)
                    _pktpath_tui_words 'auto always never' "$cur"
                    return 0 ;;
                --rules)
                    _pktpath_tui_files "$cur"
                    return 0 ;;
                -U|--unified)
                    :  # free text: nothing to offer
                    return 0 ;;
                --width)
                    :  # free text: nothing to offer
                    return 0 ;;
            esac
            if [[ $cur == -* ]]; then
                _pktpath_tui_words '--color --ascii --rules --text --debug --json --offsets --reliable -U --unified --width -h --help -V --version' "$cur"
                return 0
            fi
            _pktpath_tui_files "$cur"
            ;;
        "cluster")
            case $prev in
                --color)
                    _pktpath_tui_words 'auto always never' "$cur"
                    return 0 ;;
                --rules)
                    _pktpath_tui_files "$cur"
                    return 0 ;;
                --threshold)
                    :  # free text: nothing to offer
                    return 0 ;;
                --width)
                    :  # free text: nothing to offer
                    return 0 ;;
            esac
            if [[ $cur == -* ]]; then
                _pktpath_tui_words '--color --ascii --rules --text --debug --json --threshold --reliable --width -h --help -V --version' "$cur"
                return 0
            fi
            _pktpath_tui_files "$cur"
            ;;
        "repl")
            case $prev in
                --color)
                    _pktpath_tui_words 'auto always never' "$cur"
                    return 0 ;;
                --rules)
                    _pktpath_tui_files "$cur"
                    return 0 ;;
                --script)
                    _pktpath_tui_files "$cur"
                    return 0 ;;
            esac
            if [[ $cur == -* ]]; then
                _pktpath_tui_words '--color --ascii --rules --text --debug --script --no-history -h --help -V --version' "$cur"
                return 0
            fi
            ;;
        "subsystems")
            case $prev in
                --color)
                    _pktpath_tui_words 'auto always never' "$cur"
                    return 0 ;;
                --rules)
                    _pktpath_tui_files "$cur"
                    return 0 ;;
            esac
            if [[ $cur == -* ]]; then
                _pktpath_tui_words '--color --ascii --rules --text --debug --show-built-in -h --help -V --version' "$cur"
                return 0
            fi
            ;;
    esac
}

complete -F _pktpath_tui pktpath-tui
