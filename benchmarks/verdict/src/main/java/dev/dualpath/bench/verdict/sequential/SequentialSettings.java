package dev.dualpath.bench.verdict.sequential;

/**
 * The error rates of a sequential comparison.
 *
 * @param alpha the probability, under no change at all, that any gated metric FAILs (family-wise,
 *     over the whole comparison and however long it runs), e.g. 0.05
 * @param passAlpha the probability, per metric, that a regression of exactly the minimum effect is
 *     declared a PASS, e.g. 0.05
 */
public record SequentialSettings(double alpha, double passAlpha) {

    /** 5 % family-wise, 5 % per metric for a PASS. */
    public static final SequentialSettings DEFAULT = new SequentialSettings(0.05, 0.05);

    /**
     * @throws IllegalArgumentException if a rate is outside (0, 1)
     */
    public SequentialSettings {
        if (!(alpha > 0 && alpha < 1) || !(passAlpha > 0 && passAlpha < 1)) {
            throw new IllegalArgumentException("error rates must be in (0, 1)");
        }
    }

    /**
     * Each metric's share of the family-wise rate when {@code gated} metrics are gated: {@code α/K}
     * (Bonferroni, valid whatever the dependence between metrics).
     *
     * @param gated how many metrics are gated over all series, at least 1
     * @return {@code α/K}
     */
    public double metricAlpha(int gated) {
        return alpha / Math.max(1, gated);
    }
}
