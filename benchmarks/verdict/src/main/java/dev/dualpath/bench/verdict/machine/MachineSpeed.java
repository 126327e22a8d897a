package dev.dualpath.bench.verdict.machine;

import dev.dualpath.bench.verdict.jmh.JmhRun;
import java.util.List;
import java.util.Optional;

/**
 * How fast a run's machine ran the fixed calibration loop that {@code dualpath run} times before
 * and after every iteration ({@link RunDisturbance#CALIBRATION}): the median, over every fork of
 * every series, of the fork's mean loop time. A disturbed fork moves it little (a median), while a
 * whole machine running slower or faster than on another day moves all of it: the figure to compare
 * between a baseline and the current run.
 *
 * @param medianMicros the median of the forks' mean loop times, µs (positive)
 * @param forks how many forks it is the median of (at least 1)
 */
public record MachineSpeed(double medianMicros, int forks) {

    /**
     * @throws IllegalArgumentException if {@code medianMicros} is not positive and finite, or
     *     {@code forks < 1}
     */
    public MachineSpeed {
        if (!(medianMicros > 0) || Double.isInfinite(medianMicros)) {
            throw new IllegalArgumentException(
                    "medianMicros must be positive and finite, was " + medianMicros);
        }
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be >= 1, was " + forks);
        }
    }

    /**
     * The speed recorded in {@code run}; empty when it recorded no calibration loop (another JMH
     * suite, or a run from before the loop), or none with a positive, finite time.
     */
    public static Optional<MachineSpeed> of(JmhRun run) {
        List<Double> forks =
                RunDisturbance.calibrationForkMeans(run).stream()
                        .filter(v -> v > 0 && !Double.isInfinite(v))
                        .sorted()
                        .toList();
        if (forks.isEmpty()) {
            return Optional.empty();
        }
        int n = forks.size();
        double median =
                n % 2 == 1 ? forks.get(n / 2) : (forks.get(n / 2 - 1) + forks.get(n / 2)) / 2;
        return Optional.of(new MachineSpeed(median, n));
    }

    /**
     * How much longer this run's loop took than {@code other}'s, as a fraction: 0.05 is 5 % slower,
     * −0.05 5 % faster.
     */
    public double slowerThan(MachineSpeed other) {
        return medianMicros / other.medianMicros - 1;
    }
}
