package dev.pktpath.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryFileTest {
    @Test
    void underXdgStateHomeWhenSet() {
        Path p = HistoryFile.resolve(Map.of("XDG_STATE_HOME", "/var/tmp/state")::get, "/home/u");
        assertThat(p).isEqualTo(Path.of("/var/tmp/state/pktpath-tui/history"));
    }

    @Test
    void underDotLocalStateByDefaultAndWhenTheVariableIsRelative() {
        assertThat(HistoryFile.resolve(Map.<String, String>of()::get, "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/state/pktpath-tui/history"));
        assertThat(HistoryFile.resolve(Map.of("XDG_STATE_HOME", "relative/state")::get, "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/state/pktpath-tui/history"));
    }

    @Test
    void createsFoldersAndFileForTheUserOnly(@TempDir Path dir) throws Exception {
        Path file = HistoryFile.resolve(Map.of("XDG_STATE_HOME", dir.resolve("state").toString())::get, "/nonexistent");
        HistoryFile.prepare(file);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state")))).isEqualTo("rwx------");
    }

    @Test
    void leavesAnExistingFileAsItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pktpath-tui/history");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "1:load x\n");
        HistoryFile.prepare(file);
        assertThat(Files.readString(file)).isEqualTo("1:load x\n");
    }
}
