package dev.pktpath.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.pktpath.render.Sanitizer;
import dev.pktpath.session.SessionCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The boxes drawn over the panes: help (generated from the key map, the colour table and the
 * command registry, so it cannot drift), the selected frame's details, and the output of a
 * {@code :} command too long for the status line. Esc or q closes them.
 */
final class Overlays {
    private final KeyMap keys;
    private final KeyMap diffKeys;

    Overlays(KeyMap keys, KeyMap diffKeys) {
        this.keys = keys;
        this.diffKeys = diffKeys;
    }

    /** Help text: every key by group, then the colour legend, then the {@code :} commands. */
    List<String[]> helpLines(ViewState v, Theme t) {
        List<String[]> out = new ArrayList<>();
        String group = "";
        for (Map.Entry<Action, List<String>> e : keys.keysByAction().entrySet()) {
            if (!e.getKey().group.equals(group)) {
                group = e.getKey().group;
                out.add(new String[]{"", ""});
                out.add(new String[]{group, null});
            }
            out.add(new String[]{"  " + String.join(" ", e.getValue()), e.getKey().help});
        }
        out.add(new String[]{"", ""});
        out.add(new String[]{"Diff view (:diff A B, or m then d)", null});
        for (Map.Entry<Action, List<String>> e : diffKeys.keysByAction().entrySet()) {
            Action a = e.getKey();
            String what = switch (a) {
                case NEXT_CHANGE, PREV_CHANGE -> a.help;
                case CLOSE -> "close the diff view";
                case HELP -> "this help";
                case QUIT -> "quit";
                default -> a.help + " (both sides)";
            };
            out.add(new String[]{"  " + String.join(" ", e.getValue()), what});
        }
        out.add(new String[]{"", ""});
        out.add(new String[]{"Marks and colours", null});
        out.add(new String[]{"  >", "selected row (also in reverse video)"});
        out.add(new String[]{"  " + t.stageBar(), "frames of the selected frame's journey stage"});
        out.add(new String[]{"  ?", "frame crash marks unreliable"});
        out.add(new String[]{"  == ... ==", "exception frame, where crash prints it"});
        out.add(new String[]{"  value*", "register value pointing into the trace's stacks"});
        out.add(new String[]{"  XX crash", "the crash site in the journey"});
        for (Map.Entry<String, TextColor.ANSI> e : Theme.SUBSYSTEM_COLORS.entrySet()) {
            out.add(new String[]{"  " + e.getKey() + (e.getKey().equals("net") ? "-*" : ""),
                    "subsystem colour: " + e.getValue().name().toLowerCase().replace('_', ' ')});
        }
        out.add(new String[]{"  rx stages", "green;  tx stages: cyan;  crash and fault: red"});
        out.add(new String[]{"", ""});
        out.add(new String[]{"Commands (type : first)", null});
        for (SessionCommand c : v.commands.commands()) {
            out.add(new String[]{"  " + c.name() + (c.synopsis().isEmpty() ? "" : " " + c.synopsis()), c.summary()});
        }
        return out;
    }

    void draw(TextGraphics g, int w, int h, ViewState v, Theme t) {
        if (v.overlay == ViewState.Overlay.NONE) {
            return;
        }
        int bw = w;
        Rect box = new Rect((w - bw) / 2, 1, bw, h - 2);
        Rect in = box.inner();
        g.fillRectangle(new com.googlecode.lanterna.TerminalPosition(box.x(), box.y()),
                new com.googlecode.lanterna.TerminalSize(box.width(), box.height()), ' ');
        Borders.draw(g, w, h, List.of(box), t);
        String title = switch (v.overlay) {
            case HELP -> "Help: keys, colours, commands";
            case DETAILS -> "Details: " + detailsTitle(v);
            default -> Sanitizer.clean(v.outputTitle);
        };
        Text.put(g, box.x() + 2, box.y(), Text.cut("[" + title + "]", box.width() - 4, t), t.accent(), false, true);
        String hint = t.ascii ? " Esc/q close  j/k scroll " : " Esc/q close · j/k scroll ";
        if (box.width() > hint.length() + 4) {
            Text.put(g, box.x() + box.width() - hint.length() - 2, box.y() + box.height() - 1, hint, t.dim(), false, false);
        }
        TextGraphics area = g.newTextGraphics(new com.googlecode.lanterna.TerminalPosition(in.x(), in.y()),
                new com.googlecode.lanterna.TerminalSize(in.width(), in.height()));
        List<String[]> lines = switch (v.overlay) {
            case HELP -> helpLines(v, t);
            case DETAILS -> plain(DetailsPane.lines(v, in.width() - 2));
            default -> plain(v.output);
        };
        int top = Math.max(0, Math.min(v.overlayTop, lines.size() - in.height()));
        v.overlayTop = top;
        int keyWidth = 0;
        for (String[] l : lines) {
            if (l[1] != null && !l[1].isEmpty()) {
                keyWidth = Math.max(keyWidth, l[0].length());
            }
        }
        keyWidth = Math.min(keyWidth, 26);
        for (int y = 0; y < in.height() && top + y < lines.size(); y++) {
            String[] l = lines.get(top + y);
            if (l[1] == null) {
                Text.put(area, 1, y, Text.cut(l[0], in.width() - 1, t), t.accent(), false, true);
            } else if (v.overlay == ViewState.Overlay.HELP && !l[1].isEmpty()) {
                Text.put(area, 1, y, Text.fit(l[0], keyWidth, t), TextColor.ANSI.DEFAULT, false, true);
                Text.put(area, keyWidth + 3, y, Text.cut(l[1], Math.max(0, in.width() - keyWidth - 3), t),
                        legendColor(l[0].strip(), t), false, false);
            } else {
                Text.put(area, 1, y, Text.cut(l[0], in.width() - 1, t), TextColor.ANSI.DEFAULT, false, false);
            }
        }
    }

    private static TextColor legendColor(String key, Theme t) {
        String k = key.endsWith("-*") ? key.substring(0, key.length() - 2) : key;
        return Theme.SUBSYSTEM_COLORS.containsKey(k) ? t.subsystemColor(k) : TextColor.ANSI.DEFAULT;
    }

    private static String detailsTitle(ViewState v) {
        int f = v.frame();
        return f < 0 || v.analysis() == null ? "no frame" : FrameText.level(v.analysis().trace().frames().get(f))
                + " " + FrameText.functionWithOffset(v.analysis().trace().frames().get(f));
    }

    private static List<String[]> plain(List<String> lines) {
        List<String[]> out = new ArrayList<>(lines.size());
        for (String s : lines) {
            out.add(new String[]{Sanitizer.clean(s), ""});
        }
        return out;
    }
}
