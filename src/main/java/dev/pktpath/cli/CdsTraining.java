package dev.pktpath.cli;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.pktpath.analysis.Analyzer;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.Session;
import dev.pktpath.tui.Explorer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The training run for the class-data sharing archive (bin/pktpath-tui runs it when install.sh sets
 * PKTPATH_TUI_CDS_DUMP). It does, on nothing, the work of the first outputs users wait for, so that
 * the JVM archives every class they load: --version, {@code print --sample} and {@code --json}
 * ({@link QuickArgs}), {@code journey --sample} (picocli's model, which the other commands build),
 * then the explorer's first screen on the sample, drawn on Lanterna's virtual
 * terminal (there is no real terminal at install time) and quit with {@code q}.
 */
final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        new Main.Version().getVersion();
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        // print read by QuickArgs, then through picocli (journey) for the commands that still build its model
        for (String[] line : new String[][]{{"print", "--sample"}, {"print", "--json", "--sample"},
                {"journey", "--sample"}}) {
            Main.execute(line, none, none);
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
}
