package dev.dualpath.bench.verdict.gate;

import dev.dualpath.bench.verdict.jmh.MetricDirection;
import dev.dualpath.bench.verdict.jmh.Units;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.Arrays;

/**
 * The gate's statistic for one series: the bootstrap interval of mean(current) / mean(baseline)
 * over independent units (forks), judged against a minimum effect.
 *
 * <p>The ratio is first turned so that values above 1 are worse: as is for lower-is-better units
 * ({@code us/op}, {@code B/op}); inverted for higher-is-better ({@code ops/s}). With that "worse
 * ratio" W, its interval [lo, hi] and the minimum effect m:
 *
 * <ul>
 *   <li>FAIL when lo &gt; 1 (significantly worse) and W &gt;= 1 + m (by at least the minimum
 *       effect);
 *   <li>PASS when hi &lt; 1 + m (a regression of the minimum effect is ruled out);
 *   <li>INCONCLUSIVE otherwise, including an undefined interval (fewer than 2 units a side) and an
 *       unknown direction. FAIL and PASS cannot both hold, since W &lt;= hi.
 * </ul>
 *
 * <p>Family-wise control: the FAIL test's lower bound comes from a second, wider interval (the gate
 * passes one at confidence 1 - alpha / series, Bonferroni), so that gating many series at once does
 * not turn per-series noise into a false alarm per run. A series significant on its own but not
 * after the correction is INCONCLUSIVE, and says so.
 *
 * <p>The minimum detectable effect reported is (hi - lo) / 2: a true change of that size would put
 * the interval's lower bound at about 1, so smaller changes cannot be told apart from noise (it is
 * the effect detected about half the time; for 80 % power multiply by about 1.4).
 *
 * <p>A baseline mean of zero (e.g. 0 B/op) makes the ratio undefined: if both runs are all zero the
 * series PASSes; if every baseline unit is zero and every current unit is positive on a
 * lower-is-better metric it FAILs; otherwise it is INCONCLUSIVE.
 */
public final class RatioJudge {

    private final Bootstrap bootstrap;
    private final Bootstrap failBootstrap;
    private final long series;

    /**
     * @param bootstrap the bootstrap to compute intervals with; no family-wise correction
     */
    public RatioJudge(Bootstrap bootstrap) {
        this(bootstrap, bootstrap, 1);
    }

    /**
     * @param bootstrap the per-series interval (PASS, reported interval, minimum detectable effect)
     * @param failBootstrap the interval a FAIL must also clear (wider under a family-wise
     *     correction)
     * @param series how many series the correction is for, for the note; 1 for none
     */
    public RatioJudge(Bootstrap bootstrap, Bootstrap failBootstrap, long series) {
        this.bootstrap = bootstrap;
        this.failBootstrap = failBootstrap;
        this.series = series;
    }

    /** The judged comparison of one series, before it is attached to an id. */
    public record Judgement(
            ConfidenceInterval ratio,
            double minDetectableEffect,
            GateVerdict verdict,
            boolean improved,
            String note) {}

    /**
     * Judges the ratio current/baseline of one series.
     *
     * @param baseline the baseline's units
     * @param current the current run's units
     * @param direction which way is better
     * @param minEffect relative minimum effect in (0, 1)
     */
    public Judgement judge(
            Units baseline, Units current, MetricDirection direction, double minEffect) {
        double[] b = baseline.values();
        double[] c = current.values();
        double conf = bootstrap.settings().confidence();
        if (b.length == 0 || c.length == 0) {
            return inconclusive(
                    ConfidenceInterval.undefined(Double.NaN, conf, 0, ""),
                    "no usable data in " + (b.length == 0 ? "baseline" : "current run"));
        }
        if (baseline.mean() == 0) return zeroBaseline(b, c, direction, conf);
        ConfidenceInterval ratio = bootstrap.ratioOfMeans(c, b);
        if (!ratio.isDefined()) return inconclusive(ratio, ratio.note());
        if (direction == MetricDirection.UNKNOWN) {
            return new Judgement(
                    ratio,
                    Double.NaN,
                    GateVerdict.INCONCLUSIVE,
                    false,
                    "unit does not say which way is better; not gated");
        }
        ConfidenceInterval worse =
                direction == MetricDirection.LOWER_IS_BETTER ? ratio : ratio.reciprocal();
        double mde = worse.halfWidth();
        String basis = basisNote(baseline, current);
        if (worse.lower() > 1 && worse.point() >= 1 + minEffect) {
            if (failBootstrap == bootstrap
                    || worseOf(failBootstrap.ratioOfMeans(c, b), direction).lower() > 1) {
                return new Judgement(ratio, mde, GateVerdict.FAIL, false, basis);
            }
            return new Judgement(
                    ratio,
                    mde,
                    GateVerdict.INCONCLUSIVE,
                    false,
                    join(
                            "worse on its own, but not significant after correcting for "
                                    + series
                                    + " series (Bonferroni)",
                            basis));
        }
        if (worse.upper() < 1 + minEffect) {
            boolean improved = worse.upper() < 1 && worse.point() <= 1 - minEffect;
            String note =
                    worse.lower() > 1
                            ? join(
                                    "significantly worse, but by less than the minimum effect",
                                    basis)
                            : basis;
            return new Judgement(
                    ratio,
                    mde,
                    GateVerdict.PASS,
                    improved,
                    improved ? join("improved", note) : note);
        }
        String why =
                worse.lower() > 1
                        ? "significantly worse, size uncertain"
                        : "interval too wide to rule out a "
                                + Math.round(minEffect * 100)
                                + " % regression";
        return new Judgement(ratio, mde, GateVerdict.INCONCLUSIVE, false, join(why, basis));
    }

    private static ConfidenceInterval worseOf(ConfidenceInterval ratio, MetricDirection direction) {
        return direction == MetricDirection.LOWER_IS_BETTER ? ratio : ratio.reciprocal();
    }

    private Judgement zeroBaseline(double[] b, double[] c, MetricDirection direction, double conf) {
        boolean allZeroB = Arrays.stream(b).allMatch(v -> v == 0);
        if (allZeroB && Arrays.stream(c).allMatch(v -> v == 0)) {
            return new Judgement(
                    new ConfidenceInterval(1, 1, 1, conf, Math.min(b.length, c.length), ""),
                    0,
                    GateVerdict.PASS,
                    false,
                    "zero in both runs");
        }
        ConfidenceInterval undefined =
                ConfidenceInterval.undefined(
                        Double.POSITIVE_INFINITY,
                        conf,
                        Math.min(b.length, c.length),
                        "baseline mean is zero");
        if (allZeroB
                && direction == MetricDirection.LOWER_IS_BETTER
                && Arrays.stream(c).allMatch(v -> v > 0)) {
            return new Judgement(
                    undefined,
                    Double.NaN,
                    GateVerdict.FAIL,
                    false,
                    "baseline zero, current positive in every unit");
        }
        return inconclusive(undefined, "baseline mean is zero; ratio undefined");
    }

    private static Judgement inconclusive(ConfidenceInterval ci, String why) {
        return new Judgement(ci, Double.NaN, GateVerdict.INCONCLUSIVE, false, why);
    }

    private static String basisNote(Units baseline, Units current) {
        boolean iterations =
                baseline.basis() == Units.Basis.ITERATIONS
                        || current.basis() == Units.Basis.ITERATIONS;
        return iterations ? "one fork: iterations used as units, spread between JVMs not seen" : "";
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a + "; " + b;
    }
}
