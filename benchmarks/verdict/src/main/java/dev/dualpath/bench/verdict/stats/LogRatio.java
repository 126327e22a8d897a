package dev.dualpath.bench.verdict.stats;

import java.util.Arrays;

/**
 * The change between two independent samples of positive per-fork summaries, on the log scale:
 * {@code d = mean(log current) - mean(log baseline)}, with the two-sample t statistic's standard
 * error from the pooled variance of the logs.
 *
 * <p>Why logs: a performance change is multiplicative (a 10 % slowdown is the same whether a call
 * takes 3 µs or 3 ms), fork-to-fork noise is closer to log-normal than normal, and an interval for
 * {@code d} maps back to a ratio interval {@code exp(d ± t·se)} that can never reach or cross zero:
 * a change below -100 % is impossible by construction. {@code exp(d)} is the ratio of the geometric
 * means.
 *
 * <p>Why pooled rather than Welch: with the same number of forks a side the pooled t is robust to
 * unequal variances, it keeps all {@code n_b + n_c - 2} degrees of freedom (Welch's drop toward
 * {@code n - 1} when one side happens to agree closely, which at three forks a side costs a factor
 * of ten in p), and a pooled variance is what {@link VariancePrior} moderates across series.
 *
 * <p>Edge cases. With both sides' spread zero (e.g. bytes per operation, identical in every fork)
 * the standard error is 0: the interval is the point, and any non-zero {@code d} is significant.
 * With one unit on one side, the variance comes from the other side alone; with one unit on both
 * sides nothing can be said ({@link #of} refuses).
 *
 * @param estimate {@code d}, the difference of mean logs (current - baseline)
 * @param standardError {@code s·sqrt(1/n_b + 1/n_c)} with {@code s²} the (moderated) pooled
 *     variance of the logs
 * @param degreesOfFreedom of the t quantiles; {@code +∞} when the standard error is 0
 * @param baselineUnits n_b
 * @param currentUnits n_c
 * @param pooledSd the series' own pooled standard deviation of one unit's log (before any
 *     moderation), for planning further forks
 * @param runVariance the variance of one run's mean log between runs on different occasions ({@link
 *     #withRunVariance}) that the standard error includes twice, once per run; 0 when none is
 *     known. More forks never shrink this part.
 * @param runDf degrees of freedom of {@code runVariance}'s estimate; 0 when there is none
 */
public record LogRatio(
        double estimate,
        double standardError,
        double degreesOfFreedom,
        int baselineUnits,
        int currentUnits,
        double pooledSd,
        double runVariance,
        double runDf) {

    /**
     * Returns the estimate with its standard error.
     *
     * @param baseline the baseline's per-fork summaries, each finite and &gt; 0
     * @param current the current run's per-fork summaries, each finite and &gt; 0
     * @return the estimate with its standard error
     * @throws IllegalArgumentException if a value is not finite and positive, or either side is
     *     empty, or both sides have a single unit
     */
    public static LogRatio of(double[] baseline, double[] current) {
        double[] b = logs(baseline, "baseline");
        double[] c = logs(current, "current");
        if (b.length < 2 && c.length < 2) {
            throw new IllegalArgumentException("needs at least 2 units on one side");
        }
        double ss = sumOfSquares(b) + sumOfSquares(c);
        int df = b.length + c.length - 2;
        double sd = Math.sqrt(ss / df);
        return withVariance(mean(c) - mean(b), ss / df, df, b.length, c.length, sd);
    }

    /**
     * This comparison with its variance moderated by what the other series of its family show.
     *
     * @param prior the family's prior; {@link VariancePrior#NONE} changes nothing
     * @throws IllegalStateException if a run variance was already added ({@link #withRunVariance}):
     *     moderation pools the forks' noise only
     */
    public LogRatio moderatedBy(VariancePrior prior) {
        if (runDf != 0) {
            throw new IllegalStateException("moderate the fork variance before adding a run's");
        }
        int df = residualDf();
        double variance = prior.moderate(pooledSd * pooledSd, df);
        return withVariance(
                estimate, variance, prior.moderatedDf(df), baselineUnits, currentUnits, pooledSd);
    }

    /**
     * This comparison with the spread between runs added: the baseline and the current run each
     * carry a run effect of variance {@code runVariance} on top of their forks' noise (a machine
     * that is a few percent faster one day than another, whatever the code), so the standard error
     * becomes {@code sqrt(se² + 2·runVariance)}, and its degrees of freedom the smaller of the fork
     * part's and the run part's, even when the run variance was estimated as 0: the runs behind the
     * estimate are what the comparison now rests on, and they are few. With the same number of
     * forks as the runs behind the estimate, this is the two-sample t test of run means with the
     * runs' degrees of freedom, or more conservative. Welch–Satterthwaite's degrees of freedom
     * would be larger, and in the far tail that a correction over 40 series tests (p ≈ 0.0006) they
     * raised false alarms to about twice the level in simulation; so did keeping the forks' degrees
     * of freedom for a series whose run variance came out 0. Apply after {@link #moderatedBy}.
     *
     * @param variance between-run variance of a run's mean log, &gt;= 0; 0 adds none but still
     *     limits the degrees of freedom
     * @param df degrees of freedom of its estimate (runs - 1), &gt; 0
     * @return the comparison with the wider standard error
     * @throws IllegalArgumentException if {@code variance} is negative or not finite, or {@code df}
     *     is not positive
     * @throws IllegalStateException if a run variance was already added
     */
    public LogRatio withRunVariance(double variance, double df) {
        if (!(variance >= 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("run variance must be finite and >= 0: " + variance);
        }
        if (!(df > 0)) throw new IllegalArgumentException("df must be > 0: " + df);
        if (runDf != 0) throw new IllegalStateException("a run variance is already added");
        double total = standardError * standardError + 2 * variance;
        return new LogRatio(
                estimate,
                Math.sqrt(total),
                total == 0 ? Double.POSITIVE_INFINITY : Math.min(degreesOfFreedom, df),
                baselineUnits,
                currentUnits,
                pooledSd,
                variance,
                df);
    }

    /** The standard error of the forks alone, without {@link #runVariance()}. */
    public double forkStandardError() {
        return Math.sqrt(Math.max(0, standardError * standardError - 2 * runVariance));
    }

    /** Degrees of freedom of the series' own pooled variance, {@code n_b + n_c - 2}. */
    public int residualDf() {
        return baselineUnits + currentUnits - 2;
    }

    private static LogRatio withVariance(
            double estimate, double variance, double df, int nb, int nc, double sd) {
        double se = Math.sqrt(variance * (1.0 / nb + 1.0 / nc));
        return new LogRatio(
                estimate, se, se == 0 ? Double.POSITIVE_INFINITY : df, nb, nc, sd, 0, 0);
    }

    /** The ratio of geometric means, {@code exp(estimate)}. */
    public double ratio() {
        return Math.exp(estimate);
    }

    /**
     * Returns the ratio interval {@code exp(d ± t·se)}; always within (0, ∞).
     *
     * @param confidence two-sided level in (0, 1), e.g. 0.95
     * @return the ratio interval {@code exp(d ± t·se)}; always within (0, ∞)
     */
    public ConfidenceInterval ratioInterval(double confidence) {
        double h = quantile(1 - (1 - confidence) / 2) * standardError;
        return new ConfidenceInterval(
                ratio(),
                Math.exp(estimate - h),
                Math.exp(estimate + h),
                confidence,
                Math.min(baselineUnits, currentUnits),
                "");
    }

    /**
     * Returns the upper one-sided bound of {@code d}.
     *
     * @param confidence one-sided level, e.g. 0.95
     * @return the upper one-sided bound of {@code d}
     */
    public double upperBound(double confidence) {
        return estimate + quantile(confidence) * standardError;
    }

    /**
     * Returns the lower one-sided bound of {@code d}.
     *
     * @param confidence one-sided level, e.g. 0.95
     * @return the lower one-sided bound of {@code d}
     */
    public double lowerBound(double confidence) {
        return estimate - quantile(confidence) * standardError;
    }

    /**
     * The one-sided p-value of "no increase" ({@code d <= 0}) against an increase: small when the
     * current run's values are larger. For a metric where higher is better, test {@link #negate()}.
     */
    public double pIncrease() {
        if (standardError == 0) return estimate > 0 ? 0 : 1;
        double t = estimate / standardError;
        return Double.isInfinite(degreesOfFreedom)
                ? Distributions.normalCdf(-t)
                : Distributions.studentTCdf(-t, degreesOfFreedom);
    }

    /** The same comparison read the other way round (for metrics where higher is better). */
    public LogRatio negate() {
        return new LogRatio(
                -estimate,
                standardError,
                degreesOfFreedom,
                baselineUnits,
                currentUnits,
                pooledSd,
                runVariance,
                runDf);
    }

    private double quantile(double p) {
        if (standardError == 0) return 0;
        return Double.isInfinite(degreesOfFreedom)
                ? Distributions.normalQuantile(p)
                : Distributions.studentTQuantile(p, degreesOfFreedom);
    }

    private static double[] logs(double[] values, String side) {
        if (values.length == 0) throw new IllegalArgumentException(side + " has no units");
        return Arrays.stream(values)
                .map(
                        v -> {
                            if (!(v > 0) || Double.isInfinite(v)) {
                                throw new IllegalArgumentException(
                                        side
                                                + " has a value that is not finite and positive: "
                                                + v);
                            }
                            return Math.log(v);
                        })
                .toArray();
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    static double variance(double[] x) {
        return sumOfSquares(x) / (x.length - 1);
    }

    private static double sumOfSquares(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) ss += (v - m) * (v - m);
        return ss;
    }
}
