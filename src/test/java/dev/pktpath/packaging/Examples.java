package dev.pktpath.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The "Examples:" block of a help footer, as (command, what it does) pairs. */
final class Examples {
    /** "  pktpath-tui print --json --trace 2 dump.txt   trace 2 only, as JSON" */
    private static final Pattern EXAMPLE = Pattern.compile("^ {1,4}(\\S.*?)(?: {2,}(\\S.*))?$");
    /** "                                                TCP/UDP frames, no fault handling": the text of a long example above */
    private static final Pattern CONTINUATION = Pattern.compile("^ {5,}(\\S.*)$");

    record Example(String command, String text) {
    }

    private Examples() {
    }

    static List<Example> of(List<String> footer) {
        List<Example> out = new ArrayList<>();
        boolean in = false;
        for (String line : footer) {
            if (line.strip().equalsIgnoreCase("Examples:")) {
                in = true;
                continue;
            }
            if (!in || line.isBlank()) {
                continue;
            }
            Matcher c = CONTINUATION.matcher(line);
            if (c.matches() && !out.isEmpty() && out.get(out.size() - 1).text() == null) {
                Example last = out.remove(out.size() - 1);
                out.add(new Example(last.command(), c.group(1).strip()));
                continue;
            }
            Matcher x = EXAMPLE.matcher(line);
            if (x.matches()) {
                out.add(new Example(x.group(1).strip(), x.group(2) == null ? null : x.group(2).strip()));
            }
        }
        return out;
    }
}
