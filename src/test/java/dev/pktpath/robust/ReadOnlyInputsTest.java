package dev.pktpath.robust;

import dev.pktpath.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No command writes to its inputs or their folder: every command runs on read-only copies of real
 * reports (plain, gzip, xz, a name with blanks and a '#'), and the folder's listing, every file's
 * bytes, size, modification time and mode are the same afterwards. The tests run as root, which
 * read-only modes do not stop, so the comparison is what proves it, not the modes.
 */
class ReadOnlyInputsTest {
    /** path relative to the folder, then size, mtime, mode and SHA-256 of each entry (the folder itself too). */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                String mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toString();
                String content = Files.isRegularFile(p) ? sha256(Files.readAllBytes(p)) + " " + Files.size(p) : "dir";
                m.put(dir.relativize(p).toString(), mode + " " + mtime + " " + content);
            }
        }
        return m;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int cli(String... args) {
        return InProcessCli.run(args).status();
    }

    @Test
    void noCommandTouchesItsInputsOrTheirFolder(@TempDir Path tmp) throws Exception {
        Path ro = Files.createDirectory(tmp.resolve("inputs"));
        byte[] seed = Files.readAllBytes(Cli.SEED);
        Path plain = Files.write(ro.resolve("seed.txt"), seed);
        Path foreach = Files.copy(Corpus.ROOT.resolve("crash-bt/062-commit-bt-a-n-idle-x86_64.txt"), ro.resolve("odd name #2.txt"));
        Path oops = Files.copy(Corpus.FILES.stream().filter(p -> p.toString().contains("syzkaller")).findFirst().orElseThrow(),
                ro.resolve("console.log"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream o = new GZIPOutputStream(gz)) {
            o.write(seed);
        }
        Path gzip = Files.write(ro.resolve("seed.txt.gz"), gz.toByteArray());
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (XZOutputStream o = new XZOutputStream(xz, new LZMA2Options())) {
            o.write(seed);
        }
        Path xzip = Files.write(ro.resolve("seed.txt.xz"), xz.toByteArray());
        Path script = Files.writeString(tmp.resolve("script"), "traces\nbt\nregs\njourney\njson\ndiff 1 2\nquit\n");
        try (Stream<Path> all = Files.list(ro)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--r--r--"));
            }
        }
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        // mtimes are compared, so let the clock move on before anything runs
        Thread.sleep(20);
        Map<String, String> before = snapshot(ro);

        List<List<String>> commands = new ArrayList<>();
        for (Path p : List.of(plain, foreach, oops, gzip, xzip)) {
            String f = p.toString();
            commands.addAll(List.of(List.of("print", f), List.of("print", "--json", f), List.of("print", "--text", f),
                    List.of("journey", f), List.of("journey", "--json", f), List.of("cluster", f), List.of("cluster", "--json", f),
                    List.of(f), List.of("repl", "--script", script.toString(), f)));
        }
        commands.addAll(List.of(List.of("diff", plain.toString(), foreach + "#6"), List.of("diff", "--json", gzip.toString(), xzip.toString()),
                List.of("diff", foreach + "#1", foreach + "#6"), List.of("subsystems"), List.of("print", "--rules", plain.toString(), plain.toString())));
        for (List<String> c : commands) {
            cli(c.toArray(String[]::new));
        }
        // and through a child JVM, as a user runs it
        assertThat(Cli.run("print", plain.toString()).status()).isZero();
        assertThat(Cli.run("diff", gzip.toString(), xzip.toString()).status()).isZero();

        assertThat(snapshot(ro)).as("the input folder after %d commands", commands.size() + 2).isEqualTo(before);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwx------"));
    }
}
