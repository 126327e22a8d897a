package dev.dualpath.bench.run;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What the benchmarks compiled into this jar declare, read from JMH's benchmark list: which
 * benchmarks an include pattern matches and the values their {@code @Param}s are declared with. The
 * planner, the filters and {@code compare} ask it before any fork runs.
 */
public final class DeclaredBenchmarks {

    private DeclaredBenchmarks() {}

    /**
     * Every {@code @Param} of the benchmarks {@code include} matches but {@code except}, each with
     * its first declared value: the one series a comparison's forks run.
     */
    public static Map<String, String> firstDeclaredValues(String include, String except) {
        Map<String, String> out = new TreeMap<>();
        for (BenchmarkListEntry entry : find(include)) {
            if (entry.getParams().hasValue()) {
                entry.getParams()
                        .get()
                        .forEach(
                                (name, values) -> {
                                    if (!name.equals(except) && values.length > 0) {
                                        out.putIfAbsent(name, values[0]);
                                    }
                                });
            }
        }
        return out;
    }

    /** The benchmarks (one entry per method and mode) {@code include} matches, in JMH's order. */
    static List<BenchmarkListEntry> find(String include) {
        OutputFormat quiet =
                OutputFormatFactory.createFormatInstance(
                        new PrintStream(
                                OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8),
                        VerboseMode.SILENT);
        return new ArrayList<>(
                BenchmarkList.defaultList().find(quiet, List.of(include), new ArrayList<>()));
    }

    /**
     * The values {@code plan} runs {@code param} at: its own override, else the values the
     * benchmarks it includes declare; empty when none of them has the parameter.
     *
     * @param plan a plan
     * @param param a {@code @Param} field's name (case-sensitive)
     */
    public static List<String> values(Plan plan, String param) {
        List<String> own = plan.params().get(param);
        return own != null ? own : declaredValues(plan.include(), param);
    }

    /**
     * The values a {@code @Param} is declared with on the benchmarks {@code include} matches, in
     * declaration order; empty when none of them has the parameter.
     *
     * @param include a JMH include pattern
     * @param param a {@code @Param} field's name (case-sensitive)
     */
    static List<String> declaredValues(String include, String param) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (BenchmarkListEntry entry : find(include)) {
            if (entry.getParams().hasValue() && entry.getParams().get().containsKey(param)) {
                values.addAll(List.of(entry.getParams().get().get(param)));
            }
        }
        return List.copyOf(values);
    }
}
