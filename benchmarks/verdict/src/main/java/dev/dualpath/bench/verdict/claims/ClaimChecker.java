package dev.dualpath.bench.verdict.claims;

import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.RunEnvironment;
import dev.dualpath.bench.verdict.machine.SetAside;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Checks every claim of a claims file against one run (and the Python replay beside it).
 *
 * <p>Each claim is checked once per subject (e.g. on {@code DIRECT} and on {@code SEED_LITERAL})
 * and once per side it defines: as measured for the original Python pattern and for the Java port.
 * The quantities of an expression come from the same run; each is resampled independently over its
 * own units (forks, or batches for Python), and the expression is evaluated on the resampled means
 * to give its interval. The claim's status follows from {@link ClaimKind#decide}.
 *
 * <p>Usage: {@code ClaimsResult r = new ClaimChecker(BootstrapSettings.DEFAULT).check(file, run,
 * env, python);}
 */
public final class ClaimChecker {

    private final Bootstrap bootstrap;
    private final DisturbanceBounds bounds;

    /**
     * @param settings bootstrap resamples, confidence and seed
     */
    public ClaimChecker(BootstrapSettings settings) {
        this.bootstrap = new Bootstrap(settings);
        this.bounds = new DisturbanceBounds(bootstrap);
    }

    /**
     * Checks every claim on every subject and side against one run.
     *
     * @param claims the claims
     * @param run the JMH run
     * @param env its environment (the profile decides whether absent full-profile series are an
     *     error)
     * @param python the Python replay, or why it is absent
     * @return one result per claim x subject x side
     * @throws dev.dualpath.bench.verdict.InputException if a claim names a benchmark, params or
     *     series the run does not have (and does not excuse by profile)
     */
    public ClaimsResult check(
            ClaimsFile claims, JmhRun run, RunEnvironment env, PythonSource python) {
        return check(claims, run, env, python, SdkSource.absent("the real-SDK replay was not run"));
    }

    /**
     * As {@link #check(ClaimsFile, JmhRun, RunEnvironment, PythonSource)}, with the real-SDK replay
     * for the claims' {@code python_sdk} side. A claim whose expression uses the time of a pattern
     * that failed calls FAILS whatever the time: a pattern that fails calls cannot be said to cost
     * its time (the value shown is over the calls that succeeded, and the reason says how many
     * failed and how).
     *
     * @param sdk the real-SDK replay, or why it is absent (its claims are then INCONCLUSIVE with
     *     that reason)
     */
    public ClaimsResult check(
            ClaimsFile claims, JmhRun run, RunEnvironment env, PythonSource python, SdkSource sdk) {
        QuantityResolver resolver = new QuantityResolver(claims.file(), run, env, python, sdk);
        List<ClaimResult> out = new ArrayList<>();
        for (Claim claim : claims.claims()) {
            List<String> subjects = claim.subjects().isEmpty() ? List.of("") : claim.subjects();
            for (String subject : subjects) {
                Map<String, String> vars = claims.subjects().getOrDefault(subject, Map.of());
                for (Side side : Side.values()) {
                    claim.side(side)
                            .ifPresent(
                                    ev ->
                                            out.add(
                                                    checkOne(
                                                            claim, subject, side, ev, vars,
                                                            resolver)));
                }
            }
        }
        return new ClaimsResult(claims.file(), out, python.describe(), sdk);
    }

    /**
     * Whether every disturbed quantity knows which of its forks were disturbed (a single fork's
     * iterations, for one, can be neither set aside nor bounded).
     */
    private static boolean disturbedForksKnown(
            List<double[]> groups, List<java.util.Set<Integer>> forks, int disturbedQuantities) {
        long known = forks.stream().filter(f -> !f.isEmpty()).count();
        return known == disturbedQuantities && groups.size() == forks.size();
    }

    private ClaimResult checkOne(
            Claim claim,
            String subject,
            Side side,
            Evaluation ev,
            Map<String, String> vars,
            QuantityResolver resolver) {
        List<double[]> groups = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<ClaimResult.Input> inputs = new ArrayList<>();
        List<String> failedPatterns = new ArrayList<>();
        List<String> disturbed = new ArrayList<>();
        List<String> rounds = new ArrayList<>();
        List<java.util.Set<Integer>> disturbedForks = new ArrayList<>();
        java.util.Set<String> times = new java.util.HashSet<>();
        for (Map.Entry<String, Quantity> e : ev.quantities().entrySet()) {
            QuantityResolver.Resolved r =
                    resolver.resolve(
                            e.getValue().substitute(vars),
                            ev,
                            ev.field() + ".quantities." + e.getKey());
            if (!r.present()) {
                ConfidenceInterval none =
                        ConfidenceInterval.undefined(
                                Double.NaN, bootstrap.settings().confidence(), 0, "");
                return new ClaimResult(
                        claim,
                        subject,
                        side,
                        r.otherProfile() ? ClaimStatus.NOT_MEASURED : ClaimStatus.INCONCLUSIVE,
                        none,
                        inputs,
                        r.absentReason());
            }
            if (r.failures() != null && !failedPatterns.contains(r.failures())) {
                failedPatterns.add(r.failures());
            }
            if (r.disturbed() != null) {
                disturbed.add(r.disturbed());
            }
            if (r.timePerOp()) times.add(e.getKey());
            index.put(e.getKey(), groups.size());
            groups.add(r.units().values());
            rounds.add(r.rounds());
            disturbedForks.add(r.disturbedForks());
            inputs.add(
                    new ClaimResult.Input(
                            e.getKey(),
                            r.source(),
                            r.units().mean(),
                            r.units().size(),
                            r.units().basis().label()));
        }
        // Forks of one plan's rounds pair by index: resampling rounds keeps what a round's machine
        // state did to every path together (Bootstrap#pairedInterval).
        boolean paired =
                groups.size() > 1
                        && rounds.get(0) != null
                        && rounds.stream().allMatch(rounds.get(0)::equals);
        if (paired) {
            inputs.replaceAll(
                    i ->
                            new ClaimResult.Input(
                                    i.name(),
                                    i.source(),
                                    i.mean(),
                                    i.units(),
                                    i.basis() + ", paired by round"));
        }
        String setAside = null;
        if (!disturbed.isEmpty()
                && failedPatterns.isEmpty()
                && disturbedForksKnown(groups, disturbedForks, disturbed.size())) {
            var kept = SetAside.apply(groups, disturbedForks, paired);
            if (kept.isPresent()) {
                groups = kept.get().groups();
                setAside = kept.get().note() + ": " + String.join("; ", disturbed);
                disturbed.clear();
            }
        }
        ConfidenceInterval value = bootstrap.interval(groups, ev.expression().bind(index), paired);
        ConfidenceInterval decision = value;
        double low = claim.low();
        double high = claim.high();
        ClaimStatus status;
        if (claim.kind() == ClaimKind.RATIO_AT_LEAST) {
            Expression.Binary div = (Expression.Binary) ev.expression();
            ToDoubleFunction<double[]> num = div.left().bind(index);
            ToDoubleFunction<double[]> den = div.right().bind(index);
            double bound = claim.low();
            ConfidenceInterval linear =
                    bootstrap.interval(
                            groups,
                            m -> num.applyAsDouble(m) - bound * den.applyAsDouble(m),
                            paired);
            decision = linear;
            low = 0;
            high = Double.POSITIVE_INFINITY;
            status = ClaimKind.decide(linear, 0, Double.POSITIVE_INFINITY);
            String why =
                    !linear.isDefined()
                            ? linear.note()
                            : value.lower() < 0 || Double.isInfinite(value.upper())
                                    ? "the denominator's interval reaches 0, so the ratio's is"
                                            + " unbounded; decided on numerator - "
                                            + bound
                                            + " x denominator >= 0"
                                    : value.note();
            value =
                    new ConfidenceInterval(
                            value.point(),
                            value.lower(),
                            value.upper(),
                            value.confidence(),
                            value.minUnits(),
                            why);
        } else {
            status = ClaimKind.decide(value, claim.low(), claim.high());
        }
        List<String> reasons = new ArrayList<>();
        if (!failedPatterns.isEmpty()) {
            status = ClaimStatus.FAILS;
            reasons.add(
                    String.join("; ", failedPatterns)
                            + ": a pattern that fails calls cannot be said to cost its time (the"
                            + " value is over the calls that succeeded)");
        }
        if (!disturbed.isEmpty() && failedPatterns.isEmpty()) {
            // A verdict from forks measured beside other work would describe the machine, unless
            // it holds whatever the disturbance cost them (DisturbanceBounds).
            Optional<DisturbanceBounds.Form> form =
                    disturbedForksKnown(groups, disturbedForks, disturbed.size())
                            ? DisturbanceBounds.Form.of(ev.expression())
                            : Optional.empty();
            List<double[]> measured = groups; // none set aside: the branch above cleared them
            Optional<DisturbanceBounds.Judgement> bounded =
                    form.flatMap(
                            f ->
                                    bounds.judge(
                                            f,
                                            measured,
                                            index,
                                            disturbedForks,
                                            paired,
                                            times,
                                            claim.low(),
                                            claim.high()));
            if (bounded.isPresent() && bounded.get().status() != ClaimStatus.INCONCLUSIVE) {
                status = bounded.get().status();
                reasons.add(bounded.get().note() + ": " + String.join("; ", disturbed));
            } else {
                status = ClaimStatus.INCONCLUSIVE;
                reasons.add("not judged: " + String.join("; ", disturbed));
                bounded.ifPresent(j -> reasons.add(j.note()));
            }
        }
        if (setAside != null) reasons.add(setAside);
        if ((!value.isDefined() || claim.kind() == ClaimKind.RATIO_AT_LEAST)
                && !value.note().isEmpty()) {
            reasons.add(value.note());
        }
        if (status == ClaimStatus.INCONCLUSIVE && disturbed.isEmpty()) {
            ClaimPlanner.unitsToDecide(decision, low, high)
                    .ifPresent(n -> reasons.add(ClaimPlanner.describe(n, inputs, paired)));
        }
        if (ev.note() != null) reasons.add(ev.note());
        return new ClaimResult(
                claim, subject, side, status, value, inputs, String.join("; ", reasons));
    }
}
