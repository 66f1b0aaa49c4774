package dev.pktpath.parse;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.function.LongSupplier;

/**
 * One input opened for reading as text, read as it goes rather than all at once, so that a parser can
 * stream a dump of hundreds of megabytes with flat memory and report how far it has got.
 *
 * <p>{@link #size()} is the number of bytes the input holds when known (a regular file, compressed or
 * not: it counts what is read from the file, before decompression), else -1 (a pipe, stdin);
 * {@link #bytesRead()} counts the same bytes, so the two give a fraction for a progress bar.
 */
public final class TextInput implements Closeable {
    private final String name;
    private final Reader reader;
    private final long size;
    private final LongSupplier bytesRead;

    public TextInput(String name, Reader reader, long size, LongSupplier bytesRead) {
        this.name = name;
        this.reader = reader;
        this.size = size;
        this.bytesRead = bytesRead;
    }

    /** Text already in memory (the embedded sample, tests, a REPL buffer). */
    public static TextInput of(String name, String text) {
        StringReader reader = new StringReader(text);
        long[] read = {0};
        Reader counting = new Reader() {
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                int n = reader.read(buf, off, len);
                if (n > 0) {
                    read[0] += n;
                }
                return n;
            }

            @Override
            public void close() {
                reader.close();
            }
        };
        return new TextInput(name, counting, text.length(), () -> read[0]);
    }

    public String name() {
        return name;
    }

    /** The decoded text; read it once, from the start. */
    public Reader reader() {
        return reader;
    }

    /** Bytes in the input when known, else -1. */
    public long size() {
        return size;
    }

    /** Bytes consumed from the input so far (same unit as {@link #size()}). */
    public long bytesRead() {
        return bytesRead.getAsLong();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
