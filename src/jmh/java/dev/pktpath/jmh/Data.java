package dev.pktpath.jmh;

import dev.pktpath.bench.DumpGenerator;
import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Inputs shared by the benchmarks, from the deterministic generator (seed 42), made once per fork.
 * Sizes are small enough for a quick run and large enough that a measured operation takes
 * milliseconds, well above JMH's timer resolution.
 */
final class Data {
    private Data() {
    }

    /** About 1 MB of {@code foreach bt} (some 700 tasks): several operations per measured second. */
    static final int CRASH_BYTES = 1 << 20;
    /** About 1 MB of console log with many oopses. */
    static final int CONSOLE_BYTES = 1 << 20;

    static String crashText() {
        return crash(CRASH_BYTES);
    }

    static String crash(long bytes) {
        StringWriter w = new StringWriter();
        try {
            new DumpGenerator(42).writeCrashForeach(w, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static String consoleText() {
        StringWriter w = new StringWriter();
        try {
            new DumpGenerator(42).writeConsoleLog(w, CONSOLE_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static Dump parse(String text) {
        return new DumpParser().parse("jmh", text);
    }

    /**
     * The shared baseline over a text: one pass finding every line end and every {@code tcp_}, as
     * {@code grep -c tcp_} does, with {@link String#indexOf} (the JDK's vectorised scan).
     */
    static int scan(String text) {
        int lines = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        int hits = 0;
        for (int i = text.indexOf("tcp_"); i >= 0; i = text.indexOf("tcp_", i + 4)) {
            hits++;
        }
        return lines + hits;
    }
}
