package dev.pktpath.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PagerTest {
    @Test
    void pagesThroughThePagerTheUserNamed(@TempDir Path dir) throws Exception {
        Path seen = dir.resolve("paged.txt");
        // a "pager" that keeps what it was given, run as $PAGER is: through sh -c
        Pager p = Pager.external(Map.of("PAGER", "cat > '" + seen + "'", "PATH", System.getenv("PATH"))::get);
        assertThat(p.page("line 1\nline 2\n")).isTrue();
        assertThat(Files.readString(seen)).isEqualTo("line 1\nline 2\n");
    }

    @Test
    void withoutPagerOrLessTheAnswerIsPrinted() {
        Pager p = Pager.external(Map.of("PATH", "/nonexistent")::get);
        assertThat(p.page("text")).isFalse();
    }

    @Test
    void countsTheRowsLongLinesTakeOnTheScreen() {
        assertThat(Repl.screenLines("a\nb\n", 80)).isEqualTo(2);
        assertThat(Repl.screenLines("a\nb", 80)).isEqualTo(2);
        assertThat(Repl.screenLines("x".repeat(81) + "\n", 80)).isEqualTo(2);
        assertThat(Repl.screenLines("\n\n", 80)).isEqualTo(2);
    }
}
