package dev.pktpath.render;

import dev.pktpath.analysis.Journey;
import dev.pktpath.analysis.JourneyStep;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Location;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packet-journey timeline of {@code pktpath-tui journey}: one row per step, the functions of
 * the step in call order, the frames it covers at the right; the turnaround and the crash site marked.
 *
 * <pre>
 *   rx  driver-rx   bnx2_poll > bnx2_poll_work  [bnx2]                       #33-#32
 *   rx  l4-rx       tcp_v4_rcv > tcp_v4_do_rcv > tcp_rcv_state_process >    #23-#20
 *                   tcp_ack
 *   ~~  turnaround: tcp_ack -> tcp_xmit_retransmit_queue (ACK triggers retransmit)
 *   XX  crash       skb_clone+208  (exception RIP ffffffff81415f40)
 * </pre>
 *
 * Every line fits in {@code width} columns (function lists wrap at the separators; a name that
 * alone is wider than its column is cut with an ellipsis). The module of a step's frames, when they
 * name one, follows its functions. Frame ranges show crash's {@code #level};
 * console frames have none, so they show {@code @index}, the frame's position in the trace. With
 * {@code ascii} only ASCII is printed; otherwise arrows and an ellipsis character are used.
 * Long fault steps (page fault, oops, kdump) show their first two and last two functions. Below
 * about 50 columns the frame column is left out.
 */
public final class JourneyRenderer {
    /** Left part of a row: two blanks, direction (2), two blanks, stage (10), two blanks. */
    private static final int PREFIX = 18;
    private static final int MIN_FUNCTIONS = 20;
    private static final int MAX_RANGE = 24;
    private static final int FAULT_KEEP = 2;

    private final int width;
    private final boolean ascii;
    private final String sep;
    private final String arrow;
    private final String ellipsis;
    private final String turnMark;

    public JourneyRenderer(int width, boolean ascii) {
        this.width = Math.max(40, width);
        this.ascii = ascii;
        this.sep = ascii ? " > " : " \u2192 ";
        this.arrow = ascii ? " -> " : " \u2192 ";
        this.ellipsis = ascii ? "..." : "\u2026";
        this.turnMark = ascii ? "~~" : "\u21bb ";
    }

    /**
     * The timelines of the traces. With several traces (a {@code foreach bt}), those without a
     * journey are not drawn one by one: a last line lists them, so the networking ones stand out.
     */
    public String render(List<TraceAnalysis> traces, int traceCount) {
        StringBuilder out = new StringBuilder();
        Stream s = new Stream(out, traces.size() > 1);
        for (TraceAnalysis a : traces) {
            s.add(a.trace().id(), s.drawn(a) ? trace(a, traceCount) : null);
        }
        s.end();
        return out.toString();
    }

    /** Whether a trace gets its own timeline: always alone, among several only with a journey. */
    public static boolean drawn(TraceAnalysis a, boolean several) {
        return !several || !a.journey().isEmpty();
    }

    /** One trace's timeline, as {@link #renderTrace} writes it. */
    public String trace(TraceAnalysis a, int traceCount) {
        return SCRATCH.text(out -> renderTrace(out, a, traceCount));
    }

    private static final Scratch SCRATCH = new Scratch(4096);

    /**
     * Writes timelines one at a time as {@link #render} lays them out, so that a dump can be printed as
     * it is read: a blank line between two, and with several traces, those without a journey listed on
     * a last line (their ids are kept as ranges, not one by one).
     */
    public final class Stream {
        private final Appendable out;
        private final boolean several;
        private boolean any;
        private final StringBuilder emptyRanges = new StringBuilder();
        private int emptyCount;
        private int runStart = -1;
        private int runEnd = -1;

        /** @param several whether the output holds more than one trace (then empty journeys go to the last line) */
        public Stream(Appendable out, boolean several) {
            this.out = out;
            this.several = several;
        }

        /** Whether the trace gets its own timeline; else pass null to {@link #add}. */
        public boolean drawn(TraceAnalysis a) {
            return JourneyRenderer.drawn(a, several);
        }

        /** @param text the trace's timeline from {@link JourneyRenderer#trace}, or null when not {@link #drawn} */
        public void add(int id, String text) {
            if (text == null) {
                emptyCount++;
                if (runEnd >= 0 && id == runEnd + 1) {
                    runEnd = id;
                } else {
                    closeRun();
                    runStart = id;
                    runEnd = id;
                }
                return;
            }
            append(any ? "\n" : "");
            append(text);
            any = true;
        }

        /** The last line listing the traces without networking frames, if any. */
        public void end() {
            closeRun();
            if (emptyCount == 0) {
                return;
            }
            StringBuilder b = new StringBuilder();
            if (any) {
                b.append('\n');
            }
            String head = emptyCount + (emptyCount == 1 ? " trace" : " traces") + " without networking frames: ";
            List<String> lines = wrap(List.of(emptyRanges.toString().split(" ")), width - head.length(), " ", "");
            for (int i = 0; i < lines.size(); i++) {
                b.append(i == 0 ? head : " ".repeat(head.length())).append(lines.get(i)).append('\n');
            }
            append(b);
        }

        private void closeRun() {
            if (runStart < 0) {
                return;
            }
            if (!emptyRanges.isEmpty()) {
                emptyRanges.append(' ');
            }
            emptyRanges.append(runStart);
            if (runEnd != runStart) {
                emptyRanges.append('-').append(runEnd);
            }
            runStart = -1;
            runEnd = -1;
        }

        private void append(CharSequence s) {
            try {
                out.append(s);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    public void renderTrace(StringBuilder out, TraceAnalysis a, int traceCount) {
        out.append(header(a, traceCount)).append("\n\n");
        Journey j = a.journey();
        if (j.isEmpty()) {
            out.append(fit("  (no networking frames: empty journey)", width)).append("\n");
            return;
        }
        List<String> ranges = new ArrayList<>();
        int rangeWidth = 0;
        for (JourneyStep s : j.steps()) {
            String r = fit(range(a.trace(), s), MAX_RANGE);
            ranges.add(r);
            rangeWidth = Math.max(rangeWidth, r.length());
        }
        int fnWidth = width - PREFIX - (rangeWidth == 0 ? 0 : 2 + rangeWidth);
        if (fnWidth < MIN_FUNCTIONS) {
            // Too narrow for a frame column: the functions matter more than the frame numbers.
            rangeWidth = 0;
            ranges.replaceAll(r -> "");
            fnWidth = width - PREFIX;
        }
        for (int k = 0; k < j.steps().size(); k++) {
            JourneyStep s = j.steps().get(k);
            if (j.turnaroundTo() != null && s.frames().contains(j.turnaroundTo())) {
                turnaround(out, a);
            }
            String dir = switch (s.stage()) {
                case "crash" -> "XX";
                default -> s.direction().equals("none") ? "" : s.direction();
            };
            List<String> lines = s.stage().equals("crash")
                    ? wrap(crashSite(a, s), fnWidth, "  ", "")
                    : wrap(functions(a, s), fnWidth, sep, sep.stripTrailing());
            for (int l = 0; l < lines.size(); l++) {
                String left = l == 0
                        ? stepLine(dir, s.stage(), lines.get(l))
                        : " ".repeat(PREFIX) + lines.get(l);
                if (l == 0 && !ranges.get(k).isEmpty()) {
                    left = left + " ".repeat(Math.max(2, width - rangeWidth - left.length())) + ranges.get(k);
                }
                out.append(left.stripTrailing()).append('\n');
            }
        }
    }

    /**
     * {@code String.format("  %-2s  %-10s  %s", dir, stage, functions)} padded by hand: the format string
     * parsed for every step of every trace was the largest part of {@code journey} (JFR).
     */
    static String stepLine(String dir, String stage, String functions) {
        StringBuilder b = new StringBuilder(PREFIX + functions.length() + 8);
        b.append("  ").append(dir);
        for (int i = dir.length(); i < 2; i++) {
            b.append(' ');
        }
        b.append("  ").append(stage);
        for (int i = stage.length(); i < 10; i++) {
            b.append(' ');
        }
        return b.append("  ").append(functions).toString();
    }

    /** {@code BUG: unable to handle ... in skb_clone        x86_64  34 frames}, cut to the width. */
    String header(TraceAnalysis a, int traceCount) {
        Trace t = a.trace();
        String title = a.naming().title();
        if (title == null) {
            Location site = a.naming().crashSite();
            title = site != null && site.function() != null ? "crash in " + site.function()
                    : t.task().command() != null ? "task \"" + t.task().command() + "\"" : "trace " + t.id();
        }
        title = Sanitizer.clean(title);
        if (traceCount == TextRenderer.COUNT_UNKNOWN) {
            // printed as the dump is read: many traces, how many is not known yet
            title = "trace " + t.id() + "  " + title;
        } else if (traceCount > 1) {
            title = "trace " + t.id() + "/" + traceCount + "  " + title;
        }
        int n = t.frames().size();
        String right = t.arch().id() + "  " + n + (n == 1 ? " frame" : " frames");
        int room = width - right.length() - 2;
        title = fit(title, room);
        return title + " ".repeat(width - title.length() - right.length()) + right;
    }

    private void turnaround(StringBuilder out, TraceAnalysis a) {
        Journey j = a.journey();
        Frame from = a.trace().frames().get(j.turnaroundFrom());
        Frame to = a.trace().frames().get(j.turnaroundTo());
        String head = "  " + turnMark + "  turnaround: ";
        String names = Sanitizer.clean(from.function()) + arrow + Sanitizer.clean(to.function());
        String reason = "(" + reason(a) + ")";
        String line = head + names;
        if (line.length() + 1 + reason.length() <= width) {
            out.append(fit(line + " " + reason, width)).append('\n');
        } else {
            out.append(fit(line, width)).append('\n');
            out.append(fit(" ".repeat(head.length()) + reason, width)).append('\n');
        }
    }

    /** What the turn means, from the two functions' names and stages: "ACK triggers retransmit". */
    static String reason(TraceAnalysis a) {
        Journey j = a.journey();
        String from = a.trace().frames().get(j.turnaroundFrom()).normalizedName();
        String to = a.trace().frames().get(j.turnaroundTo()).normalizedName();
        String fromStage = a.classOf(j.turnaroundFrom()).stage();
        String subject;
        if (from.endsWith("_ack") && !from.contains("send") && fromStage != null && fromStage.startsWith("l4")) {
            subject = "ACK";
        } else if ("l4-rx".equals(fromStage)) {
            subject = "received segment";
        } else if ("l2".equals(fromStage)) {
            subject = "received frame";
        } else {
            subject = "received packet";
        }
        if (to.contains("forward") || to.contains("flood")) {
            return subject + " is forwarded";
        }
        String object;
        if (to.contains("retrans")) {
            object = "retransmit";
        } else if (to.contains("synack")) {
            object = "a SYN-ACK";
        } else if (to.contains("reset") || to.contains("_rst")) {
            object = "a reset";
        } else if (to.contains("ack")) {
            object = "an ACK";
        } else if (to.startsWith("icmp")) {
            object = "an ICMP reply";
        } else {
            object = "a transmit";
        }
        return subject + " triggers " + object;
    }

    /** The function list of a step, in call order, then the module of its frames in brackets. */
    private List<String> functions(TraceAnalysis a, JourneyStep s) {
        List<Frame> frames = a.trace().frames();
        List<String> names = new ArrayList<>();
        for (int i : s.frames()) {
            names.add(Sanitizer.clean(frames.get(i).function()));
        }
        if (s.stage().equals("fault") && names.size() > 2 * FAULT_KEEP + 1) {
            List<String> shortList = new ArrayList<>(names.subList(0, FAULT_KEEP));
            shortList.add(ellipsis);
            shortList.addAll(names.subList(names.size() - FAULT_KEEP, names.size()));
            names = shortList;
        }
        String module = module(a.trace(), s);
        if (module != null && !names.isEmpty()) {
            int last = names.size() - 1;
            names.set(last, names.get(last) + "  [" + Sanitizer.clean(module) + "]");
        }
        return names;
    }

    /** The module all of a step's frames that name one agree on, else null. */
    private static String module(Trace t, JourneyStep s) {
        String module = null;
        for (int i : s.frames()) {
            String m = t.frames().get(i).module();
            if (m != null) {
                if (module != null && !module.equals(m)) {
                    return null;
                }
                module = m;
            }
        }
        return module;
    }

    /** {@code skb_clone+208}, {@code (exception RIP ffffffff81415f40)}; or the crash frame as printed. */
    private List<String> crashSite(TraceAnalysis a, JourneyStep s) {
        if (!s.frames().isEmpty()) {
            return List.of(TextRenderer.functionWithOffset(a.trace().frames().get(s.frames().get(0))));
        }
        Location site = a.naming().crashSite();
        if (site == null || site.function() == null) {
            return List.of("(crash site unknown)");
        }
        StringBuilder b = new StringBuilder(Sanitizer.clean(site.function()));
        if (site.offset() != null) {
            // As the input wrote it: crash prints decimal offsets, console reports 0x.../0x...
            if (a.trace().format() == TraceFormat.OOPS) {
                b.append("+0x").append(Long.toHexString(site.offset()));
                if (site.size() != null) {
                    b.append("/0x").append(Long.toHexString(site.size()));
                }
            } else {
                b.append('+').append(site.offset());
            }
        }
        List<String> parts = new ArrayList<>(List.of(b.toString()));
        for (ExceptionFrame e : a.trace().exceptions()) {
            if (site.function().equals(e.function())) {
                String pc = pc(e.registers());
                if (pc != null) {
                    parts.add("(" + Sanitizer.clean(e.kind()) + " " + Sanitizer.clean(pc) + ")");
                }
                break;
            }
        }
        return parts;
    }

    /** The program counter of a register block, whatever the architecture calls it. */
    private static String pc(Map<String, String> regs) {
        for (String name : new String[]{"RIP", "EIP", "PC", "NIP", "PSW", "IP", "EPC", "ERA"}) {
            if (regs.containsKey(name)) {
                return regs.get(name);
            }
        }
        return null;
    }

    /** {@code #33-#32}: first and last frame of the step in call order. */
    static String range(Trace t, JourneyStep s) {
        if (s.frames().isEmpty()) {
            return "";
        }
        Frame first = t.frames().get(s.frames().get(0));
        Frame last = t.frames().get(s.frames().get(s.frames().size() - 1));
        return ref(first) + (first == last ? "" : "-" + ref(last));
    }

    private static String ref(Frame f) {
        return f.level() != null ? "#" + f.level() : "@" + f.index();
    }

    /** Greedy wrap at the separators; a continued line ends with {@code trail} (the arrow). */
    List<String> wrap(List<String> names, int room, String sep, String trail) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String raw : names) {
            String name = fit(raw, room - trail.length());
            if (line.isEmpty()) {
                line.append(name);
            } else if (line.length() + sep.length() + name.length() + trail.length() <= room) {
                line.append(sep).append(name);
            } else {
                lines.add(line + trail);
                line = new StringBuilder(name);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Cuts text to {@code room} columns, marking the cut with an ellipsis. */
    String fit(String text, int room) {
        if (text.length() <= room) {
            return text;
        }
        if (room <= ellipsis.length()) {
            return text.substring(0, Math.max(0, room));
        }
        return text.substring(0, room - ellipsis.length()) + ellipsis;
    }

    public boolean ascii() {
        return ascii;
    }
}
