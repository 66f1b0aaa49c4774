package dev.pktpath.robust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code pktpath-tui} in a child JVM, as a user would, with the test's own classpath: the only
 * way to see what really reaches stderr (a stack trace printed by the JVM itself) and the exit status.
 */
final class Cli {
    static final Path SEED = Path.of("src/main/resources/dev/pktpath/seed-packet-path.txt");

    record Result(int status, String out, String err, boolean timedOut) {
        /** stderr has no Java stack trace in it. */
        boolean noStackTrace() {
            return !err.contains("\tat ") && !err.contains("Exception in thread") && !err.contains("Caused by:");
        }
    }

    private Cli() {
    }

    static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.pktpath.cli.Main");
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Result run(byte[] stdin, String... args) {
        return run(javaCommand(args), stdin, Map.of(), 60);
    }

    static Result run(String... args) {
        return run(javaCommand(args), null, Map.of(), 60);
    }

    /** Runs any command line (a wrapper such as setpriv or bash in front of java), killing it after the timeout. */
    static Result run(List<String> command, byte[] stdin, Map<String, String> env, int timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.environment().remove("COLUMNS");
        try {
            Process p = pb.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread to = pump(p.getInputStream(), out);
            Thread te = pump(p.getErrorStream(), err);
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException e) {
                // the program may exit without reading all of stdin
            }
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor();
            }
            to.join(5000);
            te.join(5000);
            return new Result(done ? p.exitValue() : -1, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8), !done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(to);
            } catch (IOException e) {
                // the child went away
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
