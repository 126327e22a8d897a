package dev.dualpath.bench.verdict.gate;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.MetricDirection;
import dev.dualpath.bench.verdict.jmh.Units;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;

/**
 * One gated series: the baseline and current units, the ratio current / baseline of their means
 * with its interval, and the verdict.
 *
 * @param id the series
 * @param unit its unit (the same in both runs; a unit change is reported in {@code note})
 * @param direction which way is better
 * @param baseline the baseline's units
 * @param current the current run's units
 * @param ratio mean(current) / mean(baseline) with its bootstrap interval
 * @param minEffect the minimum relative effect applied to this series
 * @param minDetectableEffect relative half-width of the interval in the worse direction (NaN if
 *     undefined): with this much noise, a change smaller than this cannot be told from none
 * @param verdict PASS, FAIL or INCONCLUSIVE
 * @param improved true when the interval lies entirely on the better side and the point estimate is
 *     at least the minimum effect better (reported as a note; the verdict is PASS)
 * @param note why the verdict is what it is, when that is not obvious; empty otherwise
 */
public record GateRow(
        BenchmarkId id,
        String unit,
        MetricDirection direction,
        Units baseline,
        Units current,
        ConfidenceInterval ratio,
        double minEffect,
        double minDetectableEffect,
        GateVerdict verdict,
        boolean improved,
        String note) {

    /** Relative change of the mean, current / baseline - 1 (negative = smaller value). */
    public double change() {
        return ratio.point() - 1;
    }
}
