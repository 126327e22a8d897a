package dev.dualpath.bench.verdict.jmh;

import java.util.Locale;

/**
 * Which way is better for a metric, derived from its unit alone so the gate works on any team's
 * benchmarks without configuration.
 *
 * <ul>
 *   <li>{@code ops/s}, {@code ops/ms}, ... (a rate of operations): higher is better.
 *   <li>{@code us/op}, {@code B/op}, ... (a cost per operation): lower is better.
 *   <li>Anything else (e.g. {@code MB/sec} of allocation, {@code counts}, {@code ms}): unknown;
 *       such series are reported but never gated, because the unit does not say which way is worse.
 * </ul>
 */
public enum MetricDirection {
    /** Larger values are better (throughput). */
    HIGHER_IS_BETTER,
    /** Smaller values are better (time or bytes per operation). */
    LOWER_IS_BETTER,
    /** The unit does not say; not gated. */
    UNKNOWN;

    /**
     * Returns the direction that unit implies.
     *
     * @param unit a JMH score unit such as {@code ops/s}, {@code us/op}, {@code B/op}; may be null
     */
    public static MetricDirection fromUnit(String unit) {
        if (unit == null) return UNKNOWN;
        String u = unit.trim().toLowerCase(Locale.ROOT);
        if (u.startsWith("ops/")) return HIGHER_IS_BETTER;
        if (u.endsWith("/op")) return LOWER_IS_BETTER;
        return UNKNOWN;
    }
}
