package dev.pktpath.cli;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.diff.DiffOptions;
import dev.pktpath.diff.DiffSide;
import dev.pktpath.diff.TraceDiff;
import dev.pktpath.model.Dump;
import dev.pktpath.analysis.RulesException;
import dev.pktpath.parse.ParseException;
import dev.pktpath.render.DiffRenderer;
import dev.pktpath.render.TextStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code pktpath-tui diff A B}: exit status as diff(1): 0 same stack, 1 different, 2 trouble. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two backtraces frame by frame, side by side.",
                "A and B are files (their first trace), or FILE#N for trace N of a file (- is stdin).",
                "Frames are compared by function name: addresses, offsets and .isra/.constprop/.part/.cold suffixes are ignored."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the two stacks are the same", "1:they differ", "2:trouble (unreadable input, no such trace, usage)"},
        footer = {"", "Examples:",
                "  pktpath-tui diff before.txt after.txt",
                "  pktpath-tui diff dump.txt#1 dump.txt#3",
                "  pktpath-tui diff --json --offsets a.txt b.txt",
                "  pktpath-tui diff --reliable oops-run1.log#2 oops-run2.log#2"})
final class DiffCommand implements Callable<Integer> {
    /** {@code dump.txt#3}: a trace number after the last '#'. */
    private static final Pattern TRACE_SUFFIX = Pattern.compile("^(.+)#(\\d+)$");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print the pktpath-tui/1 diff document.")
    boolean json;

    @Option(names = "--offsets", description = "Also compare offsets (or, where none is printed, return addresses).")
    boolean offsets;

    @Option(names = "--reliable", description = "Leave out unreliable frames (the kernel's '? ' frames, crash's (unreliable)): "
            + "stale addresses that differ between runs of the same crash.")
    boolean reliable;

    @Option(names = {"-U", "--unified"}, paramLabel = "N", defaultValue = "3",
            description = "Frames of context around each difference (default: ${DEFAULT-VALUE}).")
    int context = DiffRenderer.DEFAULT_CONTEXT;

    @Option(names = "--width", paramLabel = "COLUMNS", defaultValue = "80",
            description = "Width to fit the side-by-side text in (default: ${DEFAULT-VALUE}).")
    int width = TextStyle.DEFAULT_WIDTH;

    @Parameters(index = "0", paramLabel = "A", description = "First trace: FILE or FILE#N.")
    String first;

    @Parameters(index = "1", paramLabel = "B", description = "Second trace: FILE or FILE#N.")
    String second;

    private final Map<String, Dump> loaded = new HashMap<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Analyzer analyzer;
        DiffSide a;
        DiffSide b;
        try {
            analyzer = common.analyzer();
            a = side(first, analyzer);
            b = side(second, analyzer);
        } catch (ParseException | RulesException e) {
            err.println("pktpath-tui: " + e.getMessage());
            err.flush();
            return 2;
        }
        TraceDiff d = TraceDiff.compare(a, b, new DiffOptions(offsets, reliable));
        if (json) {
            out.print(new DiffRenderer().json(d));
        } else {
            TextStyle style = new TextStyle(common.useColor(System.console() != null), asciiOnly(common), width);
            out.print(new DiffRenderer().text(d, style, context));
        }
        out.flush();
        return d.same() ? 0 : 1;
    }

    /**
     * ASCII when asked, and also when the output encoding cannot show the arrow and the ellipsis
     * (Java 17 writes stdout in the locale's charset: under LANG=C they would come out as '?').
     */
    static boolean asciiOnly(CommonOptions common) {
        return common.ascii || !Charset.defaultCharset().newEncoder().canEncode("\u2192\u2026");
    }

    private DiffSide side(String spec, Analyzer analyzer) throws ParseException {
        String file = spec;
        int n = 1;
        Matcher m = TRACE_SUFFIX.matcher(spec);
        boolean numbered = false;
        if (m.matches() && (m.group(1).equals("-") || !Files.exists(Path.of(spec)))) {
            file = m.group(1);
            numbered = true;
            try {
                n = Integer.parseInt(m.group(2));
            } catch (NumberFormatException e) {
                n = -1;
            }
        }
        Dump dump = loaded.get(file);
        if (dump == null) {
            dump = Inputs.load(file, System.in, common.text);
            loaded.put(file, dump);
        }
        if (n < 1 || n > dump.traces().size()) {
            int count = dump.traces().size();
            throw new ParseException(file + ": no trace " + m.group(2) + " (it has " + count + (count == 1 ? " trace)" : " traces)"));
        }
        boolean only = dump.traces().size() == 1 && !numbered;
        return DiffSide.of(dump.source(), analyzer.analyze(dump.traces().get(n - 1)), only);
    }
}
