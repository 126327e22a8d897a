package dev.dualpath.bench.openloop;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution's summary, in µs, rounded to 0.1 µs. HdrHistogram reports each percentile
 * as the highest value equivalent to it at 3 significant digits (so within 0.1 % above the true
 * one).
 *
 * @param p50Us median
 * @param p90Us 90th percentile
 * @param p99Us 99th percentile
 * @param p999Us 99.9th percentile
 * @param maxUs largest value
 * @param meanUs mean
 */
public record Percentiles(
        double p50Us, double p90Us, double p99Us, double p999Us, double maxUs, double meanUs) {

    private static final double NANOS_PER_MICRO = 1000.0;

    /**
     * Returns its summary, or null when it holds no value (there is no distribution to summarise).
     *
     * @param nanos a histogram of values in ns
     */
    public static Percentiles ofNanos(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return null;
        }
        return new Percentiles(
                us(nanos.getValueAtPercentile(50)),
                us(nanos.getValueAtPercentile(90)),
                us(nanos.getValueAtPercentile(99)),
                us(nanos.getValueAtPercentile(99.9)),
                us(nanos.getMaxValue()),
                round(nanos.getMean() / NANOS_PER_MICRO));
    }

    private static double us(long nanos) {
        return round(nanos / NANOS_PER_MICRO);
    }

    private static double round(double us) {
        return Math.round(us * 10) / 10.0;
    }
}
