package dev.dualpath.bench.run;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.ForkRounds;
import dev.dualpath.bench.verdict.jmh.HistogramBin;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's series indexed for the summary's tables: primaries of one benchmark, a series by its
 * params, a secondary metric of a row, and per-fork figures (means, percentiles from each fork's
 * own histograms) for intervals over forks.
 */
final class RunIndex {

    private final JmhRun run;
    private final ForkRounds rounds;
    private final Map<BenchmarkId, Measurement> byId;

    /** A run whose forks did not run in rounds: nothing pairs. */
    RunIndex(JmhRun run) {
        this(run, ForkRounds.NONE);
    }

    RunIndex(JmhRun run, ForkRounds rounds) {
        this.run = run;
        this.rounds = rounds;
        this.byId = run.byId();
    }

    /**
     * Whether fork i of {@code a} and fork i of {@code b} ran in the same round ({@link
     * ForkRounds}): the same plan's rounds, one fork per round each.
     */
    boolean paired(Measurement a, Measurement b) {
        int forks = a.forkMeans().size();
        return rounds.paired(a.id(), b.id())
                && forks == b.forkMeans().size()
                && rounds.rounds(a.id()).orElse(-1) == forks;
    }

    JmhRun run() {
        return run;
    }

    /** The primary series of {@code shortBenchmark} (e.g. {@code Foo.call}), in file order. */
    List<Measurement> primaries(String shortBenchmark) {
        return run.primaries().stream()
                .filter(m -> m.id().shortBenchmark().equals(shortBenchmark))
                .toList();
    }

    /** The primary series of {@code shortBenchmark} whose params are exactly {@code params}. */
    Optional<Measurement> primary(String shortBenchmark, Map<String, String> params) {
        return primaries(shortBenchmark).stream()
                .filter(m -> m.id().params().equals(params))
                .findFirst();
    }

    /** A secondary metric's score for the row; NaN when the run lacks it. */
    double secondary(Measurement row, String metric) {
        Measurement m = byId.get(row.id().withSecondary(metric));
        return m == null ? Double.NaN : m.score();
    }

    /** A secondary metric's series for the row, if the run has it. */
    Optional<Measurement> secondarySeries(Measurement row, String metric) {
        return Optional.ofNullable(byId.get(row.id().withSecondary(metric)));
    }

    /**
     * Primaries grouped by their params without {@code dropped}, in a stable order; each group's
     * rows keyed by the dropped params' values joined with a comma.
     */
    static Map<Map<String, String>, List<Measurement>> groupWithout(
            List<Measurement> rows, String... dropped) {
        Map<Map<String, String>, List<Measurement>> groups =
                new TreeMap<>(Comparator.comparing(Object::toString));
        for (Measurement m : rows) {
            Map<String, String> key = new TreeMap<>(m.id().params());
            for (String d : dropped) {
                key.remove(d);
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        return groups;
    }

    /** {@code params} with {@code name} set to {@code value}. */
    static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put(name, value);
        return p;
    }

    /** The fork means as an array, for the bootstrap. */
    static double[] forkMeans(Measurement m) {
        return m.forkMeans().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Each fork's own {@code quantile} (0..1) over all its iterations' samples, for SampleTime
     * series; empty for other modes.
     */
    static double[] forkPercentiles(Measurement m, double quantile) {
        List<Double> out = new ArrayList<>();
        for (List<List<HistogramBin>> fork : m.histogramsPerFork()) {
            List<HistogramBin> bins = new ArrayList<>();
            fork.forEach(bins::addAll);
            if (!bins.isEmpty()) {
                out.add(percentile(bins, quantile));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double percentile(List<HistogramBin> bins, double quantile) {
        List<HistogramBin> sorted = new ArrayList<>(bins);
        sorted.sort(Comparator.comparingDouble(HistogramBin::value));
        long total = 0;
        for (HistogramBin b : sorted) {
            total += b.count();
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (HistogramBin b : sorted) {
            seen += b.count();
            if (seen >= Math.max(1, rank)) {
                return b.value();
            }
        }
        return sorted.get(sorted.size() - 1).value();
    }

    /** The smallest and largest fork mean, as {@code [min–max]}, or a dash. */
    static String forkRange(Measurement m) {
        List<Double> means = m.forkMeans();
        if (means.isEmpty()) {
            return "—";
        }
        double min = means.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = means.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return "[" + StrategyTable.num(min) + "–" + StrategyTable.num(max) + "]";
    }

    /** Microseconds per unit of a time-per-op unit ({@code ns/op} → 0.001); NaN otherwise. */
    static double microsPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-3;
            case "us/op" -> 1.0;
            case "ms/op" -> 1e3;
            case "s/op" -> 1e6;
            default -> Double.NaN;
        };
    }
}
