package dev.pktpath.analysis;

import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Location;
import dev.pktpath.model.Trace;

import java.util.List;

/** Names a crash: kind, guilty frame, title, crash site. (First cut: the skip rules land with issue 3.) */
public final class CrashNamer {
    public Naming name(Trace trace, List<FrameClass> classes) {
        Location site = trace.ip();
        if (site == null) {
            for (ExceptionFrame e : trace.exceptions()) {
                if (e.function() != null && e.kind().startsWith("exception")) {
                    site = new Location(e.function(), e.offset(), null);
                    break;
                }
            }
        }
        String kind = trace.headline();
        String guilty = site != null ? site.function() : null;
        if (guilty == null) {
            for (Frame f : trace.frames()) {
                if (f.reliable()) {
                    guilty = f.function();
                    break;
                }
            }
        }
        if (site == null && guilty != null) {
            site = new Location(guilty, null, null);
        }
        String title = kind != null && guilty != null ? kind + " in " + guilty : kind;
        return new Naming(kind, title, guilty, site);
    }
}
