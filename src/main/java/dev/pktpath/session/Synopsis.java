package dev.pktpath.session;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads facts out of a command's synopsis, so the help text stays the one place they are written. */
final class Synopsis {
    /** An option in a synopsis such as {@code [--json] A B}: {@code --json}. */
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--?[A-Za-z][\\w-]*");

    private Synopsis() {
    }

    static List<String> options(String synopsis) {
        List<String> out = new ArrayList<>();
        Matcher m = OPTION.matcher(synopsis);
        while (m.find()) {
            out.add(m.group());
        }
        return List.copyOf(out);
    }
}
