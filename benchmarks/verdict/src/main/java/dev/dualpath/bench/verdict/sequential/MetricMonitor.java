package dev.dualpath.bench.verdict.sequential;

import dev.dualpath.bench.verdict.stats.Distributions;

/**
 * The sequential decision for one metric of one series, block by block, at a family-wise share of
 * the comparison's error rate.
 *
 * <p><b>Two routes to a decision</b>, each spending part of the metric's rate {@code α_k}:
 *
 * <ul>
 *   <li>After <em>every</em> block, an anytime-valid confidence sequence ({@link
 *       MixtureConfidenceSequence}) at {@code α_k·}{@value #ANYTIME_SHARE}: wide, but it lets a
 *       blunder (a ×1000 slowdown, an allocation count that moved and never varies) decide in a few
 *       blocks without waiting for a look.
 *   <li>At each <em>planned look</em> ({@link #look}, placed by elapsed time, never by the data), a
 *       Student t test on all blocks so far at {@code α_k·(1 − }{@value #ANYTIME_SHARE}{@code
 *       )·share}: a few looks cost far less than looking after every block, which is where a change
 *       the size of the noise gets decided.
 * </ul>
 *
 * The metric FAILs when a route's interval lies above 0 and the estimate is at least the minimum
 * effect; it PASSes when a route's interval at the PASS level lies below the minimum effect. The
 * routes' shares sum to at most 1, so by the union bound, under no change, the metric FAILs with
 * probability at most {@code α_k}; with {@code α_k = α/K} over the {@code K} gated metrics the
 * whole comparison raises a false alarm with probability at most {@code α} (Bonferroni), whatever
 * the dependence between metrics and however the comparison stops. A regression of the minimum
 * effect is declared a PASS with probability at most the PASS level.
 */
public final class MetricMonitor {

    /**
     * The share of a metric's error rate spent by the confidence sequence; the looks get the rest.
     */
    public static final double ANYTIME_SHARE = 0.2;

    /** Where the metric stands. */
    public enum State {
        /** Collecting evidence. */
        OPEN,
        /** Decided: a regression of at least the minimum effect. */
        FAIL,
        /** Decided: a regression of the minimum effect ruled out. */
        PASS;

        /** Whether the metric needs no more blocks. */
        public boolean decided() {
            return this != OPEN;
        }
    }

    /**
     * The error rates one metric is judged at, with their confidence sequences (shared between
     * metrics with the same rates, as a sequence caches its boundaries).
     *
     * @param failAlpha {@code α_k}: the probability, under no change, that the metric FAILs
     * @param passAlpha the probability that a regression of the minimum effect PASSes
     * @param failSequence the sequence at {@code failAlpha·ANYTIME_SHARE}
     * @param passSequence the sequence at {@code passAlpha·ANYTIME_SHARE}
     */
    public record Levels(
            double failAlpha,
            double passAlpha,
            MixtureConfidenceSequence failSequence,
            MixtureConfidenceSequence passSequence) {

        /**
         * Builds the levels and their sequences.
         *
         * @param failAlpha {@code α_k}
         * @param passAlpha the PASS level
         * @return the levels
         * @throws IllegalArgumentException if a rate is outside (0, 1)
         */
        public static Levels of(double failAlpha, double passAlpha) {
            return new Levels(
                    failAlpha,
                    passAlpha,
                    new MixtureConfidenceSequence(failAlpha * ANYTIME_SHARE),
                    new MixtureConfidenceSequence(passAlpha * ANYTIME_SHARE));
        }
    }

    private final MetricSpec spec;
    private final Levels levels;
    private final double threshold;
    private final RunningMoments moments = new RunningMoments();
    private MixtureConfidenceSequence.Interval failInterval =
            MixtureConfidenceSequence.Interval.WHOLE_LINE;
    private MixtureConfidenceSequence.Interval passInterval =
            MixtureConfidenceSequence.Interval.WHOLE_LINE;
    private MixtureConfidenceSequence.Interval reported =
            MixtureConfidenceSequence.Interval.WHOLE_LINE;
    private double lookShareLeft = 1;
    private int looks;
    private State state = State.OPEN;
    private String note = "";

    /**
     * @param spec the metric
     * @param levels its error rates
     */
    public MetricMonitor(MetricSpec spec, Levels levels) {
        this.spec = spec;
        this.levels = levels;
        this.threshold = spec.scale().threshold(spec.minEffect());
    }

    /** The metric. */
    public MetricSpec spec() {
        return spec;
    }

    /** Where it stands. */
    public State state() {
        return state;
    }

    /**
     * Adds one block's oriented change and checks the confidence sequence (ignored once decided).
     *
     * @param worseChange the block statistic, positive = worse, on the metric's scale
     */
    public void add(double worseChange) {
        if (state.decided()) return;
        moments.add(worseChange);
        failInterval = narrow(failInterval, levels.failSequence(), moments);
        passInterval = narrow(passInterval, levels.passSequence(), moments);
        if (looks == 0) reported = failInterval;
        decide(failInterval, passInterval.upper(), "");
    }

    /**
     * Takes a planned look: a t test on every block so far, spending {@code share} of the looks'
     * part of the error rate (ignored once decided; the share is spent even when too few blocks
     * make the test impossible).
     *
     * @param share the look's share from the {@link LookSchedule}, in [0, 1]
     */
    public void look(double share) {
        if (state.decided() || !(share > 0)) return;
        lookShareLeft = Math.max(0, lookShareLeft - share);
        int n = moments.count();
        if (n < 2) return;
        looks++;
        double se = moments.sd() / Math.sqrt(n);
        double tFail = critical(levels.failAlpha(), share, n);
        double tPass = critical(levels.passAlpha(), share, n);
        double mean = moments.mean();
        reported = new MixtureConfidenceSequence.Interval(mean - tFail * se, mean + tFail * se);
        decide(reported, mean + tPass * se, " at a planned look");
    }

    private void decide(MixtureConfidenceSequence.Interval fail, double passUpper, String where) {
        if (fail.lower() > 0 && moments.mean() >= threshold) {
            state = State.FAIL;
        } else if (passUpper < threshold) {
            state = State.PASS;
            if (fail.lower() > 0) {
                note = "significantly worse, but by less than the minimum effect" + where;
            }
        }
    }

    /** The one-sided critical t of a look's test spending {@code share} of the looks' part. */
    private static double critical(double alpha, double share, int n) {
        double level = alpha * (1 - ANYTIME_SHARE) * share;
        return Distributions.studentTQuantile(1 - level, n - 1);
    }

    /** Blocks judged. */
    public int blocks() {
        return moments.count();
    }

    /** The estimate of the oriented change, on the metric's scale. */
    public double estimate() {
        return moments.mean();
    }

    /**
     * The interval behind the state: the last look's t interval at the FAIL level, or the
     * confidence sequence's running interval before the first look.
     */
    public MixtureConfidenceSequence.Interval interval() {
        return reported;
    }

    /** What the reader should know beyond the state; empty if nothing. */
    public String note() {
        return note;
    }

    /**
     * For an undecided metric: about how many more blocks the final look would need to decide it if
     * the change and the noise are what they seem (with the share of the looks not yet spent); 0
     * once decided, {@link Integer#MAX_VALUE} when no number would.
     */
    public int blocksToDecide() {
        if (state.decided()) return 0;
        int n = moments.count();
        if (n < 2) return Integer.MAX_VALUE;
        double mean = moments.mean();
        boolean failing = mean >= threshold;
        double distance = failing ? mean : threshold - mean;
        if (!(distance > 0)) return Integer.MAX_VALUE;
        double alpha = failing ? levels.failAlpha() : levels.passAlpha();
        double sd = moments.sd();
        // Once the looks are spent (the comparison stopped), the estimate is for a longer one,
        // whose final look would have its usual share.
        double share = lookShareLeft > 1e-9 ? lookShareLeft : LookSchedule.FINAL_SHARE;
        // The half-width t(m)·sd/√m falls with m: bisect for the smallest m that is narrow enough.
        int lo = n;
        int hi = 1_000_000;
        if (halfWidth(alpha, share, sd, hi) >= distance) return Integer.MAX_VALUE;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (halfWidth(alpha, share, sd, mid) < distance) hi = mid;
            else lo = mid;
        }
        return Math.max(1, hi - n);
    }

    private static double halfWidth(double alpha, double share, double sd, int m) {
        return critical(alpha, share, m) * sd / Math.sqrt(m);
    }

    /**
     * The running intersection. An empty intersection means the sequence has missed (probability at
     * most its α, or the data are not what the model assumes): keep the newest interval.
     */
    private static MixtureConfidenceSequence.Interval narrow(
            MixtureConfidenceSequence.Interval running,
            MixtureConfidenceSequence cs,
            RunningMoments m) {
        MixtureConfidenceSequence.Interval now = cs.interval(m.mean(), m.sd(), m.count());
        MixtureConfidenceSequence.Interval both = running.intersect(now);
        return both.lower() <= both.upper() ? both : now;
    }
}
