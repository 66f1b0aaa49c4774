package dev.pktpath.robust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every kind of input through the real command line in a child JVM: each gives the documented exit
 * status and, on failure, exactly one line on stderr naming the input and the reason, never a stack trace.
 */
class InputsCliTest {
    static byte[] seed() throws IOException {
        return Files.readAllBytes(Cli.SEED);
    }

    /** A failure as the contract says: the status, one stderr line naming the input and the reason, nothing on stdout. */
    static void assertRefused(Cli.Result r, int status, String name, String reason) {
        assertThat(r.timedOut()).as("finished").isFalse();
        assertThat(r.noStackTrace()).as("no stack trace in: %s", r.err()).isTrue();
        assertThat(r.status()).as("exit status; stderr: %s", r.err()).isEqualTo(status);
        assertThat(r.err().lines().toList()).as("stderr").hasSize(1);
        assertThat(r.err()).startsWith("pktpath-tui: " + name + ": ").contains(reason);
        assertThat(r.out()).isEmpty();
    }

    static void assertPrintsSeed(Cli.Result r) {
        assertThat(r.timedOut()).isFalse();
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("skb_clone").contains("bnx2_poll_work");
    }

    @Test
    void missingFileAndDirectoryAreOneLineExitOne(@TempDir Path dir) {
        String missing = dir.resolve("nope.txt").toString();
        for (String cmd : List.of("print", "journey", "cluster")) {
            assertRefused(Cli.run(cmd, missing), 1, missing, "no such file");
        }
        assertRefused(Cli.run("diff", missing, Cli.SEED.toString()), 2, missing, "no such file");
        assertRefused(Cli.run("print", dir.toString()), 1, dir.toString(), "is a directory");
    }

    @Test
    void emptyFileAndTextWithoutBacktraceAreExitOne(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.log"));
        assertRefused(Cli.run("print", empty.toString()), 1, empty.toString(), "empty input");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "nothing to see here\n");
        assertRefused(Cli.run("print", notes.toString()), 1, notes.toString(), "no backtrace found");
    }

    @Test
    void stdinIsReadWithDash() throws IOException {
        assertPrintsSeed(Cli.run(seed(), "print", "-"));
        assertRefused(Cli.run(new byte[0], "print", "-"), 1, "-", "empty input");
    }

    @Test
    void fifoIsReadToItsEndOnceAWriterComes(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("console.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo unavailable");
        byte[] seed = seed();
        Thread writer = new Thread(() -> {
            // opening a FIFO for writing waits for the reader, as a shell's <(dmesg) does
            try (OutputStream o = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
                for (int i = 0; i < seed.length; i += 1000) {
                    o.write(seed, i, Math.min(1000, seed.length - i));
                    o.flush();
                    Thread.sleep(5);
                }
            } catch (IOException | InterruptedException e) {
                // reader went away
            }
        });
        writer.setDaemon(true);
        writer.start();
        assertPrintsSeed(Cli.run("print", fifo.toString()));
        writer.join(5000);
    }

    @Test
    void processSubstitutionIsReadLikeAFile() throws IOException {
        List<String> cmd = List.of("bash", "-c", "exec \"$@\" print <(cat " + Cli.SEED + ")", "bash");
        List<String> full = new java.util.ArrayList<>(cmd);
        full.addAll(Cli.javaCommand());
        assertPrintsSeed(Cli.run(full, null, Map.of(), 60));
    }

    @Test
    void gzipAndXzAreReadTransparentlyWhateverTheirName(@TempDir Path dir) throws IOException {
        String plain = Cli.run("print", "--json", Cli.SEED.toString()).out();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream o = new GZIPOutputStream(gz)) {
            o.write(seed());
        }
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (XZOutputStream o = new XZOutputStream(xz, new LZMA2Options())) {
            o.write(seed());
        }
        Path g = Files.write(dir.resolve("dump.txt.gz"), gz.toByteArray());
        Path x = Files.write(dir.resolve("dump.log"), xz.toByteArray());
        // the JSON names its source; everything else is the same document
        assertThat(Cli.run("print", "--json", g.toString()).out().replace(g.toString(), "S"))
                .isEqualTo(plain.replace(Cli.SEED.toString(), "S"));
        assertThat(Cli.run("print", "--json", x.toString()).out().replace(x.toString(), "S"))
                .isEqualTo(plain.replace(Cli.SEED.toString(), "S"));
        assertPrintsSeed(Cli.run(xz.toByteArray(), "print", "-"));

        Path corrupt = Files.write(dir.resolve("bad.gz"), new byte[]{0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertRefused(Cli.run("print", corrupt.toString()), 1, corrupt.toString(), "gzip data");
        byte[] half = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        Path truncated = Files.write(dir.resolve("half.gz"), half);
        assertRefused(Cli.run("print", truncated.toString()), 1, truncated.toString(), "truncated gzip data");
        byte[] xhalf = Arrays.copyOf(xz.toByteArray(), xz.size() / 2);
        Path xtruncated = Files.write(dir.resolve("half.xz"), xhalf);
        assertRefused(Cli.run("print", xtruncated.toString()), 1, xtruncated.toString(), "xz data");
    }

    @Test
    void binaryIsRefusedUnlessTextIsAsked(@TempDir Path dir) throws IOException {
        Path elf = Files.write(dir.resolve("vmcore"), new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        assertRefused(Cli.run("print", elf.toString()), 1, elf.toString(), "binary data (an ELF file");
        // a seed wrapped in a mostly binary blob: refused, then read with --text
        byte[] junk = new byte[20_000];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i % 7 == 0 ? '\n' : i % 31);
        }
        byte[] blob = concat(junk, seed());
        Path bin = Files.write(dir.resolve("blob.bin"), blob);
        Cli.Result refused = Cli.run("print", bin.toString());
        assertRefused(refused, 1, bin.toString(), "binary data");
        assertThat(refused.err()).contains("--text");
        assertPrintsSeed(Cli.run("print", "--text", bin.toString()));
        // a log with a zero-filled block (a file system after a crash) is still text
        byte[] holes = concat(new byte[4096], seed());
        Path log = Files.write(dir.resolve("messages"), holes);
        assertPrintsSeed(Cli.run("print", log.toString()));
    }

    @Test
    void endlessDevicesEndWithAMessage() {
        assertRefused(Cli.run("print", "/dev/zero"), 1, "/dev/zero", "binary data");
        assertRefused(Cli.run("print", "/dev/urandom"), 1, "/dev/urandom", "binary data");
    }

    @Test
    void unreadableProcFileIsACleanReadError() {
        // root can open /proc/self/mem but reading its first page fails with EIO: an I/O error, not a crash
        Cli.Result r = Cli.run("print", "/proc/self/mem");
        assertRefused(r, 1, "/proc/self/mem", "cannot read");
    }

    @Test
    void growingFileIsReadAsItWasWhenOpened(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("growing.log"), seed());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong appended = new AtomicLong();
        Thread writer = new Thread(() -> {
            byte[] line = "[ 9999.000000] still writing while it is read\n".getBytes(StandardCharsets.US_ASCII);
            try (OutputStream o = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
                while (!stop.get()) {
                    o.write(line);
                    appended.addAndGet(line.length);
                }
            } catch (IOException e) {
                // test over
            }
        });
        writer.setDaemon(true);
        writer.start();
        try {
            while (appended.get() < 1_000_000) {
                Thread.sleep(10);
            }
            Cli.Result r = Cli.run("print", log.toString());
            assertThat(r.timedOut()).isFalse();
            assertThat(r.status()).isZero();
            assertThat(r.noStackTrace()).isTrue();
            assertThat(r.out()).contains("skb_clone");
        } finally {
            stop.set(true);
            writer.join(5000);
        }
    }

    @Test
    void permissionDeniedIsOneLineExitOne(@TempDir Path dir) throws Exception {
        Path secret = Files.write(dir.resolve("secret.txt"), seed());
        Files.setPosixFilePermissions(secret, java.util.Set.of());
        // root reads a mode-000 file anyway; drop the capabilities that let it, as setpriv can
        List<String> cmd = new java.util.ArrayList<>();
        if (isRoot()) {
            cmd.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search",
                    "--inh-caps=-dac_override,-dac_read_search"));
        }
        cmd.addAll(Cli.javaCommand("print", secret.toString()));
        Cli.Result r = Cli.run(cmd, null, Map.of(), 60);
        assumeTrue(!r.out().contains("skb_clone"),
                "this user can read a mode-000 file (root without setpriv); permission errors cannot be provoked here");
        assumeTrue(!r.err().contains("setpriv:"), "setpriv could not drop capabilities here: " + r.err());
        assertRefused(r, 1, secret.toString(), "permission denied");
    }

    @Test
    void fileNamesAreSanitisedInMessages(@TempDir Path dir) {
        String evil = dir.resolve("x\u001b]0;pwned\u0007\u001b[2J.txt").toString();
        Cli.Result r = Cli.run("print", evil);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("\u001b").doesNotContain("\u0007").contains("no such file");
        assertThat(r.err().lines()).hasSize(1);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
