package dev.pktpath.cli;

import dev.pktpath.model.Trace;
import dev.pktpath.parse.DumpParser;
import dev.pktpath.parse.InputReader;
import dev.pktpath.parse.ParseException;
import dev.pktpath.parse.TextInput;

import java.io.IOException;
import java.io.InputStream;

/**
 * Hands the traces of one input to a command as the parser finds them, in input order, on the calling
 * thread ({@link DumpParser#stream}), so that {@code print}, {@code journey} and {@code cluster} keep
 * flat memory whatever the input size, and can stop reading early ({@code --trace N}).
 */
final class TraceFeed {
    /** Takes each trace as it is read. */
    interface Sink {
        /** @return false to stop reading: the rest of the input is not parsed */
        boolean accept(Trace t);
    }

    private TraceFeed() {
    }

    /**
     * Opens {@code file} ({@code -} is {@code stdin}), or the embedded sample when {@code file} is null.
     *
     * @throws ParseException with the reader's one-line reason (no such file, binary data, ...)
     */
    static TextInput open(String file, InputStream stdin, boolean binaryAsText) throws ParseException {
        return file == null ? InputReader.openSample() : InputReader.open(file, stdin, binaryAsText);
    }

    /** The name a dump read from {@code file} (null: the sample) carries, as {@link Inputs} names it. */
    static String source(String file) {
        return file == null ? Inputs.SAMPLE_SOURCE : file;
    }

    /**
     * Streams the traces of {@code in} to {@code sink} until the input ends or the sink says stop, then
     * closes the input.
     *
     * @return how many traces the sink took (every trace of the input unless it stopped early)
     * @throws ParseException when the input cannot be read to its end (not after the sink said stop)
     */
    static int stream(String source, TextInput in, Sink sink, Progress progress) throws ParseException {
        int[] taken = {0};
        boolean[] stopped = {false};
        Thread me = Thread.currentThread();
        try (in) {
            new DumpParser().stream(source, in, t -> {
                if (stopped[0]) {
                    return;
                }
                taken[0]++;
                progress.traces(taken[0]);
                if (!sink.accept(t)) {
                    // the parser's way to stop: it checks the calling thread's interrupt flag
                    stopped[0] = true;
                    me.interrupt();
                }
            }, progress);
        } catch (ParseException | IOException | RuntimeException e) {
            // once the sink has said stop, what the interrupted reading throws is of no interest
            if (!stopped[0]) {
                if (e instanceof ParseException p) {
                    throw p;
                }
                if (e instanceof IOException io) {
                    throw new ParseException(source + ": cannot read (" + io.getMessage() + ")", io);
                }
                throw (RuntimeException) e;
            }
        } finally {
            if (stopped[0]) {
                Thread.interrupted();
            }
        }
        return taken[0];
    }
}
