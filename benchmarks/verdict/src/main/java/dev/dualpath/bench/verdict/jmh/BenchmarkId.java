package dev.dualpath.bench.verdict.jmh;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The identity of one measured series in a JMH result: the benchmark method, its mode, its
 * {@code @Param} values, and, when it addresses a secondary metric (e.g. {@code
 * gc.alloc.rate.norm}), that metric's name.
 *
 * <p>Two runs are compared series by series through this identity, so the same method with a
 * different {@code @Param} value is a different series. Params are kept sorted by name so that
 * equality and {@link #display()} do not depend on the order JMH wrote them.
 *
 * @param benchmark fully qualified method name as JMH writes it, e.g. {@code a.b.FooBenchmark.call}
 * @param mode JMH mode short name: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param params {@code @Param} name to value (empty when the benchmark has none)
 * @param secondary secondary metric name, or {@code null} for the primary metric
 */
public record BenchmarkId(
        String benchmark, String mode, Map<String, String> params, String secondary)
        implements Comparable<BenchmarkId> {

    /** Validates and freezes the params into a sorted, unmodifiable map. */
    public BenchmarkId {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(mode, "mode");
        params =
                Collections.unmodifiableSortedMap(
                        new TreeMap<>(params == null ? Map.of() : params));
    }

    /** The primary metric of a benchmark. */
    public static BenchmarkId primary(String benchmark, String mode, Map<String, String> params) {
        return new BenchmarkId(benchmark, mode, params, null);
    }

    /** The same benchmark, addressing the named secondary metric instead. */
    public BenchmarkId withSecondary(String metric) {
        return new BenchmarkId(benchmark, mode, params, metric);
    }

    /** The secondary metric name, if this id addresses one. */
    public Optional<String> secondaryMetric() {
        return Optional.ofNullable(secondary);
    }

    /** The method name without its class, e.g. {@code call}; used to spot renamed classes. */
    public String methodName() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(dot + 1);
    }

    /** The class simple name and method, e.g. {@code FooBenchmark.call}. */
    public String shortBenchmark() {
        int method = benchmark.lastIndexOf('.');
        int cls = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(cls + 1);
    }

    /**
     * A stable, human-readable form: {@code Class.method [mode] {k=v, ...} :secondary}. Used as a
     * row label in every report and as the text that per-benchmark overrides are matched against.
     */
    public String display() {
        StringBuilder sb =
                new StringBuilder(shortBenchmark()).append(" [").append(mode).append(']');
        if (!params.isEmpty()) {
            sb.append(' ')
                    .append(
                            params.entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .collect(Collectors.joining(", ", "{", "}")));
        }
        if (secondary != null) {
            sb.append(" :").append(secondary);
        }
        return sb.toString();
    }

    @Override
    public int compareTo(BenchmarkId o) {
        int c = benchmark.compareTo(o.benchmark);
        if (c == 0) c = mode.compareTo(o.mode);
        if (c == 0) c = params.toString().compareTo(o.params.toString());
        if (c == 0) c = String.valueOf(secondary).compareTo(String.valueOf(o.secondary));
        return c;
    }
}
