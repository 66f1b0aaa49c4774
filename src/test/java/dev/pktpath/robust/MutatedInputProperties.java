package dev.pktpath.robust;

import dev.pktpath.parse.InputReader;
import dev.pktpath.parse.ParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes, and real reports broken the ways logs break, go through reading, parsing, every analysis
 * and every rendering: the result is a dump (maybe without traces) or a one-line refusal, never an
 * exception, and no output carries a control character to the terminal. Tries are tuned to keep this
 * class within about half a minute.
 */
class MutatedInputProperties {
    /** A source name a hostile user could not choose, but a test can: every output that names it must stay clean. */
    static final String HOSTILE_SOURCE = "dump\u001b]0;title\u0007\u009b31m.txt";

    /** Reads like the CLI (binary refused unless forced), then runs everything; a refusal is a clean, one-line message. */
    static void readAndRunEverything(byte[] bytes, boolean force) {
        String text;
        try {
            text = InputReader.decode(HOSTILE_SOURCE, bytes, force);
        } catch (ParseException e) {
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\u001b").doesNotContain("\u0007");
            return;
        }
        Invariants.holdFor(Pipeline.run(HOSTILE_SOURCE, text));
    }

    @Property(tries = 300)
    void anyBytesYieldADumpOrACleanRefusal(@ForAll @Size(max = 3000) byte[] bytes) {
        readAndRunEverything(bytes, false);
        readAndRunEverything(bytes, true);
    }

    @Provide
    Arbitrary<byte[]> lineSoup() {
        // bytes drawn from the alphabet of backtraces, so the grammars get deep into their states
        Arbitrary<String> token = Arbitraries.of("#", "#1 ", "[", "]", "<", ">", "(", ")", " at ", "ffff88002820", "+0x1a/0x30",
                "PID: ", "TASK: ", "CPU: ", "COMMAND: ", "\"", "RIP: ", "RSP: ", "--- <IRQ stack> ---", "[exception RIP: ",
                "Call Trace:", "BUG: ", "Oops: ", "? ", " [bnx2]", "\n", "\r\n", "\r", "\t", " ", "\u001b[31m", "\u001b]52;c;",
                "\u0007", "\u0000", "\u009b", "\u00ff", "…", "skb_clone", "tcp_v4_rcv", "<IRQ>", "</IRQ>", "---[ end trace ",
                "R8: ", "X29: ", "pc : ", "lr : ", "GPR00: ", "Krnl PSW : ", "[  1.000000] ", "<4>", "> ");
        return token.list().ofMaxSize(300).map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void soupsOfBacktraceTokensYieldADump(@ForAll("lineSoup") byte[] bytes) {
        readAndRunEverything(bytes, true);
    }

    @Provide
    Arbitrary<Path> corpusFile() {
        return Arbitraries.of(Corpus.FILES);
    }

    @Property(tries = 250)
    void mutatedRealReportsYieldADump(@ForAll("corpusFile") Path file, @ForAll("corpusFile") Path other, @ForAll long seed) {
        byte[] mutated = mutate(Corpus.bytes(file), Corpus.bytes(other), new Random(seed));
        readAndRunEverything(mutated, false);
        readAndRunEverything(mutated, true);
    }

    /** One to four of the ways a log breaks, applied in turn. */
    static byte[] mutate(byte[] in, byte[] other, Random r) {
        byte[] b = in;
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n; k++) {
            b = switch (r.nextInt(8)) {
                case 0 -> truncate(b, r);
                case 1 -> flipBytes(b, r);
                case 2 -> duplicateLines(b, r);
                case 3 -> interleave(b, other, r);
                case 4 -> mixLineEnds(b, r);
                case 5 -> insert(b, r, new byte[][]{{(byte) 0xc3}, {(byte) 0xff, (byte) 0xfe}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        {(byte) 0xe2, (byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}});
                case 6 -> insert(b, r, new byte[][]{{0}, new byte[64], {0, 0, 0, 0}});
                default -> insert(b, r, new byte[][]{"\u001b[2J".getBytes(StandardCharsets.UTF_8),
                        "\u001b]52;c;aGk=\u0007".getBytes(StandardCharsets.UTF_8), "\u001b]0;x\u0007".getBytes(StandardCharsets.UTF_8),
                        {(byte) 0xc2, (byte) 0x9b, '3', '1', 'm'}, {0x07}, {0x1b}});
            };
        }
        return b;
    }

    static byte[] truncate(byte[] b, Random r) {
        return b.length == 0 ? b : java.util.Arrays.copyOf(b, r.nextInt(b.length));
    }

    static byte[] flipBytes(byte[] b, Random r) {
        byte[] c = b.clone();
        for (int i = 0; i < 1 + r.nextInt(16) && c.length > 0; i++) {
            c[r.nextInt(c.length)] ^= (byte) (1 + r.nextInt(255));
        }
        return c;
    }

    static List<byte[]> lines(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(b, start, i + 1));
                start = i + 1;
            }
        }
        if (start < b.length) {
            out.add(java.util.Arrays.copyOfRange(b, start, b.length));
        }
        return out;
    }

    static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        lines.forEach(o::writeBytes);
        return o.toByteArray();
    }

    static byte[] duplicateLines(byte[] b, Random r) {
        List<byte[]> l = lines(b);
        if (l.isEmpty()) {
            return b;
        }
        int from = r.nextInt(l.size());
        int to = Math.min(l.size(), from + 1 + r.nextInt(20));
        List<byte[]> copy = new ArrayList<>(l.subList(from, to));
        l.addAll(r.nextInt(l.size() + 1), copy);
        return join(l);
    }

    /** Two logs merged line by line at random, as two CPUs printing at once. */
    static byte[] interleave(byte[] b, byte[] other, Random r) {
        List<byte[]> a = lines(b);
        List<byte[]> c = lines(other);
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < c.size()) {
            if (j >= c.size() || (i < a.size() && r.nextBoolean())) {
                out.add(a.get(i++));
            } else {
                out.add(c.get(j++));
            }
        }
        return join(out);
    }

    static byte[] mixLineEnds(byte[] b, Random r) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte x : b) {
            if (x == '\n') {
                switch (r.nextInt(3)) {
                    case 0 -> o.write('\n');
                    case 1 -> o.writeBytes(new byte[]{'\r', '\n'});
                    default -> o.write('\r');
                }
            } else {
                o.write(x);
            }
        }
        return o.toByteArray();
    }

    static byte[] insert(byte[] b, Random r, byte[][] choices) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int times = 1 + r.nextInt(8);
        int[] at = new int[times];
        for (int k = 0; k < times; k++) {
            at[k] = b.length == 0 ? 0 : r.nextInt(b.length);
        }
        java.util.Arrays.sort(at);
        int prev = 0;
        for (int p : at) {
            o.write(b, prev, p - prev);
            o.writeBytes(choices[r.nextInt(choices.length)]);
            prev = p;
        }
        o.write(b, prev, b.length - prev);
        return o.toByteArray();
    }
}
