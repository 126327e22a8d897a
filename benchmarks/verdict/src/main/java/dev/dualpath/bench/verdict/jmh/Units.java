package dev.dualpath.bench.verdict.jmh;

import java.util.Arrays;

/**
 * The independent observations of one series that the bootstrap resamples, and what they are.
 *
 * @param values the observations, in the series' unit; never contains NaN
 * @param basis what one observation is
 */
// equals/hashCode below compare the values by content, so the array component is safe.
@SuppressWarnings("ArrayRecordComponent")
public record Units(double[] values, Basis basis) {

    /** What one observation stands for. */
    public enum Basis {
        /** One per JMH fork (the preferred unit). */
        FORKS,
        /** One per iteration of a single fork: spread between JVMs is not seen. */
        ITERATIONS,
        /** One per batch of samples (the Python replay). */
        BATCHES,
        /** No usable data. */
        NONE;

        /** Lower-case name for reports. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Defensive copy. */
    public Units {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Number of observations. */
    public int size() {
        return values.length;
    }

    /** Arithmetic mean, NaN when empty. */
    public double mean() {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).average().orElse(Double.NaN);
    }

    /**
     * A copy with {@code offset} added to every value, e.g. a floor added before the log so that a
     * near-zero amount cannot make a large ratio.
     */
    public Units plus(double offset) {
        return new Units(Arrays.stream(values).map(v -> v + offset).toArray(), basis);
    }

    /** A copy with every value multiplied by {@code factor} (unit conversion). */
    public Units times(double factor) {
        return new Units(Arrays.stream(values).map(v -> v * factor).toArray(), basis);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Units u && u.basis == basis && Arrays.equals(u.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + basis.hashCode();
    }

    @Override
    public String toString() {
        return "Units[" + basis.label() + "=" + Arrays.toString(values) + "]";
    }
}
