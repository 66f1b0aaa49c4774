package dev.pktpath.tui;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The man page's KEYS section is written by hand (it groups keys and explains them better than the
 * help overlay's one line each), so this holds it to the key table: every key the explorer or its
 * diff view binds is named there in bold, and its list of keys names no key that is not bound.
 */
class ManPageKeysTest {
    private static final Path TEMPLATE = Path.of("src/main/man/pktpath-tui.1.in");
    /** A bold key in a .B or .BR line: {@code .BR j ", " k} names j and k; {@code .BR n " and " ]} names n and ]. */
    private static final Pattern BOLD_LINE = Pattern.compile("(?m)^\\.BR? (.*)$");

    @Test
    void everyBoundKeyIsInTheKeysSectionAndNothingElse() throws Exception {
        String page = Files.readString(TEMPLATE, StandardCharsets.UTF_8);
        String keys = page.substring(page.indexOf(".SH KEYS"), page.indexOf(".SH ", page.indexOf(".SH KEYS") + 1));
        List<String> named = boldWords(keys);
        for (KeyMap map : List.of(KeyMap.standard(), KeyMap.diffView())) {
            for (KeyMap.Binding b : map.bindings()) {
                assertThat(named).as("the man page's KEYS section names the key " + b.label()).contains(roff(b.label()));
            }
        }
        List<String> bound = List.of(KeyMap.standard(), KeyMap.diffView()).stream()
                .flatMap(m -> m.bindings().stream()).map(b -> roff(b.label())).toList();
        // the items of the key list (the line after each .TP) name only bound keys
        Matcher item = Pattern.compile("(?m)^\\.TP\n(\\.BR? .*)$").matcher(keys);
        while (item.find()) {
            assertThat(boldWords(item.group(1))).as("keys the man page lists that no binding has").isSubsetOf(bound);
        }
    }

    /** Every bold item: the odd arguments of .BR (bold, roman, bold, ...) and the whole of .B. */
    private static List<String> boldWords(String roff) {
        List<String> out = new ArrayList<>();
        Matcher m = BOLD_LINE.matcher(roff);
        while (m.find()) {
            boolean alternating = roff.startsWith(".BR", m.start());
            List<String> args = arguments(m.group(1));
            for (int i = 0; i < args.size(); i += alternating ? 2 : 1) {
                out.add(args.get(i));
            }
        }
        return out;
    }

    /** A roff request's arguments: blank-separated words, or double-quoted strings. */
    private static List<String> arguments(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    private static String roff(String label) {
        return label.replace("-", "\\-");
    }
}
