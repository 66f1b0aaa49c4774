package dev.pktpath.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How things look: colour or monochrome, Unicode or plain ASCII. Nothing here carries meaning
 * alone: selection is always reverse video plus a {@code >} marker, so a monochrome or ASCII
 * screen loses nothing but the colours.
 */
final class Theme {
    private static final TextColor DEFAULT = TextColor.ANSI.DEFAULT;

    /** Colour of a subsystem family; the first matching prefix wins. Shown as the legend in the help. */
    static final Map<String, TextColor.ANSI> SUBSYSTEM_COLORS = new LinkedHashMap<>();
    /** Colour of a journey stage: rx stages green, tx stages cyan, the crash red. */
    static final Map<String, TextColor.ANSI> STAGE_COLORS = new LinkedHashMap<>();

    static {
        SUBSYSTEM_COLORS.put("net-driver", TextColor.ANSI.GREEN_BRIGHT);
        SUBSYSTEM_COLORS.put("net", TextColor.ANSI.CYAN_BRIGHT);
        SUBSYSTEM_COLORS.put("netfilter", TextColor.ANSI.CYAN);
        SUBSYSTEM_COLORS.put("mm", TextColor.ANSI.YELLOW);
        SUBSYSTEM_COLORS.put("sched", TextColor.ANSI.MAGENTA_BRIGHT);
        SUBSYSTEM_COLORS.put("fs", TextColor.ANSI.BLUE_BRIGHT);
        SUBSYSTEM_COLORS.put("block", TextColor.ANSI.BLUE_BRIGHT);
        SUBSYSTEM_COLORS.put("locking", TextColor.ANSI.YELLOW_BRIGHT);
        SUBSYSTEM_COLORS.put("irq", TextColor.ANSI.MAGENTA);
        SUBSYSTEM_COLORS.put("fault", TextColor.ANSI.RED_BRIGHT);
        SUBSYSTEM_COLORS.put("kdump", TextColor.ANSI.RED);

        for (String rx : new String[]{"driver-rx", "gro", "core-rx", "l2", "netfilter", "l3-rx", "l4-rx", "socket"}) {
            STAGE_COLORS.put(rx, TextColor.ANSI.GREEN_BRIGHT);
        }
        for (String tx : new String[]{"l4-tx", "l3-tx", "neigh", "core-tx", "qdisc", "driver-tx"}) {
            STAGE_COLORS.put(tx, TextColor.ANSI.CYAN_BRIGHT);
        }
        STAGE_COLORS.put("crash", TextColor.ANSI.RED_BRIGHT);
        STAGE_COLORS.put("fault", TextColor.ANSI.RED);
    }

    final boolean color;
    final boolean ascii;

    Theme(boolean color, boolean ascii) {
        this.color = color;
        this.ascii = ascii;
    }

    TextColor subsystemColor(String subsystem) {
        if (!color || subsystem == null) {
            return DEFAULT;
        }
        for (Map.Entry<String, TextColor.ANSI> e : SUBSYSTEM_COLORS.entrySet()) {
            if (subsystem.equals(e.getKey()) || subsystem.startsWith(e.getKey() + "-")) {
                return e.getValue();
            }
        }
        return DEFAULT;
    }

    TextColor stageColor(String stage) {
        if (!color || stage == null) {
            return DEFAULT;
        }
        return STAGE_COLORS.getOrDefault(stage, TextColor.ANSI.DEFAULT);
    }

    TextColor accent() {
        return color ? TextColor.ANSI.YELLOW_BRIGHT : DEFAULT;
    }

    TextColor error() {
        return color ? TextColor.ANSI.RED_BRIGHT : DEFAULT;
    }

    TextColor dim() {
        return color ? TextColor.ANSI.WHITE : DEFAULT;
    }

    /** Resets a graphics object to plain text. */
    void plain(TextGraphics g) {
        g.setForegroundColor(DEFAULT);
        g.setBackgroundColor(DEFAULT);
        g.clearModifiers();
    }

    void selected(TextGraphics g) {
        plain(g);
        g.enableModifiers(SGR.REVERSE);
    }

    // Glyphs: Unicode by default, ASCII with --ascii (PuTTY and some SSH setups garble box drawing).

    String arrow() {
        return ascii ? ">" : "›";
    }

    String ellipsis() {
        return ascii ? "~" : "…";
    }

    /** Gutter mark for frames of the chosen journey stage. */
    char stageBar() {
        return ascii ? '|' : '▌';
    }

    /** A box-drawing glyph for a border cell joined up, down, left and/or right. */
    char border(boolean up, boolean down, boolean left, boolean right) {
        boolean vertical = up || down;
        boolean horizontal = left || right;
        if (ascii) {
            return vertical && horizontal ? '+' : vertical ? '|' : '-';
        }
        int key = (up ? 8 : 0) | (down ? 4 : 0) | (left ? 2 : 0) | (right ? 1 : 0);
        return switch (key) {
            case 0b0011, 0b0010, 0b0001 -> '─';
            case 0b1100, 0b1000, 0b0100 -> '│';
            case 0b0101 -> '┌';
            case 0b0110 -> '┐';
            case 0b1001 -> '└';
            case 0b1010 -> '┘';
            case 0b1101 -> '├';
            case 0b1110 -> '┤';
            case 0b0111 -> '┬';
            case 0b1011 -> '┴';
            case 0b1111 -> '┼';
            default -> ' ';
        };
    }
}
