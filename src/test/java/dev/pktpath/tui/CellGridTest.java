package dev.pktpath.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellGridTest {
    private static String row(DefaultVirtualTerminal t, int y, int w) {
        StringBuilder b = new StringBuilder();
        for (int x = 0; x < w; x++) {
            b.append(t.getCharacter(x, y).getCharacterString());
        }
        return b.toString();
    }

    @Test
    void subViewsClipAndStylesReachTheScreen() throws Exception {
        DefaultVirtualTerminal term = new DefaultVirtualTerminal(new TerminalSize(12, 3));
        TerminalScreen screen = new TerminalScreen(term);
        screen.startScreen();
        CellGrid grid = new CellGrid(12, 3, null, false);
        TextGraphics area = grid.graphics().newTextGraphics(new TerminalPosition(2, 1), new TerminalSize(5, 1));
        area.setForegroundColor(TextColor.ANSI.RED);
        area.enableModifiers(SGR.REVERSE);
        area.putString(0, 0, "abcdefgh");
        area.putString(0, 1, "below the view");
        grid.flushTo(screen, null);
        screen.refresh(Screen.RefreshType.COMPLETE);
        assertThat(row(term, 1, 12)).isEqualTo("  abcde     ");
        assertThat(row(term, 2, 12)).isBlank();
        assertThat(term.getCharacter(2, 1).getForegroundColor()).isEqualTo(TextColor.ANSI.RED);
        assertThat(term.getCharacter(2, 1).isReversed()).isTrue();
        assertThat(term.getCharacter(7, 1).isReversed()).isFalse();

        // the next frame changes one cell; the rest stays as it was
        CellGrid next = new CellGrid(12, 3, grid, false);
        TextGraphics a2 = next.graphics().newTextGraphics(new TerminalPosition(2, 1), new TerminalSize(5, 1));
        a2.setForegroundColor(TextColor.ANSI.RED);
        a2.enableModifiers(SGR.REVERSE);
        a2.putString(0, 0, "abXde");
        next.flushTo(screen, grid);
        screen.refresh();
        assertThat(row(term, 1, 12)).isEqualTo("  abXde     ");
    }

    @Test
    void wideAndControlCharactersBecomeOneColumnQuestionMarks() throws Exception {
        DefaultVirtualTerminal term = new DefaultVirtualTerminal(new TerminalSize(10, 1));
        TerminalScreen screen = new TerminalScreen(term);
        screen.startScreen();
        CellGrid grid = new CellGrid(10, 1, null, false);
        grid.graphics().putString(0, 0, "a漢\u0007ü─b");
        grid.flushTo(screen, null);
        screen.refresh(Screen.RefreshType.COMPLETE);
        assertThat(row(term, 0, 10)).isEqualTo("a??ü─b    ");
        CellGrid ascii = new CellGrid(10, 1, null, true);
        ascii.graphics().putString(0, 0, "a漢\u0007ü─b");
        ascii.flushTo(screen, null);
        screen.refresh(Screen.RefreshType.COMPLETE);
        assertThat(row(term, 0, 10)).isEqualTo("a????b    ");
    }
}
