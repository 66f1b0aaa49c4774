package dev.pktpath.cli;

import dev.pktpath.model.Dump;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import dev.pktpath.parse.ParseException;

import java.io.InputStream;

/** Loads what the user named on the command line into a {@link Dump}, or fails with a one-line reason. */
final class Inputs {
    static final String SAMPLE_SOURCE = InputReader.SAMPLE_NAME;

    private Inputs() {
    }

    static Dump load(String name, InputStream stdin) throws ParseException {
        return load(name, stdin, false);
    }

    /** @param binaryAsText {@code --text}: read binary-looking input anyway */
    static Dump load(String name, InputStream stdin, boolean binaryAsText) throws ParseException {
        Dump dump = new DumpParser().parse(name, InputReader.read(name, stdin, binaryAsText));
        if (dump.traces().isEmpty()) {
            throw new ParseException(name + ": no backtrace found");
        }
        return dump;
    }

    static Dump sample() {
        return new DumpParser().parse(SAMPLE_SOURCE, InputReader.readSample());
    }
}
