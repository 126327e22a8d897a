package dev.dualpath.bench.verdict.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * What many series, each measured with few forks, say together about the fork-to-fork variance: the
 * empirical Bayes prior of Smyth's moderated t-statistic (Smyth 2004, "Linear models and empirical
 * Bayes methods for assessing differential expression in microarray experiments"), the standard
 * answer to "thousands of series, three replicates each".
 *
 * <p>Each series' variance {@code s²} (with {@code d} degrees of freedom) is taken to be drawn
 * around a common {@code s0²} with {@code d0} prior degrees of freedom; both are estimated by
 * matching the mean and variance of {@code log s²} (digamma and trigamma moments). A series'
 * moderated variance is {@code (d0·s0² + d·s²) / (d0 + d)} with {@code d0 + d} degrees of freedom:
 * a variance from three forks is pulled toward what the other series show, and its t quantile
 * shrinks with the added degrees of freedom. When the series disagree wildly, {@code d0} comes out
 * small and little changes; when they agree, {@code d0} is large and every series borrows the
 * family's precision.
 *
 * <p>Why the gate needs it: with three forks a side, one disturbed fork makes a series' own
 * variance estimate (two degrees of freedom) so large that even a ×1000 slowdown cannot clear
 * Holm's correction over twenty series; its moderated variance can.
 *
 * @param priorDf {@code d0}: 0 for no moderation, {@code +∞} when the series' variances are
 *     indistinguishable from one common value
 * @param priorVariance {@code s0²}, meaningful when {@code priorDf > 0}
 */
public record VariancePrior(double priorDf, double priorVariance) {

    /** No moderation: every series keeps its own variance. */
    public static final VariancePrior NONE = new VariancePrior(0, 0);

    /** Fewer series than this estimate nothing. */
    public static final int MIN_SERIES = 3;

    /**
     * Returns the prior, or {@link #NONE} when fewer than {@link #MIN_SERIES} series are usable.
     *
     * @param variances per-series variance estimates; zero or non-finite ones are left out (a
     *     series whose forks all agree exactly says nothing about the others' spread)
     * @param dfs their degrees of freedom (entries below 1 are left out)
     * @return the prior, or {@link #NONE} when fewer than {@link #MIN_SERIES} series are usable
     */
    public static VariancePrior estimate(double[] variances, double[] dfs) {
        List<double[]> usable = new ArrayList<>();
        for (int i = 0; i < variances.length; i++) {
            if (variances[i] > 0 && Double.isFinite(variances[i]) && dfs[i] >= 1) {
                usable.add(new double[] {variances[i], dfs[i]});
            }
        }
        int g = usable.size();
        if (g < MIN_SERIES) return NONE;
        double[] e = new double[g];
        double meanTrigamma = 0;
        for (int i = 0; i < g; i++) {
            double s2 = usable.get(i)[0];
            double half = usable.get(i)[1] / 2;
            e[i] = Math.log(s2) - Distributions.digamma(half) + Math.log(half);
            meanTrigamma += Distributions.trigamma(half) / g;
        }
        double eMean = LogRatio.mean(e);
        double excess = LogRatio.variance(e) - meanTrigamma;
        if (excess <= 0) {
            return new VariancePrior(Double.POSITIVE_INFINITY, Math.exp(eMean));
        }
        double d0 = 2 * Distributions.trigammaInverse(excess);
        double s02 = Math.exp(eMean + Distributions.digamma(d0 / 2) - Math.log(d0 / 2));
        return new VariancePrior(d0, s02);
    }

    /**
     * Returns the moderated variance.
     *
     * @param variance a series' own variance estimate (may be 0)
     * @param df its degrees of freedom
     * @return the moderated variance
     */
    public double moderate(double variance, double df) {
        if (priorDf == 0) return variance;
        if (Double.isInfinite(priorDf)) return priorVariance;
        return (priorDf * priorVariance + df * variance) / (priorDf + df);
    }

    /** The moderated variance's degrees of freedom, {@code d0 + df}. */
    public double moderatedDf(double df) {
        return priorDf + df;
    }
}
