# Test harness: what does zsh offer for a partly typed command line?
# usage: zsh -f zsh-list-choices.zsh FPATH_DIR 'typed command line'
# Starts an interactive zsh on a pseudo-terminal (zsh/zpty) with FPATH_DIR on $fpath and the
# completion system loaded, types the line, presses Ctrl-D (list the choices), then runs a command
# that prints END, and prints everything the terminal showed. The caller reads the listing between
# the typed line and the END command.
zmodload zsh/zpty || { print -u2 'zsh/zpty is not available'; exit 3 }
dir=$1 typed=$2
zpty -b z 'TERM=dumb COLUMNS=1000 LINES=100 zsh -f -i'
zpty -w z "PS1='<zp> '; fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -D;"\
" zstyle ':completion:*' list-separator '#'; zstyle ':completion:*' format 'GROUP:%d'; print READY"
# waits until the output so far matches the pattern $1 (a busy machine can take many seconds)
wait_for() {
  local chunk want=$1
  out=
  repeat 1200; do
    if zpty -r -t z chunk; then
      out+=$chunk
      [[ $out == $~want ]] && return 0
    else
      sleep 0.05
    fi
  done
  print -u2 "timed out waiting for $want; saw: $out"
  exit 4
}
# type only once the line editor shows its prompt: typed earlier, Ctrl-D and Ctrl-U would reach
# the terminal driver in cooked mode instead of zle
wait_for '*'$'\n''READY*<zp> *'
zpty -w -n z "$typed"$'\C-d'
zpty -w -n z $'\C-u'"print EN''D"$'\n'
wait_for '*'$'\n''END*'
zpty -d z
print -r -- "${out//$'\r'/}"
