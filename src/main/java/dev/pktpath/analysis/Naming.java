package dev.pktpath.analysis;

import dev.pktpath.model.Location;
import dev.pktpath.model.Names;

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
}
