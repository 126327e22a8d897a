package dev.dualpath.bench.verdict.jmh;

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
 */
public record JmhRun(Path file, List<Measurement> measurements, String jvm) {

    /** Freezes the list. */
    public JmhRun {
        measurements = List.copyOf(measurements);
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
