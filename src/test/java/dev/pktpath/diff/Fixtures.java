package dev.pktpath.diff;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Inputs for the diff tests: corpus files read in place, and the seed with lines edited in memory. */
final class Fixtures {
    static final Path CRASH_BT = Path.of("../shared/corpus/crash-bt");

    private Fixtures() {
    }

    static String seedText() {
        return InputReader.readSample();
    }

    /**
     * The seed as if the ACK had pushed pending data instead of retransmitting, as in the diff
     * mock-up: #18 and #19 renamed, and RAX of the exception frame changed.
     */
    static String seedVariantText() {
        String s = seedText()
                .replace("tcp_retransmit_skb at ffffffff814763ba", "tcp_write_xmit at ffffffff81477a10")
                .replace("tcp_xmit_retransmit_queue at ffffffff81478596", "__tcp_push_pending_frames at ffffffff81478b22")
                .replace("RAX: 000000000000f4cc", "RAX: 000000000000a2d1");
        if (s.contains("tcp_retransmit_skb") || !s.contains("RAX: 000000000000a2d1")) {
            throw new IllegalStateException("the seed changed: the variant edit no longer applies");
        }
        return s;
    }

    static Dump parse(String name, String text) {
        return new DumpParser().parse(name, text);
    }

    static Dump corpus(String file) {
        try {
            return parse(file, Files.readString(CRASH_BT.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final Path SYZKALLER = Path.of("../shared/corpus/syzkaller");

    /** A syzkaller report file (header, blank line, console log), read in place. */
    static Dump syzkaller(String file) {
        try {
            return parse(file, Files.readString(SYZKALLER.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trace with the most frames: the report itself, whatever the parser makes of the header. */
    static DiffSide longest(Dump dump) {
        dev.pktpath.model.Trace best = dump.traces().get(0);
        for (dev.pktpath.model.Trace t : dump.traces()) {
            if (t.frames().size() > best.frames().size()) {
                best = t;
            }
        }
        return side(dump, best.id());
    }

    static DiffSide side(Dump dump, int trace) {
        return DiffSide.of(dump.source(), Analyzer.builtIn().analyze(dump.traces().get(trace - 1)), dump.traces().size() == 1);
    }
}
