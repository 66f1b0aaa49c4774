package dev.pktpath.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads an input (a file, {@code -} for stdin, or the embedded sample) as text, read-only.
 * Refuses with a one-line reason what cannot be a text dump.
 */
public final class InputReader {
    public static final String SAMPLE_NAME = "seed-packet-path.txt";
    private static final String SAMPLE_RESOURCE = "/dev/pktpath/" + SAMPLE_NAME;

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

    public static String read(String name, InputStream stdin) throws ParseException {
        byte[] bytes;
        try {
            if (name.equals("-")) {
                bytes = stdin.readAllBytes();
            } else {
                Path p = Path.of(name);
                if (Files.isDirectory(p)) {
                    throw new ParseException(name + ": is a directory");
                }
                if (!Files.exists(p)) {
                    throw new ParseException(name + ": no such file");
                }
                try (InputStream in = Files.newInputStream(p)) {
                    bytes = in.readAllBytes();
                }
            }
        } catch (NoSuchFileException e) {
            throw new ParseException(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ParseException(name + ": permission denied");
        } catch (IOException e) {
            throw new ParseException(name + ": cannot read (" + e.getMessage() + ")");
        }
        if (isGzip(bytes)) {
            bytes = gunzip(name, bytes);
        }
        if (bytes.length == 0) {
            throw new ParseException(name + ": empty input");
        }
        if (looksBinary(bytes)) {
            throw new ParseException(name + ": binary data, not a text backtrace");
        }
        return decode(bytes);
    }

    private static boolean isGzip(byte[] b) {
        return b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(String name, byte[] bytes) throws ParseException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ParseException(name + ": corrupt gzip data");
        }
    }

    /** A NUL byte, or mostly non-text bytes in the first 8 KiB, means this is not a log. */
    static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, 8192);
        int odd = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1b && c != '\f') {
                odd++;
            }
        }
        return odd > n / 10;
    }

    /** UTF-8 when valid, else Latin-1, so any byte sequence still reads. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
