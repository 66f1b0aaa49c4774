package dev.pktpath.repl;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;

/**
 * Where the REPL keeps its history: {@code $XDG_STATE_HOME/pktpath-tui/history}, by default
 * {@code ~/.local/state/pktpath-tui/history}. History can hold paths and search terms from
 * private dumps, so the folders we create are {@code rwx------} and the file {@code rw-------}.
 */
public final class HistoryFile {
    private HistoryFile() {
    }

    /**
     * @param env  reads an environment variable ({@code System::getenv}; tests pass their own)
     * @param home the user's home folder
     */
    public static Path resolve(Function<String, String> env, String home) {
        String state = env.apply("XDG_STATE_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute()
                ? Path.of(state)
                : Path.of(home, ".local", "state");
        return base.resolve("pktpath-tui").resolve("history");
    }

    /** Creates the missing folders and the file with user-only permissions; existing ones are left alone. */
    public static void prepare(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        createDirectories(dir);
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, attributes("rw-------"));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                // another REPL created it between the check and here: fine
            }
        }
    }

    private static void createDirectories(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir, attributes("rwx------"));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    private static FileAttribute<?> attributes(String perms) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms));
    }
}
