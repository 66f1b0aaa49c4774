package dev.pktpath.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether standard output or standard error is a terminal. Java 17 has no isatty: {@link System#console()}
 * needs stdin and stdout both, so it cannot tell {@code print big.txt > out.txt} (stderr on a terminal)
 * from {@code print big.txt 2> log} (not). On Linux, {@code /proc/self/fd/N} links to the device
 * ({@code /dev/pts/3}, {@code /dev/tty1}); where there is no such link (macOS, the BSDs),
 * {@code sh -c 'test -t N'} is asked, with the descriptor handed down.
 */
final class Tty {
    private static volatile Boolean stdout;
    private static volatile Boolean stderr;

    private Tty() {
    }

    static boolean stdout() {
        Boolean b = stdout;
        if (b == null) {
            b = probe(1);
            stdout = b;
        }
        return b;
    }

    static boolean stderr() {
        Boolean b = stderr;
        if (b == null) {
            b = probe(2);
            stderr = b;
        }
        return b;
    }

    private static boolean probe(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.isSymbolicLink(link)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(link).toString());
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // fall through to asking the shell
            }
        }
        return askShell(fd);
    }

    /** The devices a terminal is opened as: pseudo-terminals, virtual consoles and serial lines, the console. */
    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty") || path.equals("/dev/console");
    }

    private static boolean askShell(int fd) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "test -t " + fd)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(fd == 1 ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD)
                    .redirectError(fd == 2 ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroy();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException | SecurityException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
