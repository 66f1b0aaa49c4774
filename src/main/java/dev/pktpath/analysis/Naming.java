package dev.pktpath.analysis;

import dev.pktpath.model.Location;
import dev.pktpath.model.Names;

import java.util.Objects;

/**
 * How kernel people name a crash: {@code kind} ("BUG: unable to handle kernel paging request"),
 * the {@code guilty} function, {@code title} = kind + " in " + guilty, and the crash site.
 * Any part may be null when the trace does not tell.
 */
public record Naming(String kind, String title, String guilty, Location crashSite) {
    public static final Naming NONE = new Naming(null, null, null, null);

    public Naming {
        // one title string per trace (kind + " in " + guilty) for what is a few hundred titles in a
        // dump of 190,000 tasks: share them
        kind = Names.intern(kind);
        title = Names.intern(title);
        guilty = Names.intern(guilty);
    }

    /*
     * equals and hashCode written out, the same as the record's own (its components in order, 31 * h +
     * the next): those are linked by an invokedynamic bootstrap on first use, and building their method
     * handles took a few ms of each short run (issue 10, start-up). RecordMethodsTest holds them to it.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Naming o && Objects.equals(kind, o.kind)
                && Objects.equals(title, o.title)
                && Objects.equals(guilty, o.guilty)
                && Objects.equals(crashSite, o.crashSite);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Objects.hashCode(kind) + Objects.hashCode(title)) + Objects.hashCode(guilty))
                + Objects.hashCode(crashSite);
    }
}
