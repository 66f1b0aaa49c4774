package dev.pktpath.jmh;

import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.Trace;
import dev.pktpath.parse.CrashBtParser;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.LineCleaner;
import dev.pktpath.parse.SourceLine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;

/** The crash {@code bt} grammar on 1 MB of foreach bt: lines already cleaned, and the whole parse from text. */
@State(Scope.Benchmark)
public class CrashBtParseBench {
    String text;
    List<SourceLine> clean;

    @Setup
    public void setup() {
        text = Data.crashText();
        clean = new ArrayList<>();
        for (String l : DumpParser.splitLines(text)) {
            clean.add(new SourceLine(clean.size() + 1, LineCleaner.clean(l)));
        }
    }

    @Benchmark
    public int baseline() {
        return Data.scan(text);
    }

    @Benchmark
    public List<Trace> grammar() {
        List<Diagnostic> outside = new ArrayList<>();
        return new CrashBtParser().parse(clean, outside);
    }

    @Benchmark
    public Object wholeParse() {
        return Data.parse(text);
    }
}
