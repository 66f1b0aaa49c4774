package dev.pktpath.parse;

import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an input (a file, {@code -} for stdin, or the embedded sample) as text, read-only: the file
 * is opened for reading and nothing else, never locked, never written, its directory never touched.
 * Refuses with a one-line reason what cannot be a text dump. What it decides, and why:
 * <ul>
 *   <li>A regular file is read up to the size it had when opened: a log that grows while it is read
 *       (a running {@code dmesg -w > log}) yields a consistent snapshot instead of a read that never ends.
 *       Files that report size 0 (procfs, sysfs) are read to their end.</li>
 *   <li>A FIFO ({@code pktpath-tui <(dmesg)}), a character device or stdin is read to end of file; opening
 *       a FIFO waits for its writer, as {@code cat} does.</li>
 *   <li>gzip and xz are recognised by their magic bytes, whatever the name, and read transparently.</li>
 *   <li>At most {@link #MAX_BYTES} are read (after decompression), so {@code /dev/zero} or a
 *       decompression bomb ends in a message, not in an exhausted heap.</li>
 *   <li>Binary data (an ELF vmcore, a kdump file, only NULs, control bytes in more than 5% of the rest
 *       of the first 64 KiB) is refused unless the caller forces it ({@code --text}); NULs inside a log
 *       (a file system that zero-filled the blocks a crash left unwritten) do not make it binary.</li>
 *   <li>UTF-8 with a byte-order mark or none; UTF-16 with a byte-order mark; invalid UTF-8 bytes become
 *       U+FFFD, so one bad byte does not change how the rest of the file reads.</li>
 * </ul>
 */
public final class InputReader {
    public static final String SAMPLE_NAME = "seed-packet-path.txt";
    private static final String SAMPLE_RESOURCE = "/dev/pktpath/" + SAMPLE_NAME;
    /** The most bytes read from one input, after decompression: far above any real log, well below a heap. */
    public static final long MAX_BYTES = 1L << 30;
    /** How much of the start is examined to tell binary data from text. */
    static final int SNIFF = 64 * 1024;

    private InputReader() {
    }

    public static String readSample() {
        try (InputStream in = InputReader.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("embedded sample missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("embedded sample unreadable", e);
        }
    }

    /** Reads {@code name} ({@code -} is {@code stdin}), refusing binary data. */
    public static String read(String name, InputStream stdin) throws ParseException {
        return read(name, stdin, false);
    }

    /**
     * Reads {@code name} ({@code -} is {@code stdin}) as text.
     *
     * @param binaryAsText read binary-looking data anyway (control bytes are then cleaned line by line)
     * @throws ParseException with a one-line message naming the input and the reason
     */
    public static String read(String name, InputStream stdin, boolean binaryAsText) throws ParseException {
        return drain(name, open(name, stdin, binaryAsText));
    }

    /**
     * Opens {@code name} ({@code -} is {@code stdin}) to be read as it goes, with the same checks and
     * one-line refusals as {@link #read(String, InputStream, boolean)}: what can be told from the start
     * (no such file, binary data, empty input, a broken compressed header) is refused here; what shows
     * only later (more than {@link #MAX_BYTES}, compressed data cut short) fails the read with an
     * {@link InputFailure} whose message is the one-line refusal. Nothing is read beyond the first
     * {@link #SNIFF} bytes here; {@link TextInput#size()} is the file's size when it is a regular file.
     */
    public static TextInput open(String name, InputStream stdin, boolean binaryAsText) throws ParseException {
        InputStream raw;
        long size = -1;
        if (name.equals("-")) {
            raw = stdin;
        } else {
            Path p;
            try {
                p = Path.of(name);
            } catch (InvalidPathException e) {
                throw new ParseException(shown(name) + ": not a valid file name");
            }
            if (Files.isDirectory(p)) {
                throw new ParseException(shown(name) + ": is a directory");
            }
            try {
                raw = Files.newInputStream(p, StandardOpenOption.READ);
                long fileSize = Files.isRegularFile(p) ? Files.size(p) : 0;
                if (fileSize > MAX_BYTES) {
                    raw.close();
                    throw new ParseException(shown(name) + ": too large (" + fileSize + " bytes; at most " + MAX_BYTES + " are read)");
                }
                if (fileSize > 0) {
                    // a snapshot: the bytes the file held when opened, fewer if it shrinks meanwhile
                    raw = new Limited(raw, fileSize);
                    size = fileSize;
                }
            } catch (IOException e) {
                throw fileFailure(name, e);
            }
        }
        Counting counted = new Counting(raw);
        try {
            return open(name, counted, size, binaryAsText);
        } catch (ParseException e) {
            closeQuietly(counted);
            throw e;
        } catch (InputFailure e) {
            closeQuietly(counted);
            throw new ParseException(e.getMessage());
        } catch (IOException e) {
            closeQuietly(counted);
            throw name.equals("-") ? new ParseException(shown(name) + ": cannot read (" + reason(e.getMessage(), e) + ")")
                    : fileFailure(name, e);
        }
    }

    private static TextInput open(String name, Counting counted, long size, boolean binaryAsText) throws IOException, ParseException {
        byte[] head = counted.readNBytes(SNIFF);
        InputStream all = new java.io.SequenceInputStream(new ByteArrayInputStream(head), counted);
        String format = isGzip(head) ? "gzip" : isXz(head) ? "xz" : null;
        InputStream data = all;
        if (format != null) {
            try {
                data = new Decompressed(name, format, format.equals("gzip") ? new GZIPInputStream(all, 1 << 16) : new XZInputStream(all));
            } catch (IOException | RuntimeException e) {
                throw decompressFailure(name, format, e);
            }
        }
        Capped capped = new Capped(data, format == null ? shown(name) + ": too large (more than " + MAX_BYTES + " bytes)"
                : shown(name) + ": " + format + " data expands to more than " + MAX_BYTES + " bytes");
        byte[] text = format == null ? capped.skipCounted(head) : capped.readNBytes(SNIFF);
        if (text.length == 0) {
            throw new ParseException(shown(name) + ": empty input");
        }
        if (!binaryAsText) {
            String why = binaryReason(text);
            if (why != null) {
                throw new ParseException(shown(name) + ": binary data (" + why + "), not a text backtrace; --text reads it anyway");
            }
        }
        java.nio.charset.Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (text.length >= 2 && (text[0] & 0xff) == 0xff && (text[1] & 0xff) == 0xfe) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (text.length >= 2 && (text[0] & 0xff) == 0xfe && (text[1] & 0xff) == 0xff) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (text.length >= 3 && (text[0] & 0xff) == 0xef && (text[1] & 0xff) == 0xbb && (text[2] & 0xff) == 0xbf) {
            skip = 3;
        }
        InputStream body = new java.io.SequenceInputStream(new ByteArrayInputStream(text, skip, text.length - skip), capped);
        if (cs == StandardCharsets.UTF_8) {
            return TextInput.utf8(name, body, size, counted::count);
        }
        // bytes that are not valid in the charset become U+FFFD, as new String(bytes, charset) makes them
        java.io.Reader reader = new java.io.InputStreamReader(body, cs.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE));
        return new TextInput(name, reader, size, counted::count);
    }

    /**
     * A read that failed for a reason the user should see as is (too large, compressed data cut short
     * or corrupt): the message is the one-line refusal, naming the input.
     */
    public static final class InputFailure extends IOException {
        InputFailure(String message) {
            super(message);
        }
    }

    private static ParseException fileFailure(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ParseException(shown(name) + ": no such file");
        }
        if (e instanceof AccessDeniedException) {
            return new ParseException(shown(name) + ": permission denied");
        }
        if (e instanceof FileSystemException f) {
            return new ParseException(shown(name) + ": cannot read (" + reason(f.getReason(), f) + ")");
        }
        return new ParseException(shown(name) + ": cannot read (" + reason(e.getMessage(), e) + ")");
    }

    private static InputFailure decompressFailure(String name, String format, Exception e) {
        if (e instanceof InputFailure f) {
            return f;
        }
        if (e instanceof EOFException) {
            return new InputFailure(shown(name) + ": truncated " + format + " data");
        }
        if (e instanceof ZipException || e instanceof org.tukaani.xz.XZFormatException || e instanceof org.tukaani.xz.CorruptedInputException) {
            return new InputFailure(shown(name) + ": corrupt " + format + " data");
        }
        return new InputFailure(shown(name) + ": corrupt " + format + " data (" + reason(e.getMessage(), e) + ")");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing with a better message
        }
    }

    /** Counts the bytes read from the input itself (before decompression), for progress. */
    private static final class Counting extends java.io.FilterInputStream {
        private volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = in.skip(n);
            count += Math.max(0, k);
            return k;
        }
    }

    /** At most {@code left} bytes of a regular file: the size it had when opened. */
    private static final class Limited extends java.io.FilterInputStream {
        private long left;

        Limited(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    /** Decompressed data whose failures read as the same one-line refusals as a whole-file read gives. */
    private static final class Decompressed extends java.io.FilterInputStream {
        private final String name;
        private final String format;

        Decompressed(String name, String format, InputStream in) {
            super(in);
            this.name = name;
            this.format = format;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException | RuntimeException e) {
                throw decompressFailure(name, format, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                throw decompressFailure(name, format, e);
            }
        }
    }

    /** The text's bytes, at most {@link #MAX_BYTES} of them: one more fails the read with {@code message}. */
    private static final class Capped extends java.io.FilterInputStream {
        private final String message;
        private long count;

        Capped(InputStream in, String message) {
            super(in);
            this.message = message;
        }

        /** Takes {@code head}, already read from the input, as read through here (it is the data's start). */
        byte[] skipCounted(byte[] head) throws IOException {
            byte[] b = readNBytes(head.length);
            return b;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++count > MAX_BYTES) {
                throw new InputFailure(message);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0 && (count += n) > MAX_BYTES) {
                throw new InputFailure(message);
            }
            return n;
        }
    }

    /** The embedded sample, opened as {@link #open} opens a file. */
    public static TextInput openSample() {
        return TextInput.of(SAMPLE_NAME, readSample());
    }

    /** Bytes as read from an input to text: decompressed, checked for binary data, decoded, as {@link #open} reads them. */
    public static String decode(String name, byte[] raw, boolean binaryAsText) throws ParseException {
        Counting counted = new Counting(new ByteArrayInputStream(raw));
        try {
            return drain(name, open(name, counted, raw.length, binaryAsText));
        } catch (InputFailure e) {
            throw new ParseException(e.getMessage());
        } catch (IOException e) {
            throw new ParseException(shown(name) + ": cannot read (" + reason(e.getMessage(), e) + ")");
        }
    }

    /** The whole text of an opened input, for callers that want it at once (small inputs, tests, benchmarks). */
    private static String drain(String name, TextInput in) throws ParseException {
        try (in) {
            StringBuilder text = new StringBuilder(in.size() > 0 ? (int) Math.min(in.size(), 1 << 26) : 1 << 16);
            char[] buf = new char[1 << 16];
            for (int n; (n = in.reader().read(buf)) > 0; ) {
                text.append(buf, 0, n);
            }
            return text.toString();
        } catch (InputFailure e) {
            throw new ParseException(e.getMessage());
        } catch (IOException e) {
            throw new ParseException(shown(name) + ": cannot read (" + reason(e.getMessage(), e) + ")");
        }
    }

    private static boolean isGzip(byte[] b) {
        return b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    /** xz's stream header magic: FD 37 7A 58 5A 00. */
    private static boolean isXz(byte[] b) {
        return b.length > 6 && (b[0] & 0xff) == 0xfd && b[1] == '7' && b[2] == 'z' && b[3] == 'X' && b[4] == 'Z' && b[5] == 0;
    }

    /**
     * Why the start of the data is not text, or null when it is: a vmcore or program (ELF), a kdump
     * file, only NULs, or control bytes in more than one in 20 of the other bytes of the first 64 KiB.
     */
    static String binaryReason(byte[] b) {
        if (b.length >= 4 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F') {
            return "an ELF file: a vmcore or a program; give crash's bt output instead";
        }
        if (startsWith(b, "KDUMP   ") || startsWith(b, "DISKDUMP")) {
            return "a kdump vmcore; give crash's bt output instead";
        }
        if (hasUtf16Bom(b)) {
            return null;
        }
        int n = Math.min(b.length, SNIFF);
        int nul = 0;
        int odd = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                nul++;
            } else if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1b && c != '\f' && c != '\b' && c != 0x0b)
                    || c == 0x7f) {
                odd++;
            }
        }
        // NULs alone do not make binary (zero-filled blocks in a log, UTF-16 without a mark, whose NULs
        // the line cleaner drops); text that is all NULs, or control bytes in more than one byte in 20
        // of the rest (random data has one in ten), does
        if (nul == n) {
            return "only NUL bytes";
        }
        return odd * 20L > n - nul ? "mostly control bytes" : null;
    }

    private static boolean startsWith(byte[] b, String magic) {
        if (b.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (b[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasUtf16Bom(byte[] b) {
        return b.length >= 2 && (((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) || ((b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff));
    }

    private static String reason(String message, Exception e) {
        String m = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return shown(m);
    }

    /** A name or reason as it may go into a one-line message: no control characters, no line breaks. */
    private static String shown(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) ? '?' : c);
        }
        return b.toString();
    }
}
