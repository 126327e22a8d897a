package dev.dualpath.bench.verdict.claims;

import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Judges a claim whose time quantities include forks measured on a disturbed machine, without
 * setting those forks aside: a disturbance (other processes, CPU steal, a JIT still compiling) only
 * ever adds time to a fork, so each disturbed fork's undisturbed time lay somewhere between 0 and
 * what it measured. The claim gets a verdict only when that verdict holds for every such value;
 * otherwise it stays unjudged. A wrapper phase measured at a fifth of the write-up's figure, one of
 * its forks beside a busy neighbour, is below the figure whatever that neighbour cost; a phase
 * measured above the figure with a disturbed fork may be above it only because of the neighbour.
 *
 * <p><b>Why the corners of the bounds suffice.</b> The claim's statistic is made linear: the
 * expression itself when it is ({@link Linear}), else, for a quotient of two linear expressions
 * whose denominator is positive (a sum of times, or an interval above 0 at every corner), {@code
 * numerator − bound × denominator} at each finite bound of the claim's range (as {@code
 * ratio_at_least} claims are always decided). A linear statistic of the groups' means is linear in
 * every fork's value, so every bootstrap resample's statistic is too, and for a given resample draw
 * each moves in one direction as one fork's value falls: the interval's percentile ends, order
 * statistics of those, are monotone in each fork's value, and its small-sample t floor, the point ±
 * a multiple of the resamples' standard deviation, is convex (upper end) or concave (lower end) in
 * the values. Over the box of every disturbed fork anywhere from 0 to its measured value, each
 * end's extreme therefore lies at a corner: the interval of every corner (2<sup>d</sup> of them for
 * d disturbed forks) bounds every interval the box holds. {@code Bootstrap} draws the same
 * resamples for every corner (its seed is fixed), so the corners differ only in the values.
 *
 * <p>Only time per operation qualifies: a throughput falls with a disturbance instead, and bytes
 * per operation need not move at all. At most {@link #MAX_FORKS} disturbed forks are bounded.
 */
final class DisturbanceBounds {

    /** The most disturbed forks bounded (2^10 corners); beyond it the claim stays unjudged. */
    static final int MAX_FORKS = 10;

    /**
     * A claim's verdict with its disturbed forks taken as bounds.
     *
     * @param status HOLDS or FAILS when the bounds decide; INCONCLUSIVE otherwise
     * @param note what was bounded and how, for the claim's reason
     */
    record Judgement(ClaimStatus status, String note) {}

    /**
     * A claim's statistic as {@code numerator / denominator} (denominator the constant 1 for a
     * linear expression).
     */
    record Form(Linear numerator, Linear denominator) {

        /**
         * The form of {@code e}: itself when linear, a quotient of two linear expressions, or empty
         * (e.g. a product of two quantities).
         */
        static Optional<Form> of(Expression e) {
            if (e instanceof Expression.Binary b && b.op() == '/') {
                Optional<Linear> num = b.left().linear();
                Optional<Linear> den = b.right().linear();
                if (num.isPresent() && den.isPresent() && !den.get().isConstant()) {
                    return Optional.of(new Form(num.get(), den.get()));
                }
            }
            return e.linear().map(l -> new Form(l, Linear.constant(1)));
        }
    }

    private final Bootstrap bootstrap;

    DisturbanceBounds(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Decides whether {@code form} lies in [{@code low}, {@code high}] for every value the
     * disturbed forks could have had.
     *
     * @param groups each quantity's units, in fork order, as measured
     * @param index each quantity's position in {@code groups}
     * @param disturbed per group, the indices of its forks measured on a disturbed machine
     * @param paired whether unit i of every group ran in round i
     * @param times the quantities that are times per operation, all of them positive
     * @param low the lowest value agreeing with the claim (may be −∞)
     * @param high the highest (may be +∞)
     * @return the judgement, INCONCLUSIVE with a note when the bounds do not decide or cannot be
     *     computed (too many disturbed forks, a denominator that may reach 0); empty when a
     *     disturbed quantity is not a time per operation, which no such bound holds for
     */
    Optional<Judgement> judge(
            Form form,
            List<double[]> groups,
            Map<String, Integer> index,
            List<Set<Integer>> disturbed,
            boolean paired,
            Set<String> times,
            double low,
            double high) {
        for (Map.Entry<String, Integer> q : index.entrySet()) {
            if (!disturbed.get(q.getValue()).isEmpty() && !times.contains(q.getKey())) {
                return Optional.empty();
            }
        }
        List<int[]> forks = forks(disturbed);
        if (forks.size() > MAX_FORKS) {
            return Optional.of(
                    new Judgement(
                            ClaimStatus.INCONCLUSIVE,
                            forks.size()
                                    + " disturbed forks are too many to bound (at most "
                                    + MAX_FORKS
                                    + ")"));
        }
        String bounded =
                String.format(
                        Locale.ROOT,
                        "%d disturbed fork%s taken anywhere from 0 to %s measured time (a"
                                + " disturbance only adds time)",
                        forks.size(),
                        forks.size() == 1 ? "" : "s",
                        forks.size() == 1 ? "its" : "their");
        if (form.denominator().isConstant()) {
            ConfidenceInterval value =
                    overCorners(form.numerator(), groups, index, disturbed, paired);
            if (!value.isDefined()) return Optional.of(undefined(bounded));
            return Optional.of(
                    judgement(
                            ClaimKind.decide(value, low, high),
                            bounded,
                            String.format(
                                    Locale.ROOT,
                                    "the value's interval reaches [%.4g, %.4g] against %s",
                                    value.lower(),
                                    value.upper(),
                                    range(low, high))));
        }
        if (!positive(form.denominator(), times)
                && !(overCorners(form.denominator(), groups, index, disturbed, paired).lower()
                        > 0)) {
            return Optional.of(
                    new Judgement(
                            ClaimStatus.INCONCLUSIVE,
                            "with " + bounded + ", the ratio's denominator could reach 0"));
        }
        // With a positive denominator, ratio >= bound exactly when numerator - bound x
        // denominator >= 0: each finite bound of the range is a linear side, decided on its
        // corners like any linear value (>= 0 for the low bound, <= 0 for the high one).
        double[] bounds = {low, high};
        double[][] sideRanges = {{0, Double.POSITIVE_INFINITY}, {Double.NEGATIVE_INFINITY, 0}};
        List<ClaimStatus> verdicts = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int which = 0; which < 2; which++) {
            double bound = bounds[which];
            if (Double.isInfinite(bound)) continue;
            ConfidenceInterval side =
                    overCorners(
                            form.numerator().minus(form.denominator().times(bound)),
                            groups,
                            index,
                            disturbed,
                            paired);
            if (!side.isDefined()) return Optional.of(undefined(bounded));
            verdicts.add(ClaimKind.decide(side, sideRanges[which][0], sideRanges[which][1]));
            shown.add(
                    String.format(
                            Locale.ROOT,
                            "numerator − %.4g × denominator in [%.4g, %.4g]",
                            bound,
                            side.lower(),
                            side.upper()));
        }
        ClaimStatus status =
                verdicts.contains(ClaimStatus.FAILS)
                        ? ClaimStatus.FAILS
                        : verdicts.stream().allMatch(v -> v == ClaimStatus.HOLDS)
                                ? ClaimStatus.HOLDS
                                : ClaimStatus.INCONCLUSIVE;
        return Optional.of(judgement(status, bounded, String.join(", ", shown)));
    }

    /**
     * Whether {@code l} is positive whatever its quantities measure: a sum of times (each
     * positive), with a constant of at least 0.
     */
    private static boolean positive(Linear l, Set<String> times) {
        return l.constant() >= 0
                && times.containsAll(l.coefficients().keySet())
                && l.coefficients().values().stream().allMatch(c -> c >= 0)
                && l.coefficients().values().stream().anyMatch(c -> c > 0);
    }

    private static Judgement judgement(ClaimStatus status, String bounded, String reach) {
        return new Judgement(
                status,
                status == ClaimStatus.INCONCLUSIVE
                        ? "with " + bounded + ", " + reach + ": either verdict remains possible"
                        : "judged with " + bounded + ": " + reach + ", which decides it");
    }

    private static Judgement undefined(String bounded) {
        return new Judgement(
                ClaimStatus.INCONCLUSIVE, "with " + bounded + ", the interval is undefined");
    }

    private static String range(double low, double high) {
        if (low == Double.NEGATIVE_INFINITY) return String.format(Locale.ROOT, "<= %.4g", high);
        if (high == Double.POSITIVE_INFINITY) return String.format(Locale.ROOT, ">= %.4g", low);
        return String.format(Locale.ROOT, "%.4g to %.4g", low, high);
    }

    /** Each disturbed fork as {group, unit}. */
    private static List<int[]> forks(List<Set<Integer>> disturbed) {
        List<int[]> forks = new ArrayList<>();
        for (int g = 0; g < disturbed.size(); g++) {
            for (int unit : disturbed.get(g)) forks.add(new int[] {g, unit});
        }
        return forks;
    }

    /**
     * The interval of {@code statistic} widened to cover its interval at every corner of the
     * disturbed forks' bounds (each at 0 or at its measured value); its point is the measured one.
     */
    ConfidenceInterval overCorners(
            Linear statistic,
            List<double[]> groups,
            Map<String, Integer> index,
            List<Set<Integer>> disturbed,
            boolean paired) {
        List<int[]> forks = forks(disturbed);
        ToDoubleFunction<double[]> f = statistic.bind(index);
        ConfidenceInterval measured = bootstrap.interval(groups, f, paired);
        if (!measured.isDefined()) return measured;
        double lower = measured.lower();
        double upper = measured.upper();
        for (int corner = 1; corner < 1 << forks.size(); corner++) {
            List<double[]> values = new ArrayList<>();
            for (double[] g : groups) values.add(g.clone());
            for (int k = 0; k < forks.size(); k++) {
                if ((corner & (1 << k)) != 0) values.get(forks.get(k)[0])[forks.get(k)[1]] = 0;
            }
            ConfidenceInterval ci = bootstrap.interval(values, f, paired);
            if (!ci.isDefined()) return ci;
            lower = Math.min(lower, ci.lower());
            upper = Math.max(upper, ci.upper());
        }
        return new ConfidenceInterval(
                measured.point(),
                lower,
                upper,
                measured.confidence(),
                measured.minUnits(),
                measured.note());
    }
}
