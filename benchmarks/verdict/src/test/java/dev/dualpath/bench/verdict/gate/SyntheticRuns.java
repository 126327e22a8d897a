package dev.dualpath.bench.verdict.gate;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic runs with known answers for the gate's tests: {@code series} series {@code x.Bench.call
 * {series=i}}, fork means log-normal around 100.
 *
 * @param series how many series a run has
 * @param forks forks per series
 * @param forkSd standard deviation of a fork's log mean around its run's level
 * @param runSd standard deviation of each series' run effect on the log scale (the machine's speed
 *     on the day the run was made), drawn anew for every run and series; 0 for none
 */
record SyntheticRuns(int series, int forks, double forkSd, double runSd) {

    /** A run with every series at its level. */
    JmhRun run(Random random) {
        return run(random, -1, 1.0);
    }

    /** A run with series {@code slowSeries} (or none, -1) multiplied by {@code slowFactor}. */
    JmhRun run(Random random, int slowSeries, double slowFactor) {
        List<Measurement> ms = new ArrayList<>();
        for (int s = 0; s < series; s++) {
            double level = 100 * (s == slowSeries ? slowFactor : 1.0);
            // No draw without a run effect, so that a seed gives the runs it gave before there was
            // one.
            double day = runSd == 0 ? 1 : Math.exp(runSd * random.nextGaussian());
            List<List<Double>> perFork = new ArrayList<>();
            for (int k = 0; k < forks; k++) {
                double forkMean = level * day * Math.exp(forkSd * random.nextGaussian());
                perFork.add(List.of(forkMean, forkMean, forkMean));
            }
            ms.add(
                    new Measurement(
                            id(s),
                            "us/op",
                            1,
                            forks,
                            level,
                            Double.NaN,
                            Map.of(),
                            perFork,
                            List.of()));
        }
        return new JmhRun(Path.of("synthetic.json"), ms, "synthetic");
    }

    /** The id of series {@code s}. */
    static BenchmarkId id(int s) {
        return BenchmarkId.primary("x.Bench.call", "avgt", Map.of("series", Integer.toString(s)));
    }
}
