package dev.dualpath.bench.verdict.sequential;

/**
 * The error rates of a sequential comparison.
 *
 * @param alpha the probability, under no change at all, that any gated metric FAILs (family-wise,
 *     over the whole comparison and however long it runs), e.g. 0.05
 * @param screenAlpha the miscoverage of each metric's screening sequence, e.g. 0.05: it also bounds
 *     the chance that a regression of the minimum effect is declared a PASS
 */
public record SequentialSettings(double alpha, double screenAlpha) {

    /** 5 % family-wise, 5 % per screening sequence. */
    public static final SequentialSettings DEFAULT = new SequentialSettings(0.05, 0.05);

    /**
     * @throws IllegalArgumentException if a rate is outside (0, 1)
     */
    public SequentialSettings {
        if (!(alpha > 0 && alpha < 1) || !(screenAlpha > 0 && screenAlpha < 1)) {
            throw new IllegalArgumentException("error rates must be in (0, 1)");
        }
    }

    /**
     * The confirmation level for {@code gated} metrics, {@code α / (K·α_s)}, or NaN when {@code
     * K·α_s <= α} and screening alone keeps the family-wise rate.
     */
    public double confirmAlpha(int gated) {
        double c = alpha / (Math.max(1, gated) * screenAlpha);
        return c >= 1 ? Double.NaN : c;
    }
}
