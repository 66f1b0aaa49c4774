package dev.pktpath.parse;

import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.Trace;
import dev.pktpath.testing.CorpusFiles;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A UTF-8 input is cut into blocks as bytes and each block decoded on its own ({@link BlockParse}); that
 * must read exactly as the input decoded whole by a replacing decoder, the way it was read before, even
 * where the bytes are not valid UTF-8.
 */
class Utf8BlocksTest {
    @TempDir
    Path dir;

    /** Bytes of short lines: ASCII, line breaks, pieces of valid and broken multi-byte sequences. */
    @Provide
    Arbitrary<byte[]> textBytes() {
        int[] alphabet = {'a', ' ', '\n', '\r', 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xbf, 0xff,
                0xed, 0xa0, 0xc0};
        return Arbitraries.integers().between(0, alphabet.length - 1).list().ofMaxSize(80).map(l -> {
            byte[] b = new byte[l.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) alphabet[l.get(i)];
            }
            return b;
        });
    }

    @Property(tries = 3000)
    void piecesCutAfterLineBreaksDecodeAsTheWhole(@ForAll("textBytes") byte[] bytes, @ForAll long seed) throws IOException {
        java.util.Random r = new java.util.Random(seed);
        StringBuilder pieces = new StringBuilder();
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] == '\n' || bytes[i] == '\r') && r.nextBoolean()) {
                pieces.append(new String(bytes, from, i + 1 - from, StandardCharsets.UTF_8));
                from = i + 1;
            }
        }
        pieces.append(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8));
        assertThat(pieces.toString()).isEqualTo(decodedWhole(bytes));
    }

    @Property(tries = 500)
    void textGivenAsCharactersReadsBackAsItsUtf8(@ForAll("textBytes") byte[] bytes) throws IOException {
        String text = decodedWhole(bytes);
        assertThat(TextInput.of("x", text).utf8().readAllBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Text in memory reads as {@link String#getBytes} encodes it, in reads of any size (a lone surrogate: {@code ?}). */
    @Property(tries = 1000)
    void textInMemoryReadsAsGetBytes(@ForAll @net.jqwik.api.constraints.Chars({'a', '\n', '\u00e9', '\u20ac', '\uD83D', '\uDE00'})
                                     @net.jqwik.api.constraints.StringLength(max = 60) String text,
                                     @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 9) int readSize) throws IOException {
        InputStream in = TextInput.of("x", text).utf8();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[readSize];
        for (int n; (n = in.read(buf, 0, readSize)) >= 0; ) {
            got.write(buf, 0, n);
        }
        assertThat(got.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLoneSurrogateFromAReaderBecomesAQuestionMarkAsGetBytesMakesIt() throws IOException {
        String text = "a\uD83D\uDE00b\uD800c\uDC00";
        Reader r = new java.io.StringReader(text);
        assertThat(new TextInput("x", r, -1, () -> 0).utf8().readAllBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo("a\uD83D\uDE00b?c?");
    }

    @Test
    void charactersAreEncodedAsTheReaderGivesThem() throws IOException {
        // a reader that gives one character a read, splitting the surrogate pair across reads
        String text = "x\uD83D\uDE00y\n";
        Reader slow = new Reader() {
            int pos;

            @Override
            public int read(char[] buf, int off, int len) {
                if (pos == text.length()) {
                    return -1;
                }
                buf[off] = text.charAt(pos++);
                return 1;
            }

            @Override
            public void close() {
            }
        };
        InputStream utf8 = new TextInput("slow", slow, -1, () -> 0).utf8();
        assertThat(utf8.read()).isEqualTo('x');
        assertThat(utf8.readAllBytes()).isEqualTo("\uD83D\uDE00y\n".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A file streamed in small blocks of bytes gives the traces and notes that its text, decoded whole
     * with replacement, gives: every corpus file, with a line of broken and non-ASCII bytes put in
     * after every few lines.
     */
    @Test
    void filesWithBrokenBytesStreamAsTheirDecodedText() throws Exception {
        byte[] odd = {'\t', (byte) 0xc3, (byte) 0xa9, ' ', (byte) 0xe2, (byte) 0x82, ' ', (byte) 0xff, 'z', '\n'};
        for (Path p : CorpusFiles.stream().toList()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int line = 0;
            for (byte b : Files.readAllBytes(p)) {
                out.write(b);
                if (b == '\n' && ++line % 7 == 0) {
                    out.write(odd);
                }
            }
            Path f = dir.resolve("dump.txt");
            Files.write(f, out.toByteArray());
            String text = decodedWhole(out.toByteArray());
            DumpParser small = new DumpParser(2_000, 2);
            var whole = small.parse(f.toString(), text);
            List<Trace> streamed = new ArrayList<>();
            List<Diagnostic> outside;
            try (TextInput in = InputReader.open(f.toString(), null, true)) {
                outside = small.stream(f.toString(), in, streamed::add, ParseListener.NONE);
            }
            assertThat(streamed).as(p.toString()).isEqualTo(whole.traces());
            assertThat(outside).as(p.toString()).isEqualTo(whole.diagnostics());
        }
    }

    private static String decodedWhole(byte[] bytes) throws IOException {
        Reader r = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        StringWriter w = new StringWriter();
        r.transferTo(w);
        return w.toString();
    }
}
