package dev.pktpath.cli;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.pktpath.analysis.Analyzer;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.Session;
import dev.pktpath.tui.Explorer;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.jar.JarFile;

/**
 * The training run for the class-data sharing archive (bin/pktpath-tui runs it when install.sh sets
 * PKTPATH_TUI_CDS_DUMP). It does, on nothing, the work of the first outputs users wait for, so that
 * the JVM archives every class they load: --version, {@code print --sample} and {@code --json}
 * ({@link QuickArgs}), {@code journey --sample} (picocli's model, which the other commands build),
 * {@code cluster} of the sample on stdin,
 * then the explorer's first screen on the sample, drawn on Lanterna's virtual
 * terminal (there is no real terminal at install time) and quit with {@code q}.
 */
final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        new Main.Version().getVersion();
        // what java -jar does before main (the training runs with -cp): read the jar's manifest
        try (JarFile jar = new JarFile(jarFile())) {
            jar.getManifest();
        }
        new java.io.RandomAccessFile(jarFile(), "r").close(); // the launcher closes the jar it read
        // writers made as Main makes them, so that encoding the output (at its first flush) is trained too
        PrintWriter none = Main.writer(new PrintStream(OutputStream.nullOutputStream()), "sun.stdout.encoding");
        // print read by QuickArgs, then through picocli (journey) for the commands that still build its model
        for (String[] line : new String[][]{{"print", "--sample"}, {"print", "--json", "--sample"},
                {"journey", "--sample"}}) {
            Main.execute(line, none, none);
        }
        // cluster (which has no --sample) on the sample read from stdin: its classes (clustering, diff,
        // rendering, some 30) came from the jar at each start (issue 10)
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(
                    dev.pktpath.parse.InputReader.readSample().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Main.execute(new String[]{"cluster", "-"}, none, none);
        } finally {
            System.setIn(stdin);
        }
        Session session = new Session(Analyzer.builtIn());
        // as Main opens the sample: loaded in the background, so those classes are archived too
        Main.awaitFirstTraces(session.addLoading(Inputs.SAMPLE_SOURCE, dev.pktpath.parse.InputReader.openSample()), false);
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        terminal.addInput(new KeyStroke('q', false, false));
        new Explorer(screen, session, CommandRegistry.standard()).run();
        screen.stopScreen();
    }

    private static File jarFile() throws IOException {
        try {
            return new File(CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IOException("cannot find the jar: " + e.getMessage(), e);
        }
    }
}
