package dev.pktpath.robust;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.pktpath.analysis.Analyzer;
import dev.pktpath.model.Arch;
import dev.pktpath.model.Diagnostic;
import dev.pktpath.model.Dump;
import dev.pktpath.model.ExceptionFrame;
import dev.pktpath.model.Frame;
import dev.pktpath.model.Location;
import dev.pktpath.model.StackContext;
import dev.pktpath.model.Task;
import dev.pktpath.model.Trace;
import dev.pktpath.model.TraceFormat;
import dev.pktpath.session.CommandException;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.Session;
import dev.pktpath.testing.InProcessCli.Result;
import dev.pktpath.tui.Explorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.pktpath.testing.InProcessCli.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text from a dump never reaches the terminal as control: escape sequences (colour, cursor movement,
 * OSC 52 clipboard writes, title setting), BEL and C1 controls put inside function, module and
 * command names come out of every command, the REPL and the explorer with no ESC, BEL or C1 left.
 * Two ways in: hostile dump files through the real command line (where the line cleaner is the first
 * guard), and hostile strings put straight into the model (so the renderers must guard themselves).
 */
class TerminalSafetyTest {
    /** Colour, cursor movement, clear screen, OSC 52 clipboard, window title, BEL, 8-bit CSI and OSC. */
    static final List<String> HOSTILE = List.of("\u001b[31m", "\u001b[2J\u001b[H", "\u001b]52;c;cHduZWQ=\u0007",
            "\u001b]0;pwned\u0007", "\u0007", "\u009b31m", "\u009d0;t\u009c", "\u001bP1$r\u001b\\", "\u001b[6n");

    static String h(int i) {
        return HOSTILE.get(i % HOSTILE.size());
    }

    /** A crash bt with a hostile command, function, module, exception function and register line. */
    static String crashDump() {
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < 3; t++) {
            b.append("PID: ").append(100 + t).append("    TASK: ffff88003a13c000  CPU: 1   COMMAND: \"evil").append(h(t)).append("cmd\"\n");
            b.append(" #0 [ffff880028203ab0] machine_kexec at ffffffff8103210b\n");
            b.append(" #1 [ffff880028203b10] evil").append(h(t + 1)).append("fn at ffffffff810c3e52 [mod").append(h(t + 2)).append("x]\n");
            b.append(" #2 [ffff880028203be0] skb_clone at ffffffff81415f40 [bnx2]\n");
            b.append("    [exception RIP: evil").append(h(t + 3)).append("rip+208]\n");
            b.append("    RIP: ffffffff81415f40  RSP: ffff8800282034c0  RFLAGS: 00010246\n");
            b.append(" #3 [ffff880028203c10] tcp_v4_rcv").append(h(t + 4)).append(" at ffffffff81462a3e\n");
            b.append(" #4 [ffff880028203c60] ip_local_deliver at ffffffff8143c7b0\n");
            b.append(h(t + 5)).append("stray text").append(h(t + 6)).append('\n');
        }
        return b.toString();
    }

    /** A console report with the same tricks in the headline, Comm:, frames and module. */
    static String oopsDump() {
        return "[   1.000000] BUG: unable to handle kernel NULL pointer dereference in evil" + h(0) + "fn\n"
                + "[   1.000001] CPU: 1 PID: 42 Comm: evil" + h(3) + "comm Not tainted 4.15.0+ #221\n"
                + "[   1.000002] RIP: 0010:evil" + h(2) + "fn+0x1a/0x30\n"
                + "[   1.000003] Call Trace:\n"
                + "[   1.000004]  evil" + h(1) + "fn+0x1a/0x30 [mod" + h(5) + "x]\n"
                + "[   1.000005]  tcp_v4_rcv+0x1a/0x30\n"
                + "[   1.000006]  ip_local_deliver" + h(6) + "+0x1a/0x30\n"
                + "[   1.000007] ---[ end trace 4e37b1eb61ae9844 ]---\n";
    }

    /** No ESC, BEL, other C0 control but newline, DEL or C1 control. */
    static void assertClean(String what, String s) {
        Invariants.terminalSafe(what, s);
        assertThat(s).as(what).doesNotContain("pwned\u0007");
    }

    @Test
    void everyCommandPrintsHostileDumpsClean(@TempDir Path dir) throws IOException {
        Path crash = Files.writeString(dir.resolve("crash.txt"), crashDump());
        Path oops = Files.writeString(dir.resolve("oops.log"), oopsDump());
        Path rules = Files.writeString(dir.resolve("evil.rules"),
                "evil*    net-core    core-rx\n" + "tcp\u001b]0;pwned\u0007*  net-\u001b[31mtcp  l4\n");
        Path script = Files.writeString(dir.resolve("script"), String.join("\n", "dumps", "traces", "trace 2", "bt", "frame 1",
                "regs", "journey", "title", "json", "search evil", "filter net", "diff 1 2", "help", "") + "\n");
        List<List<String>> commands = new ArrayList<>();
        for (Path p : List.of(crash, oops)) {
            String f = p.toString();
            commands.addAll(List.of(List.of("print", f), List.of("print", "--json", f), List.of("print", "--ascii", f),
                    List.of("print", "--subsystem", "net", f), List.of("journey", f), List.of("journey", "--json", f),
                    List.of("cluster", f), List.of("cluster", "--json", f), List.of(f),
                    List.of("repl", "--script", script.toString(), f)));
        }
        commands.addAll(List.of(List.of("diff", crash + "#1", crash + "#2"), List.of("diff", "--json", crash + "#1", oops.toString()),
                List.of("diff", "-U", "0", "--width", "50", crash + "#3", oops.toString()),
                List.of("subsystems"), List.of("subsystems", "--rules", rules.toString()),
                List.of("print", "--rules", rules.toString(), crash.toString())));
        int ran = 0;
        for (List<String> c : commands) {
            Result r = run(c.toArray(String[]::new));
            assertClean(c + " stdout", r.out());
            assertClean(c + " stderr", r.err());
            // 2: a rules file with escapes in it may be refused, as long as the refusal is clean
            assertThat(r.status()).as(c + ": " + r.err()).isBetween(0, 2);
            ran++;
        }
        // the same dumps in colour: the program's own SGR codes are the only escapes
        for (String c : List.of("print", "journey", "cluster")) {
            Result r = run(c, "--color=always", crash.toString());
            assertClean(c + " --color=always", r.out().replaceAll("\u001b\\[[0-9;]*m", ""));
        }
        Result d = run("diff", "--color=always", crash + "#1", oops.toString());
        assertClean("diff --color=always", d.out().replaceAll("\u001b\\[[0-9;]*m", ""));
        assertThat(ran).isEqualTo(commands.size());
    }

    /** A dump whose every string is hostile, built without the parser (and so without its line cleaner). */
    static Dump hostileModel() {
        List<Trace> traces = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            List<Frame> frames = new ArrayList<>();
            String[] names = {"machine_kexec", "evil" + h(t) + "fn", "tcp_v4_rcv" + h(t + 1), "ip_rcv", "netif_receive_skb" + h(t + 2)};
            for (int i = 0; i < names.length; i++) {
                frames.add(new Frame(i, i, names[i], 16L, 32L, "ffffffff8103210" + i, "ffff88002820300" + i,
                        i == 1 ? "mod" + h(t + 3) : null, i != 2, i < 2 ? StackContext.IRQ : StackContext.TASK,
                        i == 3 ? "net/" + h(t + 4) + "ipv4/ip_input.c:1" : null, false, i + 2,
                        "#" + i + " raw " + h(t + 5), List.of("ffff8800: " + h(t + 6))));
            }
            List<ExceptionFrame> exceptions = List.of(new ExceptionFrame(1, "exception RIP" + h(t), "evil" + h(t + 7) + "rip", 208L,
                    Map.of("RIP", "ffffffff81415f40", "R" + h(t + 8), "0" + h(t)), 4));
            traces.add(new Trace(t + 1, TraceFormat.CRASH_BT, Arch.X86_64,
                    new Task(100L + t, "ffff88003a13c000", 1, "evil" + h(t + 1) + "cmd"),
                    "BUG: evil" + h(t + 2) + "headline", new Location("evil" + h(t + 3), 1L, 2L), frames, exceptions,
                    Map.of("RIP", "ffffffff81415f40" + h(t)), List.of(new Diagnostic(9, "note" + h(t), "text" + h(t + 4))), 1, 9));
        }
        return new Dump("model" + h(2) + ".txt", traces, List.of(new Diagnostic(1, "outside" + h(1), "junk" + h(5))));
    }

    @Test
    void renderersCleanHostileStringsTheParserNeverSaw() {
        Pipeline.Output o = Pipeline.run(hostileModel(), true);
        for (String s : o.texts()) {
            assertClean("text rendering", s);
        }
        for (String j : o.jsons()) {
            // JSON keeps the data, escaped: no raw control character in the document
            assertClean("JSON rendering", j);
        }
    }

    @Test
    void replCommandsAnswerHostileDumpsClean() throws CommandException {
        Session s = new Session(Analyzer.builtIn());
        s.add(hostileModel());
        s.add(new dev.pktpath.parse.DumpParser().parse("crash.txt", crashDump()));
        CommandRegistry registry = CommandRegistry.standard();
        for (String line : List.of("dumps", "dump d1", "traces", "trace 2", "bt", "frame 1", "regs", "journey", "title",
                "json", "search evil", "filter net", "unfilter", "diff 1 2", "help", "help bt", "set ascii on")) {
            String text;
            try {
                text = registry.execute(s, line).text();
            } catch (CommandException e) {
                text = e.getMessage();
            }
            assertClean("repl: " + line, text == null ? "" : text);
        }
    }

    @Test
    void explorerDrawsHostileDumpsClean() throws IOException {
        for (Dump dump : List.of(hostileModel(), new dev.pktpath.parse.DumpParser().parse("crash.txt", crashDump()),
                new dev.pktpath.parse.DumpParser().parse("oops.log", oopsDump()))) {
            Session s = new Session(Analyzer.builtIn());
            s.add(dump);
            DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(120, 40));
            TerminalScreen screen = new TerminalScreen(terminal);
            screen.startScreen();
            Explorer explorer = new Explorer(screen, s, CommandRegistry.standard());
            // walk every trace and frame, open details, help and the journey, search for a hostile name
            String keys = "jjjjj\t\t\t\t]]]jjj[[?q/evil\nn";
            for (char c : keys.toCharArray()) {
                terminal.addInput(c == '\n' ? new KeyStroke(com.googlecode.lanterna.input.KeyType.Enter)
                        : c == '\t' ? new KeyStroke(com.googlecode.lanterna.input.KeyType.Tab) : new KeyStroke(c, false, false));
                explorer.step();
                assertScreenClean(screen, terminal.getTerminalSize());
            }
            screen.stopScreen();
        }
    }

    static void assertScreenClean(TerminalScreen screen, TerminalSize size) {
        StringBuilder all = new StringBuilder();
        for (int row = 0; row < size.getRows(); row++) {
            for (int col = 0; col < size.getColumns(); col++) {
                all.append(screen.getFrontCharacter(col, row).getCharacterString());
            }
            all.append('\n');
        }
        assertClean("explorer screen", all.toString());
    }
}
