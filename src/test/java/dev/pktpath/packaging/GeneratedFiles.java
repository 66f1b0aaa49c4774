package dev.pktpath.packaging;

import dev.pktpath.cli.Main;
import dev.pktpath.session.CommandRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The checked-in files generated from the live command model, by path relative to the project root. */
final class GeneratedFiles {
    static final Path TEMPLATE = Path.of("src/main/man/pktpath-tui.1.in");

    private GeneratedFiles() {
    }

    static Map<Path, String> render() throws IOException {
        CliModel m = CliModel.of(Main.commandLine());
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(Path.of("completions/pktpath-tui.bash"), BashCompletion.write(m));
        files.put(Path.of("completions/_pktpath-tui"), ZshCompletion.write(m));
        files.put(Path.of("completions/pktpath-tui.fish"), FishCompletion.write(m));
        files.put(Path.of("man/pktpath-tui.1"), ManPage.write(Files.readString(TEMPLATE, StandardCharsets.UTF_8),
                m, version(), CommandRegistry.standard().commands()));
        return files;
    }

    static String version() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/dev/pktpath/version.properties")) {
            p.load(in);
        }
        return p.getProperty("version");
    }

    /** Writes every file; run by GeneratedFilesTest with -Dpackaging.refresh=true, or directly. */
    public static void main(String[] args) throws IOException {
        for (Map.Entry<Path, String> e : render().entrySet()) {
            Files.createDirectories(e.getKey().toAbsolutePath().getParent());
            Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + e.getKey());
        }
    }
}
