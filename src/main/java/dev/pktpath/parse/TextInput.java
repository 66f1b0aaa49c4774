package dev.pktpath.parse;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * One input opened for reading as text, read as it goes rather than all at once, so that a parser can
 * stream a dump of hundreds of megabytes with flat memory and report how far it has got.
 *
 * <p>The text can be read two ways, once, from the start: as characters ({@link #reader()}) or as its
 * UTF-8 bytes ({@link #utf8()}). A file in UTF-8 (nearly every dump) hands its bytes over as they are,
 * so the parser cuts blocks in bytes and each block is decoded on its own, straight into a compact
 * string, instead of every character going through a decoder on the one thread that reads (issue 10).
 *
 * <p>{@link #size()} is the number of bytes the input holds when known (a regular file, compressed or
 * not: it counts what is read from the file, before decompression), else -1 (a pipe, stdin);
 * {@link #bytesRead()} counts the same bytes, so the two give a fraction for a progress bar.
 */
public final class TextInput implements Closeable {
    private final String name;
    private Reader reader;
    private InputStream utf8;
    private final long size;
    private final LongSupplier bytesRead;

    /** Text read through {@code reader} (text in memory, UTF-16, a test's own reader). */
    public TextInput(String name, Reader reader, long size, LongSupplier bytesRead) {
        this(name, reader, null, size, bytesRead);
    }

    private TextInput(String name, Reader reader, InputStream utf8, long size, LongSupplier bytesRead) {
        this.name = name;
        this.reader = reader;
        this.utf8 = utf8;
        this.size = size;
        this.bytesRead = bytesRead;
    }

    /**
     * Text given as its UTF-8 bytes (after any byte-order mark). Bytes that are not valid UTF-8 read as
     * U+FFFD either way: {@link #reader()} decodes with replacement, and so does {@code new String(bytes,
     * UTF_8)} on the pieces {@link #utf8()}'s reader cuts after line breaks (a line break byte is never
     * part of a UTF-8 sequence, so cutting there changes nothing).
     */
    static TextInput utf8(String name, InputStream utf8, long size, LongSupplier bytesRead) {
        return new TextInput(name, null, utf8, size, bytesRead);
    }

    /** Text already in memory (the embedded sample, tests, a REPL buffer). */
    public static TextInput of(String name, String text) {
        long[] read = {0};
        StringReader reader = new StringReader(text);
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
        TextInput in = new TextInput(name, counting, text.length(), () -> read[0]);
        in.utf8 = new StringUtf8(text, read);
        return in;
    }

    public String name() {
        return name;
    }

    /** The decoded text; read it, or {@link #utf8()}, once, from the start. */
    public Reader reader() {
        if (reader == null) {
            reader = new InputStreamReader(utf8, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
        }
        return reader;
    }

    /**
     * The text as UTF-8 bytes; read it, or {@link #reader()}, once, from the start. Text that came as
     * characters is encoded as it is read, as {@link String#getBytes} encodes (a lone surrogate, which no
     * decoded input holds, becomes {@code ?}).
     */
    public InputStream utf8() {
        if (utf8 == null) {
            utf8 = new Utf8Encoding(reader);
        }
        return utf8;
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
        if (reader != null) {
            reader.close();
        }
        if (utf8 != null) {
            utf8.close();
        }
    }

    /**
     * Characters from a reader as UTF-8 bytes, encoded as they are read: a read returns what one read
     * of the reader gave (it does not wait to fill the caller's buffer), so a slow source streams.
     */
    private static final class Utf8Encoding extends InputStream {
        private final Reader in;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3 + 16);
        private boolean eof;

        Utf8Encoding(Reader in) {
            this.in = in;
            chars.flip();
            bytes.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!bytes.hasRemaining()) {
                if (eof && !chars.hasRemaining()) {
                    return -1;
                }
                refill();
            }
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }

        /** Reads more characters (unless at the end) and encodes what it can into {@link #bytes}. */
        private void refill() throws IOException {
            chars.compact();
            if (!eof) {
                int n = in.read(chars.array(), chars.position(), chars.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    chars.position(chars.position() + n);
                }
            }
            chars.flip();
            bytes.clear();
            // a high surrogate at the end waits for its pair unless the text has ended
            CoderResult r = encoder.encode(chars, bytes, eof);
            if (r.isError()) {
                throw new IllegalStateException("UTF-8 encoder with replacement reported " + r);
            }
            if (eof && !chars.hasRemaining()) {
                encoder.flush(bytes);
            }
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * A string's UTF-8 bytes, a piece at a time: {@link String#getBytes} of each piece (for ASCII one
     * check and one copy), never splitting a surrogate pair. Encoding through a reader and a
     * {@link CharsetEncoder} took twice as long as parsing the text (issue 10: whole-text parses).
     */
    private static final class StringUtf8 extends InputStream {
        private final String text;
        private final long[] read;
        private int pos;
        private byte[] piece = new byte[0];
        private int piecePos;

        StringUtf8(String text, long[] read) {
            this.text = text;
            this.read = read;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (piecePos == piece.length) {
                if (pos == text.length()) {
                    return -1;
                }
                // a piece of at most a third of what the caller wants in characters, so that most reads
                // are served whole (UTF-8 takes up to 3 bytes a character)
                int end = Math.min(text.length(), pos + Math.max(1, Math.min(len / 3, 1 << 16)));
                if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))
                        && Character.isLowSurrogate(text.charAt(end))) {
                    end = end - 1 > pos ? end - 1 : end + 1;
                }
                piece = text.substring(pos, end).getBytes(StandardCharsets.UTF_8);
                piecePos = 0;
                read[0] += end - pos;
                pos = end;
            }
            int n = Math.min(len, piece.length - piecePos);
            System.arraycopy(piece, piecePos, b, off, n);
            piecePos += n;
            return n;
        }
    }
}
