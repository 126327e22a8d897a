package dev.dualpath.bench.verdict.jmh;

/**
 * One bin of a SampleTime iteration histogram as JMH writes it in {@code rawDataHistogram}: a
 * sampled value (in the metric's unit) and how many samples fell on it.
 *
 * @param value the sampled value, in the score unit
 * @param count number of samples with that value, at least 1
 */
public record HistogramBin(double value, long count) {

    /**
     * @throws IllegalArgumentException if the count is not positive
     */
    public HistogramBin {
        if (count <= 0) throw new IllegalArgumentException("count must be > 0, was " + count);
    }
}
