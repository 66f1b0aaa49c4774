#!/usr/bin/env bash
# The explorer opening a big dump in a real terminal, through the installed launcher: seconds from
# launch to the first screen (the trace list shows), to fully loaded (the status line says "loaded N
# traces"), and the run's peak RSS and CPU, from /usr/bin/time. The pane is polled every 50 ms, in a
# detached tmux session of its own (120x40), so a figure is up to 50 ms late, and tmux's own start is in it.
#
# usage: bench/explorer-load.sh FILE [RUNS]          (needs `mvn -B package -DskipTests` and tmux)
#        LAUNCHER=/other/dist/bin/pktpath-tui bench/explorer-load.sh FILE   another build, to compare
set -euo pipefail
cd "$(dirname "$0")/.."

file=${1:?usage: bench/explorer-load.sh FILE [RUNS]}
runs=${2:-3}
launcher=${LAUNCHER:-target/dist/bin/pktpath-tui}
[ -x "$launcher" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (Debian: apt-get install time)" >&2; exit 2; }

server=pktpath-load-$$
timing=$(mktemp)
trap 'tmux -L "$server" kill-server 2>/dev/null || true; rm -f "$timing"' EXIT

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (a - b) / 1e9 }'; }

for run in $(seq "$runs"); do
    tmux -L "$server" kill-server 2>/dev/null || true
    tmux -L "$server" new-session -d -s load -x 120 -y 40 bash
    sleep 0.5
    start=$(date +%s%N)
    tmux -L "$server" send-keys -t load "/usr/bin/time -f 'peak RSS %M KB, CPU %U s user %S s sys' -o $timing $launcher $(printf %q "$file")" Enter
    first=
    loaded=
    for _ in $(seq 1200); do
        sleep 0.05
        pane=$(tmux -L "$server" capture-pane -p -t load)
        now=$(date +%s%N)
        if [ -z "$first" ] && grep -q 'Traces (' <<<"$pane"; then first=$(seconds "$now" "$start"); fi
        if [ -n "$first" ] && grep -q 'loaded [0-9,]* traces' <<<"$pane"; then loaded=$(seconds "$now" "$start"); break; fi
    done
    tmux -L "$server" send-keys -t load q
    sleep 1.5
    echo "run $run: first screen ${first:-?} s, loaded ${loaded:-?} s, $(cat "$timing" 2>/dev/null || echo 'no timing')"
done
