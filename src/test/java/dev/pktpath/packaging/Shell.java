package dev.pktpath.packaging;

/** Quoting for the generated scripts. */
final class Shell {
    private Shell() {
    }

    /** A word in single quotes for sh, bash, zsh and fish (fish also needs its backslashes doubled). */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static String fishQuote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A shell function name may not contain '-' in POSIX sh; bash accepts it but keep it portable. */
    static String ident(String s) {
        return s.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
