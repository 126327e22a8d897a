package dev.dualpath.bench.verdict.sequential;

import java.util.Objects;

/**
 * One metric a sequential comparison gates.
 *
 * @param name the metric's name: {@code primary} for the benchmark's score, else the secondary
 *     metric's name as JMH writes it (e.g. {@code gc.alloc.rate.norm})
 * @param higherIsBetter whether a decrease is the regression (a throughput)
 * @param scale relative (log) or absolute
 * @param minEffect the smallest regression that may FAIL, on the scale's terms (fraction or unit)
 * @param floor added to every value before the log on the relative scale (0 for times)
 */
public record MetricSpec(
        String name, boolean higherIsBetter, Scale scale, double minEffect, double floor) {

    /** The primary metric's name. */
    public static final String PRIMARY = "primary";

    /**
     * @throws IllegalArgumentException if the minimum effect is not positive or the floor negative
     */
    public MetricSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scale, "scale");
        if (!(minEffect > 0)) throw new IllegalArgumentException("minEffect must be > 0");
        if (!(floor >= 0)) throw new IllegalArgumentException("floor must be >= 0");
    }

    /**
     * The block statistic: mean of B's transformed values minus mean of A's, oriented so that
     * positive is worse. With ABBA or BAAB order, a drift of the machine that is linear over the
     * block's four forks cancels.
     *
     * @param a the two base forks' values
     * @param b the two head forks' values
     */
    public double worseChange(double[] a, double[] b) {
        double d = mean(b) - mean(a);
        return higherIsBetter ? -d : d;
    }

    private double mean(double[] values) {
        double s = 0;
        for (double v : values) s += scale.transform(v, floor);
        return s / values.length;
    }
}
