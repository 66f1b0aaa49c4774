package dev.pktpath.jmh;

import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The parse of 1 MB of text (line splitting and cleaning included), of each format: a crash
 * {@code foreach bt} and a console log with many reports; on one thread, and as {@code DumpParser}
 * does by default (blocks parsed on every core). Baseline: a plain scan of the same text.
 */
@State(Scope.Benchmark)
public class ParseBench {
    @Param({"crash", "console"})
    public String format;

    String text;

    @Setup
    public void setup() {
        text = format.equals("crash") ? Data.crashText() : Data.consoleText();
    }

    @Benchmark
    public int baseline() {
        return Data.scan(text);
    }

    @Benchmark
    public Dump oneThread() {
        return new DumpParser(DumpParser.BLOCK, 1).parse("jmh", text);
    }

    @Benchmark
    public Dump allCores() {
        return Data.parse(text);
    }
}
