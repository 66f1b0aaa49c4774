package dev.pktpath.session;

import dev.pktpath.render.Sanitizer;

/**
 * A trace named by the user: {@code 3} or {@code #3} (trace 3 of the current dump), {@code d2}
 * (the current trace of dump d2, or its first when d2 is not current), {@code d2#3}, or
 * {@code SOURCE#3} with the name a dump was loaded from ({@code dump.txt#3}), as the CLI's {@code FILE#N}.
 */
public record TraceRef(LoadedDump dump, int traceIndex) {
    /** The short name under which this trace is completed and shown: {@code d2#3}. */
    public String id() {
        return dump.name() + "#" + (traceIndex + 1);
    }

    public static TraceRef resolve(Session s, String word) throws CommandException {
        String w = word.strip();
        int hash = w.lastIndexOf('#');
        String dumpPart;
        String numberPart;
        if (hash >= 0) {
            dumpPart = w.substring(0, hash);
            numberPart = w.substring(hash + 1);
        } else if (!w.isEmpty() && w.chars().allMatch(Character::isDigit)) {
            dumpPart = "";
            numberPart = w;
        } else {
            dumpPart = w;
            numberPart = "";
        }
        LoadedDump d;
        if (dumpPart.isEmpty()) {
            d = s.requireDump();
        } else {
            d = s.dump(dumpPart).orElseThrow(() -> new CommandException(
                    "no dump " + Sanitizer.clean(dumpPart) + " (loaded: " + names(s) + "; load it first)"));
        }
        int index;
        if (numberPart.isEmpty()) {
            index = s.current().orElse(null) == d ? s.traceIndex() : 0;
        } else {
            if (!numberPart.chars().allMatch(Character::isDigit)) {
                throw new CommandException("trace must be a number, not '" + Sanitizer.clean(numberPart) + "'");
            }
            try {
                index = Integer.parseInt(numberPart) - 1;
            } catch (NumberFormatException e) {
                throw new CommandException("no trace " + Sanitizer.clean(numberPart));
            }
        }
        int n = d.traces().size();
        if (index < 0 || index >= n) {
            throw new CommandException("no trace " + (index + 1) + " in " + d.name() + " (it has " + n + ")");
        }
        return new TraceRef(d, index);
    }

    private static String names(Session s) {
        if (s.dumps().isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        for (LoadedDump d : s.dumps()) {
            b.append(b.length() == 0 ? "" : ", ").append(d.name());
        }
        return b.toString();
    }
}
