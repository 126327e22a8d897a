package dev.dualpath.bench.verdict.stats;

/**
 * A point estimate with a two-sided confidence interval.
 *
 * @param point the statistic on the observed data
 * @param lower lower bound, NaN when undefined
 * @param upper upper bound, NaN when undefined
 * @param confidence the nominal level, e.g. 0.95
 * @param minUnits the smallest number of units among the groups it was computed from
 * @param note why the interval is undefined or what limits it; empty if nothing to say
 */
public record ConfidenceInterval(
        double point, double lower, double upper, double confidence, int minUnits, String note) {

    /** An interval that could not be computed, with the reason. */
    public static ConfidenceInterval undefined(
            double point, double confidence, int minUnits, String why) {
        return new ConfidenceInterval(point, Double.NaN, Double.NaN, confidence, minUnits, why);
    }

    /** True when both bounds are finite numbers. */
    public boolean isDefined() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    /** Half the width, (upper - lower) / 2; NaN when undefined. */
    public double halfWidth() {
        return (upper - lower) / 2;
    }

    /** Whether {@code x} lies within [lower, upper]. */
    public boolean contains(double x) {
        return isDefined() && lower <= x && x <= upper;
    }

    /**
     * The interval of 1/x (bounds swap), for turning a ratio of positive quantities around. A lower
     * bound at or below zero gives an infinite upper bound.
     */
    public ConfidenceInterval reciprocal() {
        double hi = lower <= 0 ? Double.POSITIVE_INFINITY : 1 / lower;
        return new ConfidenceInterval(1 / point, 1 / upper, hi, confidence, minUnits, note);
    }
}
