package dev.pktpath.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.ScreenInfoAction;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.pktpath.session.CommandRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quitting just after a resize: the terminal's late answer to a size query (a cursor position report)
 * is read by the explorer, not left for the shell, where it showed as {@code ;100R} at the prompt.
 */
class ExplorerQuitTest {
    @Test
    void aLateSizeReplyAfterQuittingIsReadBeforeTheTerminalIsGivenBack() throws IOException {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        // the reply arrives right after q was read: the explorer has stopped reading keys by then
        TerminalScreen screen = new TerminalScreen(terminal) {
            @Override
            public KeyStroke pollInput() throws IOException {
                KeyStroke k = super.pollInput();
                if (k != null && k.getCharacter() != null && k.getCharacter() == 'q') {
                    terminal.addInput(new ScreenInfoAction(new TerminalPosition(99, 29)));
                }
                return k;
            }
        };
        screen.startScreen();
        Explorer explorer = new Explorer(screen, Fixtures.seed(false, false), CommandRegistry.standard());
        terminal.setTerminalSize(new TerminalSize(80, 24));
        terminal.addInput(new KeyStroke('q', false, false));
        explorer.run();
        assertThat(explorer.isDone()).isTrue();
        assertThat(terminal.pollInput()).as("what the terminal sent after q").isNull();
    }
}
