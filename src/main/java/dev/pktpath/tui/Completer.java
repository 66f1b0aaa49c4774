package dev.pktpath.tui;

import dev.pktpath.analysis.FrameClass;
import dev.pktpath.analysis.TraceAnalysis;
import dev.pktpath.model.Frame;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.LoadedDump;
import dev.pktpath.session.Session;
import dev.pktpath.session.SessionCommand;
import dev.pktpath.session.SessionCommand.ArgKind;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Tab completion for the {@code :} line: command names from the registry, arguments by each
 * command's {@link SessionCommand#argKinds()}, so a command added to the registry completes
 * without a change here.
 */
final class Completer {
    /** Journey stages in rx-to-tx order, as the contract names them. */
    static final List<String> STAGES = List.of("driver-rx", "gro", "core-rx", "l2", "netfilter", "l3-rx", "l4-rx",
            "socket", "l4-tx", "l3-tx", "neigh", "core-tx", "qdisc", "driver-tx", "crash", "fault");
    private static final int MAX = 200;

    private final CommandRegistry commands;
    private final Session session;

    Completer(CommandRegistry commands, Session session) {
        this.commands = commands;
        this.session = session;
    }

    /** The result of pressing Tab: the new line, and the candidates when more than one remains. */
    record Result(String line, List<String> candidates) {
    }

    Result complete(String line) {
        int start = line.lastIndexOf(' ') + 1;
        String word = line.substring(start);
        String before = line.substring(0, start);
        String[] done = before.isBlank() ? new String[0] : before.trim().split("\\s+");
        List<String> candidates = candidates(done, word);
        if (candidates.isEmpty()) {
            return new Result(line, List.of());
        }
        if (candidates.size() == 1) {
            String c = candidates.get(0);
            return new Result(before + c + (c.endsWith("/") ? "" : " "), List.of());
        }
        return new Result(before + commonPrefix(candidates), candidates);
    }

    List<String> candidates(String[] done, String word) {
        TreeSet<String> out = new TreeSet<>();
        if (done.length == 0) {
            for (String n : commands.names()) {
                if (n.startsWith(word)) {
                    out.add(n);
                }
            }
            return new ArrayList<>(out);
        }
        SessionCommand c = commands.find(done[0]).orElse(null);
        if (c == null) {
            return List.of();
        }
        List<ArgKind> kinds = c.argKinds();
        int pos = done.length - 1;
        ArgKind kind;
        if (pos < kinds.size()) {
            kind = kinds.get(pos);
        } else if (!kinds.isEmpty() && kinds.get(kinds.size() - 1) == ArgKind.SETTING && pos == kinds.size()) {
            for (String v : List.of("on", "off")) {
                if (v.startsWith(word)) {
                    out.add(v);
                }
            }
            return new ArrayList<>(out);
        } else {
            return List.of();
        }
        switch (kind) {
            case COMMAND -> commands.names().stream().filter(n -> n.startsWith(word)).forEach(out::add);
            case SETTING -> List.of("color", "ascii").stream().filter(n -> n.startsWith(word)).forEach(out::add);
            case STAGE -> STAGES.stream().filter(n -> n.startsWith(word)).forEach(out::add);
            case DUMP -> session.dumps().stream().map(LoadedDump::name).filter(n -> n.startsWith(word)).forEach(out::add);
            case TRACE -> session.current().ifPresent(d -> {
                for (int i = 1; i <= d.traces().size() && out.size() < MAX; i++) {
                    if (String.valueOf(i).startsWith(word)) {
                        out.add(String.valueOf(i));
                    }
                }
            });
            case FRAME -> {
                TraceAnalysis a = analysis();
                if (a != null) {
                    for (Frame f : a.trace().frames()) {
                        String n = String.valueOf(f.level() != null ? f.level() : f.index());
                        if (n.startsWith(word) && out.size() < MAX) {
                            out.add(n);
                        }
                    }
                }
            }
            case SUBSYSTEM -> {
                for (String s : Theme.SUBSYSTEM_COLORS.keySet()) {
                    if (s.startsWith(word)) {
                        out.add(s);
                    }
                }
                TraceAnalysis a = analysis();
                if (a != null) {
                    for (FrameClass fc : a.frameClasses()) {
                        if (fc.subsystem() != null && fc.subsystem().startsWith(word) && out.size() < MAX) {
                            out.add(fc.subsystem());
                        }
                    }
                }
            }
            case FILE -> files(word, out);
            default -> {
            }
        }
        return new ArrayList<>(out);
    }

    private TraceAnalysis analysis() {
        return session.current().map(d -> d.traces().isEmpty() ? null : d.traces().get(session.traceIndex())).orElse(null);
    }

    private static void files(String word, TreeSet<String> out) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash >= 0 ? word.substring(0, slash + 1) : "";
        String namePart = word.substring(slash + 1);
        Path dir = Path.of(dirPart.isEmpty() ? "." : dirPart);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.startsWith(namePart) && (namePart.startsWith(".") || !name.startsWith(".")) && out.size() < MAX) {
                    out.add(dirPart + name + (Files.isDirectory(p) ? "/" : ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable directory simply completes to nothing.
        }
    }

    static String commonPrefix(List<String> words) {
        String p = words.get(0);
        for (String w : words) {
            int i = 0;
            while (i < p.length() && i < w.length() && p.charAt(i) == w.charAt(i)) {
                i++;
            }
            p = p.substring(0, i);
        }
        return p;
    }
}
