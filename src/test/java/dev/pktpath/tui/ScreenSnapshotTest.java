package dev.pktpath.tui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole screens compared with text snapshots in src/test/resources/screens/, reviewed by hand like code.
 * After an intended change of the look, refresh them with {@code mvn test -Dtest=ScreenSnapshotTest
 * -Dscreens.refresh=true} and read the diff ({@code git diff src/test/resources/screens}).
 */
class ScreenSnapshotTest {
    private static final Path DIR = Path.of("src/test/resources/screens");

    static Stream<Arguments> screens() {
        return Stream.of(
                Arguments.of("seed-100x30-ascii", 100, 30, "seed", "jjjjjjjjj"),
                Arguments.of("seed-80x24-ascii", 80, 24, "seed", "/tcp_ack\n"),
                Arguments.of("seed-100x30-help", 100, 30, "seed", "?"),
                Arguments.of("bt-a-100x30-ascii", 100, 30, "062-commit-bt-a-n-idle-x86_64.txt", "\tj"),
                Arguments.of("foreach-nmi-100x30-ascii", 100, 30, "054-commit-foreach-nmi-softirq-x86_64.txt", "jjjjjjj"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("screens")
    void screenMatchesItsSnapshot(String name, int w, int h, String input, String keys) throws Exception {
        VirtualScreen v = new VirtualScreen(input.equals("seed") ? Fixtures.seed(false, true)
                : Fixtures.corpus(input, false, true), w, h);
        String actual = v.type(keys).text() + "\n";
        Path file = DIR.resolve(name + ".txt");
        if (Boolean.getBoolean("screens.refresh")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("snapshot %s (refresh with -Dscreens.refresh=true)", file).exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
