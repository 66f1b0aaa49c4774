package dev.pktpath.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The explorer on Lanterna's virtual terminal: keys in, screen rows out, one {@link Explorer#step()} per call. */
final class VirtualScreen {
    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final Explorer explorer;

    VirtualScreen(Session session, int width, int height) {
        try {
            terminal = new DefaultVirtualTerminal(new TerminalSize(width, height));
            screen = new TerminalScreen(terminal);
            screen.startScreen();
            // as Main does for a dump named on the command line
            TerminalExplorer.selectCrashingTrace(session);
            explorer = new Explorer(screen, session, CommandRegistry.standard());
            explorer.draw(true);
            if (explorer.state.background.busy()) {
                explorer.settle(10_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Types each character of {@code keys} as a key press (newline = Enter, tab = Tab), then lets the explorer handle them. */
    VirtualScreen type(String keys) {
        for (char c : keys.toCharArray()) {
            terminal.addInput(c == '\n' ? new KeyStroke(KeyType.Enter) : c == '\t' ? new KeyStroke(KeyType.Tab)
                    : new KeyStroke(c, false, false));
        }
        return step();
    }

    VirtualScreen press(KeyType type) {
        terminal.addInput(new KeyStroke(type));
        return step();
    }

    VirtualScreen ctrl(char c) {
        terminal.addInput(new KeyStroke(c, true, false));
        return step();
    }

    VirtualScreen shiftTab() {
        terminal.addInput(new KeyStroke(KeyType.ReverseTab));
        return step();
    }

    /** Types a whole {@code :} (or {@code /}, {@code f}) line and Enter. */
    VirtualScreen line(String text) {
        type(text);
        return press(KeyType.Enter);
    }

    VirtualScreen resize(int width, int height) {
        terminal.setTerminalSize(new TerminalSize(width, height));
        return step();
    }

    /** One step, then (when a search or a rebuild went to the background) wait for it and show its result. */
    VirtualScreen step() {
        try {
            explorer.step();
            if (explorer.busy()) {
                explorer.settle(10_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The screen as the user sees it, one string per row, trailing blanks trimmed. */
    List<String> rows() {
        TerminalSize size = terminal.getTerminalSize();
        List<String> rows = new ArrayList<>();
        for (int y = 0; y < size.getRows(); y++) {
            StringBuilder b = new StringBuilder();
            for (int x = 0; x < size.getColumns(); x++) {
                TextCharacter c = terminal.getCharacter(x, y);
                b.append(c == null ? " " : c.getCharacterString());
            }
            rows.add(b.toString().stripTrailing());
        }
        return rows;
    }

    String text() {
        return String.join("\n", rows());
    }

    String row(int y) {
        return rows().get(y);
    }

    String status() {
        List<String> r = rows();
        return r.get(r.size() - 1);
    }

    String title() {
        return row(0);
    }

    /** The first row containing {@code needle}, or null. */
    String rowWith(String needle) {
        for (String r : rows()) {
            if (r.contains(needle)) {
                return r;
            }
        }
        return null;
    }

    /** The frames pane's part of each row (the whole row when the panes are stacked). */
    List<String> framesPane() {
        int w = terminal.getTerminalSize().getColumns();
        int right = w >= Layout.WIDE ? w * 57 / 100 + 1 : w;
        List<String> out = new ArrayList<>();
        for (String r : rows()) {
            out.add(r.length() > right ? r.substring(0, right) : r);
        }
        return out;
    }

    /** The frames-pane row showing {@code needle} (e.g. "#23 " or a function name), or null. */
    String frame(String needle) {
        for (String r : framesPane()) {
            if (r.contains(needle)) {
                return r;
            }
        }
        return null;
    }

    boolean isSelected(String needle) {
        String r = frame(needle);
        return r != null && r.length() > 1 && r.charAt(1) == '>';
    }

    TextCharacter at(int x, int y) {
        return terminal.getCharacter(x, y);
    }
}
