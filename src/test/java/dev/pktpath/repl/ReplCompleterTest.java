package dev.pktpath.repl;

import dev.pktpath.analysis.Analyzer;
import dev.pktpath.session.CommandException;
import dev.pktpath.session.CommandRegistry;
import dev.pktpath.session.Session;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Completion candidates for each kind of argument, asked of the completer as JLine asks it on Tab. */
class ReplCompleterTest {
    private final Session session = new Session(Analyzer.builtIn());
    private final CommandRegistry registry = CommandRegistry.standard();
    private final ReplCompleter completer = new ReplCompleter(session, registry);
    private Terminal terminal;
    private LineReader reader;

    @BeforeEach
    void reader() throws IOException {
        terminal = DumbTerminalReplTest.terminal().streams(InputStream.nullInputStream(), new ByteArrayOutputStream()).build();
        reader = LineReaderBuilder.builder().terminal(terminal).build();
    }

    @AfterEach
    void close() throws IOException {
        terminal.close();
    }

    /** Candidates offered with the cursor at the end of what was typed. */
    private List<Candidate> complete(String typed) {
        ParsedLine line = new DefaultParser().parse(typed, typed.length(), ParseContext.COMPLETE);
        List<Candidate> out = new ArrayList<>();
        completer.complete(reader, line, out);
        return out;
    }

    private List<String> values(String typed) {
        return complete(typed).stream().map(Candidate::value).toList();
    }

    private void load(String what) throws CommandException {
        registry.execute(session, "load " + what);
    }

    @Test
    void commandNamesWithTheirSummaries() {
        List<Candidate> c = complete("");
        assertThat(c).extracting(Candidate::value)
                .contains("load", "dumps", "traces", "trace", "bt", "frames", "frame", "regs", "journey", "filter",
                        "unfilter", "search", "title", "diff", "explore", "set", "json", "help", "quit", "exit");
        assertThat(c).filteredOn(x -> x.value().equals("frame")).singleElement()
                .extracting(Candidate::descr).isEqualTo("select frame #N and show its details");
        assertThat(c).filteredOn(x -> x.value().equals("exit")).singleElement()
                .extracting(Candidate::descr).isEqualTo("same as quit");
    }

    @Test
    void optionsComeFromTheSynopsis() {
        assertThat(values("bt ")).containsExactly("--all");
        assertThat(values("journey ")).contains("--json");
        assertThat(values("diff ")).contains("--json");
        // an option already given is not offered again
        assertThat(values("diff --json ")).doesNotContain("--json");
        assertThat(values("regs ")).isEmpty();
    }

    @Test
    void filePathsAndTheSample() {
        List<String> v = values("load ../shared/corpus/crash-bt/001-");
        assertThat(v).contains("../shared/corpus/crash-bt/001-help-bt-a-x86-tulip.txt",
                "../shared/corpus/crash-bt/001-help-bt-a-x86-tulip.src");
        assertThat(values("load ")).contains("<sample>");
        // open is load under another name
        assertThat(values("open ../shared/corpus/")).contains("../shared/corpus/crash-bt/");
    }

    @Test
    void traceIdsOfTheCurrentDumpAndOfEveryLoadedDump() throws Exception {
        assertThat(values("trace ")).isEmpty();
        load("<sample>");
        load("../shared/samples/seed-packet-path.txt");
        List<Candidate> c = complete("trace ");
        assertThat(c).extracting(Candidate::value).containsExactlyInAnyOrder("1", "d1#1", "d2#1");
        assertThat(values("diff d1#1 ")).contains("d1#1", "d2#1", "--json");
    }

    @Test
    void frameLevelsDescribedByTheirFunction() throws Exception {
        load("<sample>");
        List<Candidate> c = complete("frame ");
        assertThat(c).hasSize(34);
        assertThat(c).extracting(Candidate::value).startsWith("0", "1", "2").endsWith("33");
        assertThat(c).filteredOn(x -> x.value().equals("32")).singleElement()
                .extracting(Candidate::descr).isEqualTo("bnx2_poll_work");
    }

    @Test
    void subsystemNamesForFilterExpressionsKeepTheNegation() {
        assertThat(values("filter ")).contains("net", "net-tcp", "net-driver", "mm", "kdump", "fault");
        assertThat(values("filter !")).contains("!mm", "!net-core");
        // a filter expression has several words
        assertThat(values("filter net !")).contains("!mm");
    }

    @Test
    void journeyStages() {
        assertThat(values("journey ")).contains("driver-rx", "gro", "l4-rx", "l4-tx", "qdisc", "driver-tx", "crash", "fault", "--json");
    }

    @Test
    void dumpNames() throws Exception {
        load("<sample>");
        load("<sample>");
        assertThat(complete("dump ")).extracting(Candidate::value).containsExactly("d1", "d2");
        assertThat(complete("dump ")).extracting(Candidate::descr).containsOnly("seed-packet-path.txt");
    }

    @Test
    void settingsThenTheirValues() {
        assertThat(values("set ")).containsExactly("color", "ascii");
        assertThat(values("set ascii ")).containsExactly("on", "off");
    }

    @Test
    void helpCompletesCommandNames() {
        assertThat(values("help ")).contains("journey", "diff", "filter");
    }

    @Test
    void nothingForFreeTextOrUnknownCommandsOrSurplusArguments() throws Exception {
        load("<sample>");
        assertThat(values("search ")).isEmpty();
        assertThat(values("frobnicate ")).isEmpty();
        assertThat(values("frame 3 ")).isEmpty();
    }
}
