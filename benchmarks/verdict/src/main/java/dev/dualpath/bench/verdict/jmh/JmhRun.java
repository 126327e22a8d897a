package dev.dualpath.bench.verdict.jmh;

import dev.dualpath.bench.verdict.InputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One JMH result file, read: its measurements (primary and secondary metrics) in file order, and
 * the JVM description JMH recorded.
 *
 * @param file the JSON file read
 * @param measurements every series, primary metrics and secondary metrics alike
 * @param jvm JMH's {@code vmName vmVersion (jdkVersion)} of the first result, or "unknown"
 * @param defects secondary metrics left out because a value was NaN, infinite or missing, each with
 *     the error naming its field: an error for whoever needs that metric
 */
public record JmhRun(
        Path file,
        List<Measurement> measurements,
        String jvm,
        Map<BenchmarkId, InputException> defects) {

    /** Freezes the collections. */
    public JmhRun {
        measurements = List.copyOf(measurements);
        defects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defects));
    }

    /** A run without defective secondary metrics. */
    public JmhRun(Path file, List<Measurement> measurements, String jvm) {
        this(file, measurements, jvm, Map.of());
    }

    /** Every series keyed by id, in file order. */
    public Map<BenchmarkId, Measurement> byId() {
        Map<BenchmarkId, Measurement> map = new LinkedHashMap<>();
        measurements.forEach(m -> map.put(m.id(), m));
        return map;
    }

    /** The series with this id, if the run has it. */
    public Optional<Measurement> find(BenchmarkId id) {
        return measurements.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The distinct benchmark method names in the run, sorted. */
    public Set<String> benchmarkNames() {
        Set<String> names = new TreeSet<>();
        measurements.forEach(m -> names.add(m.id().benchmark()));
        return names;
    }

    /** Only the primary-metric series. */
    public List<Measurement> primaries() {
        return measurements.stream().filter(m -> m.id().secondary() == null).toList();
    }
}
