package dev.pktpath.robust;

import dev.pktpath.cli.Main;
import dev.pktpath.testing.InProcessCli;
import dev.pktpath.testing.InProcessCli.Result;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bug in a command (an exception, a stack overflow) is one sanitised line on stderr and exit
 * status 70, never a Java stack trace; {@code --debug} adds the stack trace for a bug report.
 * The failing commands are added to the real command tree, so the real handler answers.
 */
class InternalErrorTest {
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("bad frame \u001b]0;pwned\u0007 in dump");
        }
    }

    @Command(name = "deep")
    static final class Deep implements Callable<Integer> {
        @Override
        public Integer call() {
            return recurse(0);
        }

        private static int recurse(int n) {
            return recurse(n + 1) + 1;
        }
    }

    static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("boom", new Boom());
        cl.addSubcommand("deep", new Deep());
        return InProcessCli.run(cl, args);
    }

    @Test
    void anExceptionIsOneCleanLineAndStatus70() {
        Result r = run("boom");
        assertThat(r.status()).isEqualTo(70);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("pktpath-tui: internal error: java.lang.IllegalStateException: bad frame")
                .contains("--debug").doesNotContain("\tat ").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void aStackOverflowIsOneLineToo() {
        Result r = run("deep");
        assertThat(r.status()).isEqualTo(70);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("internal error: java.lang.StackOverflowError").doesNotContain("\tat ");
    }

    @Test
    void debugAddsTheStackTrace() {
        Result r = run("--debug", "boom");
        assertThat(r.status()).isEqualTo(70);
        assertThat(r.err()).contains("internal error").contains(" at dev.pktpath.robust.InternalErrorTest$Boom.call")
                .doesNotContain("\u001b");
    }
}
