package dev.pktpath.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of key bindings: key, the action it runs, and the label the help shows.
 * Dispatch and the help overlay both read it, so the help cannot drift from what the keys do.
 */
final class KeyMap {
    /** One binding. {@code ch} is set for character keys, {@code type} for special keys. */
    record Binding(String label, KeyType type, Character ch, boolean ctrl, Action action) {
        boolean matches(KeyStroke k) {
            if (k.isAltDown()) {
                return false;
            }
            if (ch != null) {
                return k.getKeyType() == KeyType.Character && k.getCharacter() != null
                        && k.getCharacter() == ch.charValue() && k.isCtrlDown() == ctrl;
            }
            return k.getKeyType() == type && (!ctrl || k.isCtrlDown());
        }
    }

    private final List<Binding> bindings = new ArrayList<>();

    /** The explorer's keys: less, vim and tig habits. */
    static KeyMap standard() {
        KeyMap m = new KeyMap();
        m.ch("j", 'j', Action.DOWN).key("Down", KeyType.ArrowDown, Action.DOWN);
        m.ch("k", 'k', Action.UP).key("Up", KeyType.ArrowUp, Action.UP);
        m.key("PgDn", KeyType.PageDown, Action.PAGE_DOWN).ctrl("Ctrl-F", 'f', Action.PAGE_DOWN).ch("Space", ' ', Action.PAGE_DOWN);
        m.key("PgUp", KeyType.PageUp, Action.PAGE_UP).ctrl("Ctrl-B", 'b', Action.PAGE_UP);
        m.ch("g", 'g', Action.TOP).key("Home", KeyType.Home, Action.TOP);
        m.ch("G", 'G', Action.BOTTOM).key("End", KeyType.End, Action.BOTTOM);
        m.key("Tab", KeyType.Tab, Action.NEXT_PANE);
        m.key("Shift-Tab", KeyType.ReverseTab, Action.PREV_PANE);
        m.key("Enter", KeyType.Enter, Action.OPEN);
        m.ch("[", '[', Action.PREV_TRACE);
        m.ch("]", ']', Action.NEXT_TRACE);
        m.ch("b", 'b', Action.TOGGLE_BUCKETS);
        m.ch("m", 'm', Action.MARK_TRACE);
        m.ch("d", 'd', Action.DIFF_MARKED);
        m.ch("K", 'K', Action.PREV_STAGE).ch("{", '{', Action.PREV_STAGE);
        m.ch("J", 'J', Action.NEXT_STAGE).ch("}", '}', Action.NEXT_STAGE);
        m.ch("/", '/', Action.SEARCH);
        m.ch("n", 'n', Action.SEARCH_NEXT);
        m.ch("N", 'N', Action.SEARCH_PREV);
        m.ch("f", 'f', Action.FILTER);
        m.ch("F", 'F', Action.CLEAR_FILTER);
        m.ch(":", ':', Action.COMMAND);
        m.ch("?", '?', Action.HELP).ch("h", 'h', Action.HELP).key("F1", KeyType.F1, Action.HELP);
        m.key("Esc", KeyType.Escape, Action.CLOSE);
        m.ch("q", 'q', Action.QUIT).ctrl("Ctrl-C", 'c', Action.QUIT);
        return m;
    }

    /**
     * The diff view's keys (:diff A B): it scrolls both sides together and jumps between
     * differences, so n/N and ]/[ mean next/previous difference there, not search or trace.
     */
    static KeyMap diffView() {
        KeyMap m = new KeyMap();
        m.ch("j", 'j', Action.DOWN).key("Down", KeyType.ArrowDown, Action.DOWN);
        m.ch("k", 'k', Action.UP).key("Up", KeyType.ArrowUp, Action.UP);
        m.key("PgDn", KeyType.PageDown, Action.PAGE_DOWN).ctrl("Ctrl-F", 'f', Action.PAGE_DOWN).ch("Space", ' ', Action.PAGE_DOWN);
        m.key("PgUp", KeyType.PageUp, Action.PAGE_UP).ctrl("Ctrl-B", 'b', Action.PAGE_UP);
        m.ch("g", 'g', Action.TOP).key("Home", KeyType.Home, Action.TOP);
        m.ch("G", 'G', Action.BOTTOM).key("End", KeyType.End, Action.BOTTOM);
        m.ch("n", 'n', Action.NEXT_CHANGE).ch("]", ']', Action.NEXT_CHANGE);
        m.ch("N", 'N', Action.PREV_CHANGE).ch("[", '[', Action.PREV_CHANGE);
        m.ch("?", '?', Action.HELP).key("F1", KeyType.F1, Action.HELP);
        m.key("Esc", KeyType.Escape, Action.CLOSE).ch("q", 'q', Action.CLOSE);
        m.ctrl("Ctrl-C", 'c', Action.QUIT);
        return m;
    }

    private KeyMap ch(String label, char c, Action a) {
        bindings.add(new Binding(label, null, c, false, a));
        return this;
    }

    private KeyMap ctrl(String label, char c, Action a) {
        bindings.add(new Binding(label, null, c, true, a));
        return this;
    }

    private KeyMap key(String label, KeyType t, Action a) {
        bindings.add(new Binding(label, t, null, false, a));
        return this;
    }

    Optional<Action> lookup(KeyStroke k) {
        for (Binding b : bindings) {
            if (b.matches(k)) {
                return Optional.of(b.action());
            }
        }
        return Optional.empty();
    }

    List<Binding> bindings() {
        return List.copyOf(bindings);
    }

    /** Each action with the labels of all its keys, in {@link Action} order: the help overlay's body. */
    Map<Action, List<String>> keysByAction() {
        Map<Action, List<String>> m = new LinkedHashMap<>();
        for (Action a : Action.values()) {
            List<String> labels = new ArrayList<>();
            for (Binding b : bindings) {
                if (b.action() == a) {
                    labels.add(b.label());
                }
            }
            if (!labels.isEmpty()) {
                m.put(a, labels);
            }
        }
        return m;
    }
}
