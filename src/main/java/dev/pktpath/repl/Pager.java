package dev.pktpath.repl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Shows long answers a screen at a time: {@code $PAGER} when set, else {@code less -R}. Runs only in
 * interactive sessions; the REPL has released the terminal's Ctrl-C before calling it.
 */
public interface Pager {
    /** Pages the text; false when no pager could run, so the caller prints the text instead. */
    boolean page(String text);

    /** For terminals that cannot page (tests, dumb terminals). */
    Pager NONE = text -> false;

    /** The user's pager from the environment, or {@code less -R} when it is on the PATH. */
    static Pager external(Function<String, String> env) {
        String configured = env.apply("PAGER");
        String command;
        if (configured != null && !configured.isBlank()) {
            command = configured;
        } else if (onPath(env.apply("PATH"), "less")) {
            command = "less -R";
        } else {
            return NONE;
        }
        return text -> run(command, text);
    }

    private static boolean onPath(String path, String program) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean run(String command, String text) {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = pb.environment();
        // less: keep colours, and leave the text on the screen after q, as git does
        env.putIfAbsent("LESS", "FRX");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return false;
        }
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the user quit the pager before reading everything: fine
        }
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
