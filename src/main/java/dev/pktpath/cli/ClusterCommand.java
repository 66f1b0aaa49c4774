package dev.pktpath.cli;

import dev.pktpath.diff.Clusterer;
import dev.pktpath.diff.Clustering;
import dev.pktpath.parse.ParseException;
import dev.pktpath.parse.TextInput;
import dev.pktpath.render.ClusterRenderer;
import dev.pktpath.render.TextStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code pktpath-tui cluster FILE}: buckets of identical, then similar, stacks, biggest first. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Group the traces of a multi-task dump (foreach bt, bt -a) into buckets of identical "
                + "or similar stacks, biggest first.",
                "Stacks are compared by normalised function names; similar ones (see --threshold) share a bucket."},
        footer = {"", "Examples:",
                "  pktpath-tui cluster foreach-bt.txt",
                "  pktpath-tui cluster --threshold 1 foreach-bt.txt     identical stacks only",
                "  pktpath-tui cluster --json foreach-bt.txt"})
final class ClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print the pktpath-tui/1 cluster document.")
    boolean json;

    @Option(names = "--threshold", paramLabel = "X", defaultValue = "0.8",
            description = "Similarity (0 to 1) a stack needs to join a bucket it is not identical to; "
                    + "1 keeps identical stacks only (default: ${DEFAULT-VALUE}).")
    double threshold = Clusterer.DEFAULT_THRESHOLD;

    @Option(names = "--reliable", description = "Leave out unreliable frames (the kernel's '? ' frames, crash's (unreliable)).")
    boolean reliable;

    @Option(names = "--width", paramLabel = "COLUMNS", defaultValue = "80",
            description = "Width to fit the text in (default: ${DEFAULT-VALUE}).")
    int width = TextStyle.DEFAULT_WIDTH;

    @Parameters(index = "0", paramLabel = "FILE", description = "The dump to read; - for stdin.")
    String file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            err.println("pktpath-tui cluster: --threshold must be between 0 and 1, not " + threshold);
            err.flush();
            return 2;
        }
        // streamed: per trace only its stack key and its task are kept, so memory stays flat
        Clusterer.Accumulator acc = new Clusterer(threshold, reliable).accumulator();
        try (Progress progress = Progress.on(err, file, -1)) {
            TextInput in = TraceFeed.open(file, System.in, common.text);
            progress.progress(0, in.size());
            TraceFeed.stream(file, in, t -> {
                acc.add(t);
                return true;
            }, progress);
        } catch (ParseException e) {
            err.println("pktpath-tui: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (acc.count() == 0) {
            err.println("pktpath-tui: " + file + ": no backtrace found");
            err.flush();
            return 1;
        }
        Clustering c = acc.finish();
        if (json) {
            out.print(new ClusterRenderer().json(file, c));
        } else {
            TextStyle style = new TextStyle(common.useColor(System.console() != null), DiffCommand.asciiOnly(common), width);
            out.print(new ClusterRenderer().text(file, c, style));
        }
        out.flush();
        return 0;
    }
}
