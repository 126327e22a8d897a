package dev.dualpath.bench.verdict.gate;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.jmh.Units;
import dev.dualpath.bench.verdict.machine.DisturbanceRule;
import dev.dualpath.bench.verdict.machine.RunDisturbance;
import dev.dualpath.bench.verdict.machine.SetAside;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Estimates each series' {@link RunSpread} from several runs of the same code on one machine.
 *
 * <p>The model, on the log scale: a fork's value is the series' level, plus the run's effect
 * (variance {@code σ²_run}: the machine's speed that day, what else ran on the host), plus the
 * fork's own noise (variance {@code σ²_fork}). A run's mean log over {@code n} forks then varies
 * between runs by {@code σ²_run + σ²_fork/n}. The method of moments: {@code σ²_run = max(0, var(run
 * means) - s²_fork · mean(1/n))}, with {@code s²_fork} the forks' variance pooled within the runs.
 * It is estimated from runs, so its degrees of freedom are the runs less one: from few runs it is
 * rough, which the gate's degrees of freedom carry.
 *
 * <p>Forks a run flagged as measured on a disturbed machine or while its JIT was still compiling
 * ({@link RunDisturbance}) are left out, so that the spread is that of quiet runs; a gate handles a
 * disturbed run by its flags. A series is estimated only from runs that have it, and only when at
 * least {@link RunSpread#MIN_RUNS} do; a near-zero amount (e.g. 0.006 bytes per op) gets the floor
 * the gate adds before its ratio ({@link GateConfig#SECONDARY_FLOORS}).
 */
public final class RunSpreadEstimator {

    /**
     * A run to estimate from.
     *
     * @param name where it came from, e.g. its folder; recorded in the spread
     * @param run its JMH result
     */
    public record Run(String name, JmhRun run) {}

    private RunSpreadEstimator() {}

    /**
     * Returns the spread of every primary series, and of the named secondary metrics, found in at
     * least {@link RunSpread#MIN_RUNS} of the runs.
     *
     * @param runs the runs, of the same benchmarks on the same machine (a code change between them
     *     that moved a series counts as spread)
     * @param secondaries secondary metric names to estimate besides the primaries
     * @return the spread; {@link RunSpread#isEmpty()} when no series is in enough runs
     */
    public static RunSpread estimate(List<Run> runs, Set<String> secondaries) {
        Map<String, List<double[]>> byLabel = new TreeMap<>();
        Map<String, BenchmarkId> ids = new TreeMap<>();
        for (Run r : runs) {
            RunDisturbance flags = RunDisturbance.of(r.run(), DisturbanceRule.DEFAULT);
            for (Measurement m : r.run().measurements()) {
                String secondary = m.id().secondary();
                if (secondary != null && !secondaries.contains(secondary)) continue;
                double[] kept = quietForks(m, flags);
                if (kept.length == 0) continue;
                byLabel.computeIfAbsent(m.id().display(), k -> new ArrayList<>()).add(kept);
                ids.put(m.id().display(), m.id());
            }
        }
        Map<String, RunSpread.Series> series = new TreeMap<>();
        byLabel.forEach(
                (label, perRun) -> {
                    if (perRun.size() < RunSpread.MIN_RUNS) return;
                    double[][] logs = logs(perRun, GateConfig.floorOf(ids.get(label)));
                    if (logs.length == 0) return;
                    series.put(label, new RunSpread.Series(Math.sqrt(between(logs)), logs.length));
                });
        return new RunSpread(runs.stream().map(Run::name).toList(), series);
    }

    /**
     * The between-run variance of the mean log: the variance of the runs' means less what their
     * forks' pooled noise explains, never below 0.
     */
    static double between(double[][] logsPerRun) {
        int runs = logsPerRun.length;
        double[] means = new double[runs];
        double withinSs = 0;
        int withinDf = 0;
        double meanInverseN = 0;
        for (int r = 0; r < runs; r++) {
            double[] x = logsPerRun[r];
            means[r] = Arrays.stream(x).average().orElseThrow();
            for (double v : x) withinSs += (v - means[r]) * (v - means[r]);
            withinDf += x.length - 1;
            meanInverseN += 1.0 / x.length / runs;
        }
        double grand = Arrays.stream(means).average().orElseThrow();
        double betweenVar = 0;
        for (double m : means) betweenVar += (m - grand) * (m - grand) / (runs - 1);
        double forkVar = withinDf == 0 ? 0 : withinSs / withinDf;
        return Math.max(0, betweenVar - forkVar * meanInverseN);
    }

    /**
     * The logs of each run's values, with {@code floor} added to all when the series is a near-zero
     * amount; empty when a value cannot be put on the log scale.
     */
    private static double[][] logs(List<double[]> perRun, double floor) {
        double mean = perRun.stream().flatMapToDouble(Arrays::stream).average().orElse(0);
        double offset = RatioJudge.floorOffset(mean, floor);
        double[][] out = new double[perRun.size()][];
        for (int r = 0; r < out.length; r++) {
            double[] x = perRun.get(r);
            out[r] = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double v = x[i] + offset;
                if (!(v > 0)) return new double[0][];
                out[r][i] = Math.log(v);
            }
        }
        return out;
    }

    /**
     * The series' per-fork values without the forks its run flagged; all of them when the forks
     * cannot be matched to the flags (a fork without data, or a single fork's iterations).
     */
    private static double[] quietForks(Measurement m, RunDisturbance flags) {
        Units units = m.units();
        if (units.basis() != Units.Basis.FORKS) return new double[0];
        double[] values = units.values();
        int recorded =
                m.histogramsPerFork().isEmpty()
                        ? m.rawDataPerFork().size()
                        : m.histogramsPerFork().size();
        if (values.length != recorded) return values;
        return SetAside.without(values, flags.disturbedForks(m.id()));
    }
}
