package dev.dualpath.bench.verdict.jmh;

import dev.dualpath.bench.verdict.InputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One JMH result file, read: its measurements (primary and secondary metrics) in file order, the
 * JVM description JMH recorded, and how long each series' measured iterations were.
 *
 * @param file the JSON file read
 * @param measurements every series, primary metrics and secondary metrics alike
 * @param jvm JMH's {@code vmName vmVersion (jdkVersion)} of the first result, or "unknown"
 * @param defects secondary metrics left out because a value was NaN, infinite or missing, each with
 *     the error naming its field: an error for whoever needs that metric
 * @param iterationTimes primary series id to the length of one measured iteration, as JMH wrote it
 *     ({@code measurementTime}); a series without one (hand-made files, single-shot mode) is absent
 */
public record JmhRun(
        Path file,
        List<Measurement> measurements,
        String jvm,
        Map<BenchmarkId, InputException> defects,
        Map<BenchmarkId, Duration> iterationTimes) {

    /** Freezes the collections. */
    public JmhRun {
        measurements = List.copyOf(measurements);
        defects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defects));
        iterationTimes = Map.copyOf(iterationTimes);
    }

    /** A run without defective secondary metrics or iteration times. */
    public JmhRun(Path file, List<Measurement> measurements, String jvm) {
        this(file, measurements, jvm, Map.of(), Map.of());
    }

    /**
     * How long one measured iteration of {@code id}'s series was (for a secondary id, its
     * primary's), if the file said.
     */
    public Optional<Duration> iterationTime(BenchmarkId id) {
        return Optional.ofNullable(
                iterationTimes.get(BenchmarkId.primary(id.benchmark(), id.mode(), id.params())));
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
