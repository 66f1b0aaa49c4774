package dev.pktpath.jmh;

import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.LineCleaner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;

/** {@link LineCleaner#clean} on every line of a 1 MB foreach bt, beside a plain scan of the same text. */
@State(Scope.Benchmark)
public class LineCleaningBench {
    String text;
    List<String> lines;

    @Setup
    public void setup() {
        text = Data.crashText();
        lines = DumpParser.splitLines(text);
    }

    @Benchmark
    public int baseline() {
        return Data.scan(text);
    }

    /** Splitting into lines (LF, CRLF, CR), as the parser does first. */
    @Benchmark
    public List<String> splitLines() {
        return DumpParser.splitLines(text);
    }

    @Benchmark
    public void clean(Blackhole bh) {
        for (String l : lines) {
            bh.consume(LineCleaner.clean(l));
        }
    }
}
