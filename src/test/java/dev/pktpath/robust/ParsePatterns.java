package dev.pktpath.robust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every regular expression compiled in a package's classes: static Pattern fields, and Patterns held
 * in static collections (directly or in records, as CrashBtArch's hint table holds them). Found by
 * reflection over the compiled classes, so a pattern added later is tested without anyone listing it.
 */
final class ParsePatterns {
    private ParsePatterns() {
    }

    static Map<String, Pattern> in(String packageName) {
        Map<String, Pattern> out = new LinkedHashMap<>();
        for (Class<?> c : classes(packageName)) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    collect(c.getSimpleName() + "." + f.getName(), f.get(null), out, 0);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a field we cannot read holds no pattern we could test
                }
            }
        }
        return out;
    }

    private static void collect(String name, Object value, Map<String, Pattern> out, int depth) throws ReflectiveOperationException {
        if (value == null || depth > 3) {
            return;
        }
        if (value instanceof Pattern p) {
            out.put(name, p);
        } else if (value instanceof Collection<?> col) {
            int i = 0;
            for (Object o : col) {
                collect(name + "[" + i++ + "]", o, out, depth + 1);
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                collect(name + "[" + e.getKey() + "]", e.getValue(), out, depth + 1);
            }
        } else if (value instanceof Object[] arr) {
            for (int i = 0; i < arr.length; i++) {
                collect(name + "[" + i + "]", arr[i], out, depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                Object v = rc.getAccessor().invoke(value);
                collect(name + "." + rc.getName(), v, out, depth + 1);
            }
        }
    }

    private static List<Class<?>> classes(String packageName) {
        List<Class<?>> out = new ArrayList<>();
        try {
            Path root = Path.of(ParsePatterns.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolveSibling("classes").resolve(packageName.replace('.', '/'));
            try (Stream<Path> files = Files.list(root)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String simple = p.getFileName().toString().replace(".class", "");
                    try {
                        out.add(Class.forName(packageName + "." + simple, true, ParsePatterns.class.getClassLoader()));
                    } catch (ClassNotFoundException | LinkageError e) {
                        // not loadable on its own: skip
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
