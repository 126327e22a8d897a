package dev.dualpath.bench.verdict.stats;

/**
 * How many forks per side a fixed-size comparison needs to decide, at the variance measured so far.
 *
 * <p>Normal approximation for two independent samples of n forks each, fork-to-fork standard
 * deviation {@code s} of the log summaries, a true change {@code Δ} on the log scale away from the
 * nearest decision boundary: the standard error is {@code s·sqrt(2/n)}, and the boundary is cleared
 * with probability {@code power} when {@code (z(1-α) + z(power))·s·sqrt(2/n) <= Δ}, so
 *
 * <pre>
 *     n = ceil( 2 · s² · (z(1-α) + z(power))² / Δ² )
 * </pre>
 *
 * It is a plan, not a promise: {@code s} is itself estimated from few forks, and the t quantile of
 * a small sample is larger than {@code z}.
 */
public final class ForkPlanner {

    /** Power the plans are made for. */
    public static final double POWER = 0.8;

    /** A plan past this many forks per side is reported as this. */
    public static final int MAX_FORKS = 100_000;

    private ForkPlanner() {}

    /**
     * Returns forks per side, at least 2, at most {@link #MAX_FORKS}; {@code MAX_FORKS} when {@code
     * distance} is not positive.
     *
     * @param sd fork-to-fork standard deviation of the log summaries, &gt;= 0
     * @param distance distance on the log scale between the expected change and the boundary it
     *     must clear, &gt; 0
     * @param alphaOneSided one-sided error rate of the test that must clear it, in (0, 0.5)
     * @return forks per side, at least 2, at most {@link #MAX_FORKS}; {@code MAX_FORKS} when {@code
     *     distance} is not positive
     */
    public static int forksPerSide(double sd, double distance, double alphaOneSided) {
        return forksPerSide(sd, distance, alphaOneSided, 0, Double.POSITIVE_INFINITY);
    }

    /**
     * {@link #forksPerSide(double, double, double)} when the comparison also carries a variance
     * that forks cannot shrink: the spread between two runs made on different occasions ({@link
     * LogRatio#withRunVariance}). The standard error with {@code n} forks a side is then {@code
     * sqrt(2·s²/n + fixedVariance)}, so no number of forks decides a distance within {@code (z(1-α)
     * + z(power))·sqrt(fixedVariance)}.
     *
     * @param sd fork-to-fork standard deviation of the log summaries, &gt;= 0
     * @param distance distance on the log scale the comparison must clear, &gt; 0
     * @param alphaOneSided one-sided error rate, in (0, 0.5)
     * @param fixedVariance variance of the log change that more forks leave as it is, &gt;= 0
     * @param fixedDf degrees of freedom of {@code fixedVariance}'s estimate, &gt; 0; they bound the
     *     test's even when {@code fixedVariance} is 0 ({@code +∞} for none)
     * @return forks per side, at least 2; {@link #MAX_FORKS} when none would do
     */
    public static int forksPerSide(
            double sd,
            double distance,
            double alphaOneSided,
            double fixedVariance,
            double fixedDf) {
        if (!(distance > 0)) return MAX_FORKS;
        double z =
                Distributions.normalQuantile(1 - alphaOneSided)
                        + Distributions.normalQuantile(POWER);
        double room = distance * distance - z * z * fixedVariance;
        if (!(room > 0)) return MAX_FORKS;
        double normal = Math.ceil(2 * sd * sd * z * z / room);
        if (!(normal < MAX_FORKS)) return MAX_FORKS;
        int n = (int) Math.max(2, normal);
        while (n < MAX_FORKS && n < 1000) {
            double forkPart = 2 * sd * sd / n;
            if (forkPart + fixedVariance == 0) break;
            // As LogRatio#withRunVariance counts them: the smaller of the two parts'.
            double df = Math.min(2.0 * n - 2, fixedDf);
            double q =
                    Distributions.studentTQuantile(1 - alphaOneSided, df)
                            + Distributions.studentTQuantile(POWER, df);
            if (q * Math.sqrt(forkPart + fixedVariance) <= distance) break;
            n++;
        }
        return n >= 1000 && fixedVariance > 0 ? MAX_FORKS : n;
    }
}
