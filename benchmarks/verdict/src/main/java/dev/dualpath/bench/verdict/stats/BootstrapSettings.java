package dev.dualpath.bench.verdict.stats;

/**
 * How a bootstrap is run. The seed makes every interval reproducible: the same inputs give the same
 * report byte for byte.
 *
 * @param resamples number of resamples, at least 1,000
 * @param confidence two-sided confidence level in (0.5, 1), e.g. 0.95
 * @param seed RNG seed
 */
public record BootstrapSettings(int resamples, double confidence, long seed) {

    /** 10,000 resamples, 95 %, seed 42. */
    public static final BootstrapSettings DEFAULT = new BootstrapSettings(10_000, 0.95, 42L);

    /**
     * @throws IllegalArgumentException if resamples &lt; 1000 or confidence is outside (0.5, 1)
     */
    public BootstrapSettings {
        if (resamples < 1000)
            throw new IllegalArgumentException("resamples must be >= 1000, was " + resamples);
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0.5, 1), was " + confidence);
        }
    }
}
