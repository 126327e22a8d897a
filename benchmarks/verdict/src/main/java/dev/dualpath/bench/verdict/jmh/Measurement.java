package dev.dualpath.bench.verdict.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the verdict code uses about one measured series of a JMH run.
 *
 * <p>{@code rawDataPerFork} holds one list per fork of per-iteration values in {@link #unit()}. For
 * SampleTime ({@code sample}) results JMH writes histograms instead of values; the reader turns
 * each iteration's histogram into its mean (sum of value x count over total count) so every mode
 * offers the same per-iteration view, and keeps the histograms in {@code histogramsPerFork}. Every
 * value is finite: the reader refuses a file with a NaN or infinite measured value.
 *
 * @param id the series identity
 * @param unit the score unit, e.g. {@code us/op}, {@code ops/s}, {@code B/op}
 * @param threads JMH worker threads
 * @param forks number of forks JMH reported (the raw data may hold fewer usable ones)
 * @param score JMH's score, NaN if absent or NaN
 * @param scoreError JMH's 99.9 % error half-width, NaN if absent or NaN
 * @param percentiles JMH's {@code scorePercentiles}, keyed by percentile as written ({@code
 *     "50.0"})
 * @param rawDataPerFork per fork, per iteration values, all finite
 * @param histogramsPerFork SampleTime only: per fork, per iteration histogram; else empty
 */
public record Measurement(
        BenchmarkId id,
        String unit,
        int threads,
        int forks,
        double score,
        double scoreError,
        Map<String, Double> percentiles,
        List<List<Double>> rawDataPerFork,
        List<List<List<HistogramBin>>> histogramsPerFork) {

    /** Freezes the collections. */
    public Measurement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        percentiles = Map.copyOf(percentiles);
        rawDataPerFork = rawDataPerFork.stream().map(List::copyOf).toList();
        histogramsPerFork =
                histogramsPerFork.stream().map(f -> f.stream().map(List::copyOf).toList()).toList();
    }

    /** Which way is better, from the unit. */
    public MetricDirection direction() {
        return MetricDirection.fromUnit(unit);
    }

    /**
     * The mean of {@link #forkMeans()}: each fork weighs the same, whatever number of samples it
     * took (JMH's own score pools a SampleTime run's samples over forks); NaN without forks.
     */
    public double meanOfForks() {
        return forkMeans().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /**
     * Each fork's mean: of its iteration values, or for SampleTime of all its samples (the fork's
     * histograms pooled, so an iteration with more samples weighs more, as in JMH's own score).
     *
     * @return one mean per fork, in fork order
     */
    public List<Double> forkMeans() {
        List<Double> means = new ArrayList<>();
        if (!histogramsPerFork.isEmpty()) {
            for (List<List<HistogramBin>> fork : histogramsPerFork) {
                double sum = 0;
                long n = 0;
                for (List<HistogramBin> iteration : fork) {
                    for (HistogramBin b : iteration) {
                        sum += b.value() * b.count();
                        n += b.count();
                    }
                }
                if (n > 0) means.add(sum / n);
            }
            return means;
        }
        for (List<Double> fork : rawDataPerFork) {
            double[] finite = finite(fork);
            if (finite.length > 0) means.add(mean(finite));
        }
        return means;
    }

    /**
     * The independent units the statistics resample: per-fork means when at least two forks have
     * data (forks are the unit: JMH's within-fork error understates run-to-run spread), otherwise
     * the single fork's iteration values (a weaker basis, flagged by {@link Units#basis()}).
     */
    public Units units() {
        List<Double> means = forkMeans();
        if (means.size() >= 2) {
            return new Units(
                    means.stream().mapToDouble(Double::doubleValue).toArray(), Units.Basis.FORKS);
        }
        for (List<Double> fork : rawDataPerFork) {
            double[] finite = finite(fork);
            if (finite.length > 0) return new Units(finite, Units.Basis.ITERATIONS);
        }
        return new Units(new double[0], Units.Basis.NONE);
    }

    /**
     * A copy whose every value (raw data, histogram values, score, percentiles) is multiplied by
     * {@code factor}; used to inject a known slowdown when testing the gate.
     */
    public Measurement scaled(double factor) {
        List<List<Double>> raw =
                rawDataPerFork.stream().map(f -> f.stream().map(v -> v * factor).toList()).toList();
        List<List<List<HistogramBin>>> hist =
                histogramsPerFork.stream()
                        .map(
                                f ->
                                        f.stream()
                                                .map(
                                                        it ->
                                                                it.stream()
                                                                        .map(
                                                                                b ->
                                                                                        new HistogramBin(
                                                                                                b
                                                                                                                .value()
                                                                                                        * factor,
                                                                                                b
                                                                                                        .count()))
                                                                        .toList())
                                                .toList())
                        .toList();
        Map<String, Double> pct = new java.util.TreeMap<>();
        percentiles.forEach((k, v) -> pct.put(k, v * factor));
        return new Measurement(
                id, unit, threads, forks, score * factor, scoreError * factor, pct, raw, hist);
    }

    /**
     * A series made from raw iteration values rather than read from a JMH file (a synthetic run, a
     * table's test data): one thread, the score the mean of every value, no error, percentiles or
     * histograms.
     *
     * @param id the series
     * @param unit its unit, e.g. {@code us/op}
     * @param rawDataPerFork each fork's iteration values; at least one value in all
     * @throws IllegalArgumentException if there is no value at all
     */
    public static Measurement ofForks(
            BenchmarkId id, String unit, List<List<Double>> rawDataPerFork) {
        double score =
                rawDataPerFork.stream()
                        .flatMap(List::stream)
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElseThrow(
                                () -> new IllegalArgumentException(id.display() + ": no values"));
        return new Measurement(
                id,
                unit,
                1,
                rawDataPerFork.size(),
                score,
                Double.NaN,
                Map.of(),
                rawDataPerFork,
                List.of());
    }

    /** A copy keeping only the forks at the given indexes (in that order). */
    public Measurement selectForks(List<Integer> forkIndexes) {
        List<List<Double>> raw = forkIndexes.stream().map(rawDataPerFork::get).toList();
        List<List<List<HistogramBin>>> hist =
                histogramsPerFork.isEmpty()
                        ? List.of()
                        : forkIndexes.stream().map(histogramsPerFork::get).toList();
        return new Measurement(
                id, unit, threads, forkIndexes.size(), score, scoreError, percentiles, raw, hist);
    }

    private static double[] finite(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }
}
