package dev.pktpath.testing;

import dev.pktpath.bench.DumpGenerator;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The traces of two generated dumps of about {@code bytes} each, a crash {@code foreach bt} and a
 * console log (deterministic for their seeds): inputs beside the corpus for tests that hold a fast
 * path to the general one on many varied stacks.
 */
public final class GeneratedTraces {
    private GeneratedTraces() {
    }

    public static List<Trace> parse(long crashSeed, long consoleSeed, long bytes) {
        StringWriter crash = new StringWriter();
        StringWriter console = new StringWriter();
        try {
            new DumpGenerator(crashSeed).writeCrashForeach(crash, bytes);
            new DumpGenerator(consoleSeed).writeConsoleLog(console, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Trace> out = new ArrayList<>(new DumpParser().parse("generated", crash.toString()).traces());
        out.addAll(new DumpParser().parse("generated", console.toString()).traces());
        return out;
    }
}
