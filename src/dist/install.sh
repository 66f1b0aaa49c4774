#!/bin/sh
# Installs pktpath-tui from this unpacked distribution into a prefix:
#   PREFIX/bin/pktpath-tui                                  the launcher
#   PREFIX/lib/pktpath-tui/pktpath-tui.jar (+ .jsa)         the program (+ its class-data archive)
#   PREFIX/share/man/man1/pktpath-tui.1                     the man page
#   PREFIX/share/bash-completion/completions/pktpath-tui    bash completion
#   PREFIX/share/zsh/site-functions/_pktpath-tui            zsh completion
#   PREFIX/share/fish/vendor_completions.d/pktpath-tui.fish fish completion
#   PREFIX/share/doc/pktpath-tui/                           README.md, LICENSE
# usage: ./install.sh [--prefix DIR] [--no-cds]
# Default prefix: /usr/local for root, ~/.local otherwise. Run it again after upgrading Java.
set -eu

usage() {
    echo "usage: $0 [--prefix DIR] [--no-cds]" >&2
    exit 2
}

if [ "$(id -u)" = 0 ]; then prefix=/usr/local; else prefix=$HOME/.local; fi
cds=yes
while [ $# -gt 0 ]; do
    case $1 in
        --prefix) [ $# -ge 2 ] || usage; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --no-cds) cds=no; shift ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) usage ;;
    esac
done
case $prefix in
    /*) ;;
    *) prefix=$(pwd -P)/$prefix ;;
esac

src=$(cd -P -- "$(dirname -- "$0")" && pwd -P)
lib=$prefix/lib/pktpath-tui
share=$prefix/share

mkdir -p "$prefix/bin" "$lib" "$share/man/man1" "$share/bash-completion/completions" \
    "$share/zsh/site-functions" "$share/fish/vendor_completions.d" "$share/doc/pktpath-tui"
install -m 755 "$src/bin/pktpath-tui" "$prefix/bin/pktpath-tui"
install -m 644 "$src/lib/pktpath-tui/pktpath-tui.jar" "$lib/pktpath-tui.jar"
install -m 644 "$src/share/man/man1/pktpath-tui.1" "$share/man/man1/pktpath-tui.1"
install -m 644 "$src/share/bash-completion/completions/pktpath-tui" "$share/bash-completion/completions/pktpath-tui"
install -m 644 "$src/share/zsh/site-functions/_pktpath-tui" "$share/zsh/site-functions/_pktpath-tui"
install -m 644 "$src/share/fish/vendor_completions.d/pktpath-tui.fish" "$share/fish/vendor_completions.d/pktpath-tui.fish"
install -m 644 "$src/README.md" "$src/LICENSE" "$share/doc/pktpath-tui/"

# The class-data sharing archive records the jar's path and the exact JVM, so it is made here, for the
# installed jar and the Java that will run it, by one training run through the launcher (its JVM
# options; the run prints the sample and draws the explorer's first screen on a virtual terminal).
# A JVM without AppCDS just leaves no archive behind.
rm -f "$lib/pktpath-tui.jsa"
case $lib in
    *[[:space:]]*)
        # Java 17 writes such an archive but never uses it: the jar's URL (%20) fails its path check
        [ "$cds" = yes ] && echo "pktpath-tui: no start-up archive: the prefix has a space in its path" >&2
        cds=no ;;
esac
if [ "$cds" = yes ]; then
    if PKTPATH_TUI_CDS_DUMP="$lib/pktpath-tui.jsa" PKTPATH_TUI_JAVA_OPTS= \
        "$prefix/bin/pktpath-tui" >/dev/null 2>&1 && [ -s "$lib/pktpath-tui.jsa" ]; then
        echo "pktpath-tui: wrote the start-up archive $lib/pktpath-tui.jsa"
    else
        rm -f "$lib/pktpath-tui.jsa"
        echo "pktpath-tui: this Java cannot write a class-data archive; it will start a little slower" >&2
    fi
fi

echo "pktpath-tui installed in $prefix"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "  add $prefix/bin to PATH" ;;
esac
echo "  man page: $share/man/man1 (man pktpath-tui; or add it to MANPATH)"
echo "  completions: bash and fish find them under $share when it is on XDG_DATA_DIRS or is ~/.local/share;"
echo "  zsh: fpath=($share/zsh/site-functions \$fpath) before compinit"
