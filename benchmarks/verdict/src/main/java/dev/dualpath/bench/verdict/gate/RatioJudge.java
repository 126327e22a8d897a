package dev.dualpath.bench.verdict.gate;

import dev.dualpath.bench.verdict.jmh.MetricDirection;
import dev.dualpath.bench.verdict.jmh.Units;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import dev.dualpath.bench.verdict.stats.Distributions;
import dev.dualpath.bench.verdict.stats.ForkPlanner;
import dev.dualpath.bench.verdict.stats.LogRatio;
import dev.dualpath.bench.verdict.stats.VariancePrior;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/**
 * The gate's statistic for one series, in two steps: {@link #compare} measures the change on the
 * log scale ({@link LogRatio}: difference of mean log fork summaries, Welch standard error), and
 * {@link #judge} turns it into a verdict once the family's multiple-testing correction is known.
 *
 * <p>With {@code d} the change oriented so that positive is worse (current over baseline for a cost
 * per operation, baseline over current for a throughput), its two-sided interval at the configured
 * confidence, the minimum effect {@code m} and {@code δ = log(1 + m)}:
 *
 * <ul>
 *   <li><b>FAIL</b> when the one-sided test of "no regression" ({@code d <= 0}) is rejected at
 *       {@code α/2} after the family's Holm correction, and {@code d >= δ}: significant and large
 *       enough to matter. For a single series this is exactly "the interval lies above 1", so a
 *       FAIL never shows an interval that contains no change; with {@code α = 5 %} a family's A/A
 *       false-alarm rate is at most 2.5 %.
 *   <li><b>PASS</b> when the interval's worse end is below {@code δ}: a regression of the minimum
 *       effect is ruled out (an intersection-union test: uncorrected, because a PASS must hold for
 *       every series, which only gets harder with more of them).
 *   <li><b>INCONCLUSIVE</b> otherwise, with how many forks per side would decide at the variance
 *       measured ({@link ForkPlanner}).
 * </ul>
 *
 * <p>The reported interval is never corrected: the correction decides "significant", it does not
 * widen what the reader sees. The minimum detectable effect is the regression this data would
 * detect four times in five at the family's strictest level: {@code exp((z(1 - α/k) + z(0.8))·se) -
 * 1}.
 *
 * <p>A series with a zero or negative value cannot be put on the log scale: all zero in both runs
 * PASSes (nothing changed), zero in every baseline fork and positive in every current fork FAILs a
 * cost per operation (something appeared), anything else is INCONCLUSIVE with the reason.
 */
public final class RatioJudge {

    private final double confidence;

    /**
     * @param confidence two-sided level of the reported interval and of the tests, e.g. 0.95
     */
    public RatioJudge(double confidence) {
        this.confidence = confidence;
    }

    /** The two-sided confidence level of intervals and tests. */
    public double confidence() {
        return confidence;
    }

    /**
     * The measured change of one series, before the family's correction.
     *
     * @param change current against baseline on the log scale; null when none can be computed
     * @param higherIsBetter whether a decrease is the regression (throughput)
     * @param ratio current / baseline with its interval, for display (may be undefined)
     * @param forced a verdict decided without the statistic (zero series, unknown direction), or
     *     null
     * @param note why there is no statistic, or what the reader must know; empty if nothing
     */
    public record Comparison(
            LogRatio change,
            boolean higherIsBetter,
            ConfidenceInterval ratio,
            GateVerdict forced,
            String note) {

        /** The change oriented so that positive is worse; null when there is none. */
        public LogRatio worse() {
            if (change == null) return null;
            return higherIsBetter ? change.negate() : change;
        }

        /** The one-sided p-value of "no regression"; NaN when the series is not tested. */
        public double pWorse() {
            return change == null || forced != null ? Double.NaN : worse().pIncrease();
        }

        /**
         * This comparison with its variance moderated across its family ({@link VariancePrior}).
         */
        public Comparison moderatedBy(VariancePrior prior, double confidence) {
            if (change == null) return this;
            LogRatio m = change.moderatedBy(prior);
            return new Comparison(m, higherIsBetter, m.ratioInterval(confidence), forced, note);
        }

        /**
         * This comparison with the spread between runs on different occasions added to its variance
         * ({@link LogRatio#withRunVariance}); unchanged when there is no statistic.
         *
         * @param spread the series' run-to-run spread
         * @param confidence two-sided level of the interval shown
         */
        public Comparison withRunSpread(RunSpread.Series spread, double confidence) {
            if (change == null || forced != null) return this;
            LogRatio m = change.withRunVariance(spread.variance(), spread.runs() - 1);
            return new Comparison(m, higherIsBetter, m.ratioInterval(confidence), forced, note);
        }
    }

    /**
     * The judged comparison of one series.
     *
     * @param ratio current / baseline with its two-sided interval
     * @param minDetectableEffect relative regression detected with 80 % power, NaN if unknown
     * @param verdict PASS, FAIL or INCONCLUSIVE
     * @param improved PASS, and better by at least the minimum effect with the interval on the
     *     better side
     * @param note why the verdict is what it is; empty when obvious
     * @param adjustedP the Holm-adjusted one-sided p-value of "no regression", NaN if not tested
     * @param forksToDecide for INCONCLUSIVE, forks per side that would decide at the measured
     *     variance; 0 otherwise
     */
    public record Judgement(
            ConfidenceInterval ratio,
            double minDetectableEffect,
            GateVerdict verdict,
            boolean improved,
            String note,
            double adjustedP,
            int forksToDecide) {}

    /**
     * Measures the change current/baseline of one series on the log scale, without judging it.
     *
     * @param baseline the baseline's units (per-fork summaries)
     * @param current the current run's units
     * @param direction which way is better
     * @return the change, or why there is none
     */
    public Comparison compare(Units baseline, Units current, MetricDirection direction) {
        double[] b = baseline.values();
        double[] c = current.values();
        if (b.length == 0 || c.length == 0) {
            return none("no usable data in " + (b.length == 0 ? "baseline" : "current run"));
        }
        if (Arrays.stream(b).anyMatch(v -> v <= 0) || Arrays.stream(c).anyMatch(v -> v <= 0)) {
            return nonPositive(b, c, direction);
        }
        if (b.length < 2 && c.length < 2) {
            return none("needs at least 2 units on one side, has 1 and 1");
        }
        LogRatio change = LogRatio.of(b, c);
        ConfidenceInterval ratio = change.ratioInterval(confidence);
        if (direction == MetricDirection.UNKNOWN) {
            return new Comparison(
                    null,
                    false,
                    ratio,
                    GateVerdict.INCONCLUSIVE,
                    "unit does not say which way is better; not gated");
        }
        return new Comparison(
                change,
                direction == MetricDirection.HIGHER_IS_BETTER,
                ratio,
                null,
                basisNote(baseline, current));
    }

    /**
     * Judges one comparison against the minimum effect, at the family's adjusted p-value.
     *
     * @param c the comparison
     * @param minEffect relative minimum effect in (0, 1)
     * @param adjustedP the family's Holm-adjusted p-value for this series (its raw p-value when
     *     there is no correction)
     * @param familySize how many series the correction is over (1 for none)
     */
    public Judgement judge(Comparison c, double minEffect, double adjustedP, int familySize) {
        if (c.forced() != null || c.change() == null) {
            GateVerdict v = c.forced() != null ? c.forced() : GateVerdict.INCONCLUSIVE;
            return new Judgement(c.ratio(), Double.NaN, v, false, c.note(), Double.NaN, 0);
        }
        LogRatio d = c.worse();
        double alpha = 1 - confidence;
        double delta = Math.log1p(minEffect);
        double familyAlpha = alpha / 2 / Math.max(1, familySize);
        double mde =
                Math.expm1(
                        (Distributions.normalQuantile(1 - familyAlpha)
                                        + Distributions.normalQuantile(ForkPlanner.POWER))
                                * d.standardError());
        double upper = d.upperBound(1 - alpha / 2);
        boolean significant = adjustedP <= alpha / 2;
        if (significant && d.estimate() >= delta) {
            return new Judgement(c.ratio(), mde, GateVerdict.FAIL, false, c.note(), adjustedP, 0);
        }
        if (upper < delta) {
            boolean improved =
                    d.upperBound(1 - alpha / 2) < 0 && d.estimate() <= Math.log1p(-minEffect);
            String note =
                    significant
                            ? join(
                                    "significantly worse, but by less than the minimum effect",
                                    c.note())
                            : c.note();
            return new Judgement(
                    c.ratio(),
                    mde,
                    GateVerdict.PASS,
                    improved,
                    improved ? join("improved", note) : note,
                    adjustedP,
                    0);
        }
        // The spread the test used (moderated across the family), per fork; a run-to-run part,
        // if any, stays whatever the number of forks.
        double sd =
                d.forkStandardError() / Math.sqrt(1.0 / d.baselineUnits() + 1.0 / d.currentUnits());
        double runPart = 2 * d.runVariance();
        double runDf = d.runDf() > 0 ? d.runDf() : Double.POSITIVE_INFINITY;
        int planned =
                d.estimate() >= delta
                        ? ForkPlanner.forksPerSide(sd, d.estimate(), familyAlpha, runPart, runDf)
                        : ForkPlanner.forksPerSide(
                                sd, delta - d.estimate(), alpha / 2, runPart, runDf);
        int have = Math.max(d.baselineUnits(), d.currentUnits());
        int forks = planned >= ForkPlanner.MAX_FORKS ? planned : Math.max(planned, have + 1);
        String why;
        if (significant) {
            why = "significantly worse, size uncertain";
        } else if (d.pIncrease() <= alpha / 2 && familySize > 1) {
            why =
                    String.format(
                            Locale.ROOT,
                            "worse on its own (p = %.2g), not after Holm's correction over %d"
                                    + " series",
                            d.pIncrease(),
                            familySize);
        } else {
            why =
                    "interval too wide to rule out a "
                            + Math.round(minEffect * 100)
                            + " % regression";
        }
        String plan;
        if (forks < ForkPlanner.MAX_FORKS) {
            plan = "about " + forks + " forks per side would decide it";
        } else if (runPart > 0) {
            plan =
                    String.format(
                            Locale.ROOT,
                            "no number of forks decides it against a run from another day, whose"
                                    + " mean moves by about ±%.1f %% (run-to-run spread); compare"
                                    + " both builds in one job (dualpath compare)",
                            Math.expm1(Math.sqrt(d.runVariance())) * 100);
        } else {
            plan = "no practical number of forks decides it";
        }
        return new Judgement(
                c.ratio(),
                mde,
                GateVerdict.INCONCLUSIVE,
                false,
                join(join(why, plan), c.note()),
                adjustedP,
                forks);
    }

    /**
     * {@link #compare(Units, Units, MetricDirection)}, except that when the baseline's mean is
     * under {@value #NEAR_FLOOR} floors (a near-zero amount, e.g. the bytes per op of an
     * allocation-free path) {@code floor} is added to every value first ({@link
     * GateConfig#SECONDARY_FLOORS}), and the note says so. Above that the floor would move the
     * ratio by under 1 % of the change, and the values are compared as they are, so that the ratio
     * shown is theirs.
     *
     * @param floor amount added to near-zero values, in the metric's unit; 0 never adds one
     * @param unit the metric's unit, for the note
     */
    public Comparison compare(
            Units baseline, Units current, MetricDirection direction, double floor, String unit) {
        if (floorOffset(baseline.mean(), floor) == 0) {
            return compare(baseline, current, direction);
        }
        Comparison c = compare(baseline.plus(floor), current.plus(floor), direction);
        String note =
                "under "
                        + plain(NEAR_FLOOR * floor)
                        + " "
                        + unit
                        + ": compared as (value + "
                        + plain(floor)
                        + "), so a change of a fraction of that is no regression";
        return new Comparison(
                c.change(), c.higherIsBetter(), c.ratio(), c.forced(), join(note, c.note()));
    }

    /** Below this many floors a baseline's ratio is mostly the floor's. */
    static final double NEAR_FLOOR = 100;

    /**
     * What is added to every value of a series before its logs are taken: {@code floor} when the
     * series' mean is under {@value #NEAR_FLOOR} floors, else 0. The gate and the run-to-run spread
     * ({@link RunSpreadEstimator}) take their logs the same way.
     *
     * @param mean the series' mean (the baseline's, for a comparison)
     * @param floor the series' floor ({@link GateConfig#floorOf}); 0 never adds one
     */
    static double floorOffset(double mean, double floor) {
        return floor > 0 && mean < NEAR_FLOOR * floor ? floor : 0;
    }

    private static String plain(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    private Comparison nonPositive(double[] b, double[] c, MetricDirection direction) {
        boolean allZeroB = Arrays.stream(b).allMatch(v -> v == 0);
        boolean allZeroC = Arrays.stream(c).allMatch(v -> v == 0);
        int n = Math.min(b.length, c.length);
        if (allZeroB && allZeroC) {
            return new Comparison(
                    null,
                    false,
                    new ConfidenceInterval(1, 1, 1, confidence, n, ""),
                    GateVerdict.PASS,
                    "zero in both runs");
        }
        ConfidenceInterval undefined =
                ConfidenceInterval.undefined(
                        Double.POSITIVE_INFINITY, confidence, n, "baseline mean is zero");
        if (allZeroB
                && direction == MetricDirection.LOWER_IS_BETTER
                && Arrays.stream(c).allMatch(v -> v > 0)) {
            return new Comparison(
                    null,
                    false,
                    undefined,
                    GateVerdict.FAIL,
                    "baseline zero in every fork, current positive in every fork");
        }
        return none("a zero or negative value: no ratio on the log scale");
    }

    private Comparison none(String why) {
        return new Comparison(
                null,
                false,
                ConfidenceInterval.undefined(Double.NaN, confidence, 0, why),
                GateVerdict.INCONCLUSIVE,
                why);
    }

    private static String basisNote(Units baseline, Units current) {
        boolean iterations =
                baseline.basis() == Units.Basis.ITERATIONS
                        || current.basis() == Units.Basis.ITERATIONS;
        return iterations ? "one fork: iterations used as units, spread between JVMs not seen" : "";
    }

    static String join(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a + "; " + b;
    }
}
