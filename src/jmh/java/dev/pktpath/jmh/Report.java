package dev.pktpath.jmh;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.annotations.Mode;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/benchmarks.jar [JMH options]}: runs the benchmarks (all, or those the JMH
 * options select) in average-time mode and, after JMH's own report, prints every benchmark beside
 * its class's {@code baseline} (for the same {@code @Param} values) measured in the same run, with the ratio, as a Markdown table.
 */
public final class Report {
    private Report() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options cli = new CommandLineOptions(args);
        OptionsBuilder b = new OptionsBuilder();
        b.parent(cli);
        if (cli.getIncludes().isEmpty()) {
            b.include("dev\\.pktpath\\.jmh\\..*");
        }
        Options opts = b
                .mode(Mode.AverageTime).timeUnit(TimeUnit.MILLISECONDS)
                .warmupIterations(cli.getWarmupIterations().orElse(3))
                .warmupTime(cli.getWarmupTime().orElse(org.openjdk.jmh.runner.options.TimeValue.seconds(1)))
                .measurementIterations(cli.getMeasurementIterations().orElse(5))
                .measurementTime(cli.getMeasurementTime().orElse(org.openjdk.jmh.runner.options.TimeValue.seconds(1)))
                .forks(cli.getForkCount().orElse(1))
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        System.out.println(table(results));
    }

    static String table(Collection<RunResult> results) {
        Map<String, Map<String, double[]>> byClass = new TreeMap<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            int dot = full.lastIndexOf('.');
            // a class with @Param is one group per parameter set, each with its own baseline
            StringBuilder cls = new StringBuilder(full.substring(full.lastIndexOf('.', dot - 1) + 1, dot));
            for (String key : r.getParams().getParamsKeys()) {
                cls.append(cls.indexOf("[") < 0 ? "[" : ",").append(key).append('=').append(r.getParams().getParam(key));
            }
            if (cls.indexOf("[") >= 0) {
                cls.append(']');
            }
            byClass.computeIfAbsent(cls.toString(), k -> new TreeMap<>()).put(full.substring(dot + 1),
                    new double[]{r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | ms/op | ± | baseline ms/op | ratio |\n|---|--:|--:|--:|--:|\n");
        byClass.forEach((cls, methods) -> {
            double[] base = methods.get("baseline");
            methods.forEach((m, v) -> {
                if (m.equals("baseline")) {
                    return;
                }
                out.append(String.format(Locale.ROOT, "| %s.%s | %.3f | %.3f | %s | %s |%n", cls, m, v[0], v[1],
                        base == null ? "-" : String.format(Locale.ROOT, "%.3f", base[0]),
                        base == null || base[0] <= 0 ? "-" : String.format(Locale.ROOT, "%.1fx", v[0] / base[0])));
            });
        });
        return out.toString();
    }
}
