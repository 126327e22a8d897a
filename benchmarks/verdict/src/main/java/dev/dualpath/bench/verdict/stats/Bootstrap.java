package dev.dualpath.bench.verdict.stats;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap of any statistic of group means, with the small-sample expansion that makes
 * it honest for the 3 to 10 forks a benchmark run has.
 *
 * <p><b>Method.</b> Each group (e.g. the baseline's per-fork means and the current run's) is
 * resampled independently with replacement; the statistic (e.g. ratio of the two means) is computed
 * on the resampled means; this is repeated {@link BootstrapSettings#resamples()} times with a
 * seeded RNG. The interval is read off the sorted statistics at the tails below.
 *
 * <p><b>Expanded percentile interval</b> (Hesterberg 2015, "What teachers should know about the
 * bootstrap", section 4.3). A plain percentile interval from n units is too narrow for small n:
 * resampling divides the variance by n instead of n-1, and uses normal instead of t tails. With n =
 * 3 forks a nominal 95 % interval covers about 70 %, which would let an A/A comparison "fail". So
 * the tail probability used is {@code alpha'/2 = Phi(-sqrt(n/(n-1)) * t(1-alpha/2, n-1))} where n
 * is the smallest group size. For n = 3 at 95 % this is about 7e-8, i.e. the interval is the range
 * of all resampled values; for n = 10 it is about 0.6 %; for large n it tends to alpha/2.
 *
 * <p><b>Small-sample floor.</b> Resampled means never leave the range of the observed units, so for
 * very few units (3 forks) even the expanded tails end at the data's extremes and the interval can
 * be too short (two sets of 3 forks that happen not to overlap would look "significant" one time in
 * 20 under no change). The interval is therefore widened to at least the t interval built from the
 * bootstrap standard error, {@code point +- t(1-alpha/2, n-1) * sqrt(n/(n-1)) * SE*}. For 10 or
 * more units the two nearly coincide; for 3 the t interval usually decides.
 *
 * <p><b>Paired groups.</b> When the groups' units were measured in rounds (unit i of every group in
 * round i, the order within a round randomized, as {@code run} interleaves the forks of one plan),
 * {@link #pairedInterval} resamples rounds rather than each group on its own: a round's units stay
 * together, so whatever a round shares (the machine's state during those minutes) cancels in a
 * difference instead of widening it. When rounds share nothing, the paired interval is about as
 * wide as the independent one, with n the number of rounds; it stays valid either way, because the
 * randomized order makes the rounds exchangeable units.
 *
 * <p>Statistic values that are NaN in a resample (0/0) are dropped; if more than half are NaN the
 * interval is undefined. Infinite values are kept (they sort to the ends).
 */
public final class Bootstrap {

    private final BootstrapSettings settings;

    /**
     * @param settings resamples, confidence level and seed
     */
    public Bootstrap(BootstrapSettings settings) {
        this.settings = settings;
    }

    /** The settings in use. */
    public BootstrapSettings settings() {
        return settings;
    }

    /**
     * Returns the statistic on the observed means, with its interval; undefined (NaN bounds, with a
     * note) if any group has fewer than 2 units.
     *
     * @param groups independent samples; each must be resampled on its own (e.g. forks of two runs)
     * @param statistic a function of the group means, indexed as {@code groups}
     */
    public ConfidenceInterval interval(
            List<double[]> groups, ToDoubleFunction<double[]> statistic) {
        return interval(groups, statistic, false);
    }

    /**
     * Like {@link #interval}, but resampling rounds: one draw of round indices per resample,
     * applied to every group, so that unit i of each group stays with unit i of the others.
     *
     * @param groups samples measured in the same rounds: unit i of each in round i
     * @param statistic a function of the group means, indexed as {@code groups}
     * @throws IllegalArgumentException if the groups differ in size
     */
    public ConfidenceInterval pairedInterval(
            List<double[]> groups, ToDoubleFunction<double[]> statistic) {
        return interval(groups, statistic, true);
    }

    /**
     * {@link #pairedInterval} when {@code paired}, else {@link #interval}.
     *
     * @throws IllegalArgumentException if {@code paired} and the groups differ in size
     */
    public ConfidenceInterval interval(
            List<double[]> groups, ToDoubleFunction<double[]> statistic, boolean paired) {
        if (paired && groups.stream().anyMatch(g -> g.length != groups.get(0).length)) {
            throw new IllegalArgumentException(
                    "paired groups must have one unit per round each, have "
                            + groups.stream().map(g -> g.length).toList());
        }
        int k = groups.size();
        double[] observed = new double[k];
        int minUnits = Integer.MAX_VALUE;
        for (int g = 0; g < k; g++) {
            observed[g] = average(groups.get(g));
            minUnits = Math.min(minUnits, groups.get(g).length);
        }
        double point = statistic.applyAsDouble(observed.clone());
        double conf = settings.confidence();
        if (minUnits < 2) {
            return ConfidenceInterval.undefined(
                    point, conf, minUnits, "needs at least 2 units per series, has " + minUnits);
        }
        double[] stats = paired ? resampleRounds(groups, statistic) : resample(groups, statistic);
        if (stats.length < settings.resamples() / 2) {
            return ConfidenceInterval.undefined(
                    point, conf, minUnits, "statistic undefined (0/0) in most resamples");
        }
        Arrays.sort(stats);
        double tail = expandedTail(conf, minUnits);
        int lo = clamp((int) Math.floor(tail * stats.length), stats.length);
        int hi = clamp((int) Math.ceil((1 - tail) * stats.length) - 1, stats.length);
        double tHalf = tHalfWidth(stats, conf, minUnits);
        double lower = Math.min(stats[lo], point - tHalf);
        double upper = Math.max(stats[hi], point + tHalf);
        String note =
                tail * stats.length < 1
                        ? "few units: interval widened beyond the resampled range"
                        : "";
        return new ConfidenceInterval(point, lower, upper, conf, minUnits, note);
    }

    /** Interval of the mean of one sample. */
    public ConfidenceInterval mean(double[] units) {
        return interval(List.of(units), m -> m[0]);
    }

    /**
     * Interval of mean(numerator) / mean(denominator), two independent samples. For positive data
     * it is computed on the log scale and mapped back, so it stays within (0, ∞) however few the
     * units (on the linear scale the small-sample floor, symmetric about the point, gave ratios
     * below 0 at 3 forks); otherwise on the linear scale.
     */
    public ConfidenceInterval ratioOfMeans(double[] numerator, double[] denominator) {
        return ratioOfMeans(numerator, denominator, false);
    }

    /**
     * {@link #ratioOfMeans(double[], double[])}, resampling rounds when {@code paired} ({@link
     * #pairedInterval}).
     *
     * @throws IllegalArgumentException if {@code paired} and the samples differ in size
     */
    public ConfidenceInterval ratioOfMeans(
            double[] numerator, double[] denominator, boolean paired) {
        if (!allPositive(numerator) || !allPositive(denominator)) {
            return interval(List.of(numerator, denominator), m -> m[0] / m[1], paired);
        }
        ConfidenceInterval log =
                interval(List.of(numerator, denominator), m -> Math.log(m[0] / m[1]), paired);
        return new ConfidenceInterval(
                Math.exp(log.point()),
                Math.exp(log.lower()),
                Math.exp(log.upper()),
                log.confidence(),
                log.minUnits(),
                log.note());
    }

    private static boolean allPositive(double[] values) {
        for (double v : values) {
            if (!(v > 0)) return false;
        }
        return values.length > 0;
    }

    /** Interval of mean(a) - mean(b), two independent samples. */
    public ConfidenceInterval differenceOfMeans(double[] a, double[] b) {
        return interval(List.of(a, b), m -> m[0] - m[1]);
    }

    /**
     * Interval of mean(a) - mean(b); when {@code paired}, for samples measured in the same rounds
     * ({@link #pairedInterval}).
     *
     * @throws IllegalArgumentException if a and b differ in size
     */
    public ConfidenceInterval differenceOfMeans(double[] a, double[] b, boolean paired) {
        return interval(List.of(a, b), m -> m[0] - m[1], paired);
    }

    /**
     * The tail probability alpha'/2 of the expanded percentile interval.
     *
     * @param confidence nominal two-sided level
     * @param n the smallest group size, at least 2
     */
    public static double expandedTail(double confidence, int n) {
        double alpha = 1 - confidence;
        double t = Distributions.studentTQuantile(1 - alpha / 2, n - 1);
        return Distributions.normalCdf(-Math.sqrt(n / (n - 1.0)) * t);
    }

    /** t(1-alpha/2, n-1) * sqrt(n/(n-1)) * SE*; 0 when the resamples are not all finite. */
    private static double tHalfWidth(double[] stats, double confidence, int n) {
        double sum = 0;
        for (double v : stats) {
            if (!Double.isFinite(v)) return 0;
            sum += v;
        }
        double mean = sum / stats.length;
        double ss = 0;
        for (double v : stats) ss += (v - mean) * (v - mean);
        double se = Math.sqrt(ss / (stats.length - 1));
        double t = Distributions.studentTQuantile(1 - (1 - confidence) / 2, n - 1);
        return t * Math.sqrt(n / (n - 1.0)) * se;
    }

    private double[] resample(List<double[]> groups, ToDoubleFunction<double[]> statistic) {
        SplittableRandom rng = new SplittableRandom(settings.seed());
        int k = groups.size();
        double[] means = new double[k];
        double[] out = new double[settings.resamples()];
        int kept = 0;
        for (int r = 0; r < settings.resamples(); r++) {
            for (int g = 0; g < k; g++) {
                double[] units = groups.get(g);
                double sum = 0;
                for (int i = 0; i < units.length; i++) sum += units[rng.nextInt(units.length)];
                means[g] = sum / units.length;
            }
            double s = statistic.applyAsDouble(means);
            if (!Double.isNaN(s)) out[kept++] = s;
        }
        return Arrays.copyOf(out, kept);
    }

    private double[] resampleRounds(List<double[]> groups, ToDoubleFunction<double[]> statistic) {
        SplittableRandom rng = new SplittableRandom(settings.seed());
        int k = groups.size();
        int rounds = groups.get(0).length;
        int[] drawn = new int[rounds];
        double[] means = new double[k];
        double[] out = new double[settings.resamples()];
        int kept = 0;
        for (int r = 0; r < settings.resamples(); r++) {
            for (int i = 0; i < rounds; i++) drawn[i] = rng.nextInt(rounds);
            for (int g = 0; g < k; g++) {
                double[] units = groups.get(g);
                double sum = 0;
                for (int i : drawn) sum += units[i];
                means[g] = sum / rounds;
            }
            double s = statistic.applyAsDouble(means);
            if (!Double.isNaN(s)) out[kept++] = s;
        }
        return Arrays.copyOf(out, kept);
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    private static double average(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return values.length == 0 ? Double.NaN : sum / values.length;
    }
}
