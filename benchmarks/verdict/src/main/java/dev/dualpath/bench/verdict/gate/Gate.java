package dev.dualpath.bench.verdict.gate;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.machine.DisturbanceRule;
import dev.dualpath.bench.verdict.machine.RunDisturbance;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import dev.dualpath.bench.verdict.stats.Holm;
import dev.dualpath.bench.verdict.stats.LogRatio;
import dev.dualpath.bench.verdict.stats.VariancePrior;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares a current JMH run with a baseline, series by series.
 *
 * <p>Gated series: every primary metric, and the secondary metrics named in {@link
 * GateConfig#secondaries()}. A series present in only one run is listed as missing or added (or,
 * when it pairs up unambiguously with one on the other side, as a probable rename), never an error.
 * See {@link RatioJudge} for the statistic. Primary and secondary series are two families; within
 * each, the one-sided p-values of "no regression" are Holm-adjusted ({@link Holm}) before a FAIL,
 * so that a gate of 40 series raises a false alarm at most 5 % of the time while a ×1000 slowdown
 * of one of them still FAILs with 2 forks a side.
 *
 * <p>A series with a fork measured on a disturbed machine or while its JIT was still compiling
 * ({@link RunDisturbance}, from the {@code machine.*} and {@code fork.jit.ms} secondaries) is
 * judged only where the flag cannot have made the verdict. Both make a fork look worse — slower, or
 * fewer operations per second — never better: a flagged current fork can fake a regression but not
 * hide one, a flagged baseline fork can hide a regression but not fake one. So a flagged current
 * run withholds a FAIL, a flagged baseline withholds a PASS (an "improvement" included), and flags
 * on both sides withhold both; a withheld verdict is INCONCLUSIVE, "not judged", and a kept one
 * says in its note which fork was flagged and why the verdict stands.
 *
 * <p>A baseline from another day carries the machine's speed of that day: with a {@link RunSpread}
 * (how far each series' run mean moves between quiet runs of the same code), each series' variance
 * gets that spread added for both runs, so that a slower day cannot FAIL and the row says when no
 * number of forks would decide it. Two builds measured in one job ({@code dualpath compare}) need
 * no spread.
 *
 * <p>Usage: {@code GateResult r = new Gate(GateConfig.defaults()).compare(baselineRun,
 * currentRun);}
 */
public final class Gate {

    private final GateConfig config;
    private final RunSpread spread;

    /**
     * A gate that judges each series on its forks alone ({@link RunSpread#NONE}).
     *
     * @param config minimum effects, gated secondaries and confidence level
     */
    public Gate(GateConfig config) {
        this(config, RunSpread.NONE);
    }

    /**
     * @param config minimum effects, gated secondaries and confidence level
     * @param spread run-to-run spread added to the variance of the series it lists
     */
    public Gate(GateConfig config, RunSpread spread) {
        this.config = config;
        this.spread = spread;
    }

    /**
     * Returns rows for series in both, plus missing, added and renamed series.
     *
     * @param baseline the reference run
     * @param current the run under test
     * @return rows for series in both, plus missing, added and renamed series
     */
    public GateResult compare(JmhRun baseline, JmhRun current) {
        Map<BenchmarkId, Measurement> base = gated(baseline);
        Map<BenchmarkId, Measurement> cur = gated(current);
        RatioJudge judge = new RatioJudge(config.bootstrap().confidence());
        List<Measurement[]> pairs = new ArrayList<>();
        List<RatioJudge.Comparison> comparisons = new ArrayList<>();
        List<BenchmarkId> missing = new ArrayList<>();
        for (Map.Entry<BenchmarkId, Measurement> e : base.entrySet()) {
            Measurement c = cur.get(e.getKey());
            if (c == null) {
                missing.add(e.getKey());
                continue;
            }
            pairs.add(new Measurement[] {e.getValue(), c});
            comparisons.add(compare(judge, e.getValue(), c));
        }
        moderate(pairs, comparisons, judge.confidence());
        addRunSpread(pairs, comparisons, judge.confidence());
        double[] adjusted = adjustedPValues(pairs, comparisons);
        RunDisturbance baseDisturbance = RunDisturbance.of(baseline, DisturbanceRule.DEFAULT);
        RunDisturbance currentDisturbance = RunDisturbance.of(current, DisturbanceRule.DEFAULT);
        List<GateRow> rows = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Measurement b = pairs.get(i)[0];
            Measurement c = pairs.get(i)[1];
            GateRow.Family family = GateRow.Family.of(c.id());
            int size = config.familyWise() ? familySize(comparisons, pairs, family) : 1;
            RatioJudge.Judgement j =
                    judge.judge(comparisons.get(i), config.minEffectFor(c.id()), adjusted[i], size);
            GateRow row =
                    new GateRow(
                            c.id(),
                            c.unit(),
                            c.direction(),
                            b.units(),
                            c.units(),
                            j.ratio(),
                            config.minEffectFor(c.id()),
                            j.minDetectableEffect(),
                            j.verdict(),
                            j.improved(),
                            j.note(),
                            family,
                            j.adjustedP(),
                            j.forksToDecide());
            rows.add(
                    withFlags(
                            row,
                            currentDisturbance.reason(c.id()),
                            baseDisturbance.reason(b.id())));
        }
        List<BenchmarkId> added =
                cur.keySet().stream().filter(id -> !base.containsKey(id)).toList();
        List<GateResult.Rename> renames = renames(missing, added);
        List<BenchmarkId> missingLeft = new ArrayList<>(missing);
        List<BenchmarkId> addedLeft = new ArrayList<>(added);
        renames.forEach(
                r -> {
                    missingLeft.remove(r.from());
                    addedLeft.remove(r.to());
                });
        return new GateResult(rows, missingLeft, addedLeft, renames, config, spread);
    }

    /**
     * {@code row} with the verdict a flagged fork could have produced withheld (see the class
     * comment); {@code current} and {@code baseline} are why each run's series is flagged, if it
     * is.
     */
    static GateRow withFlags(GateRow row, Optional<String> current, Optional<String> baseline) {
        if (current.isEmpty() && baseline.isEmpty()) {
            return row;
        }
        String flags =
                Stream.of(
                                current.map(why -> "current run: " + why),
                                baseline.map(why -> "baseline: " + why))
                        .flatMap(Optional::stream)
                        .collect(Collectors.joining("; "));
        boolean couldBeFaked =
                (row.verdict() == GateVerdict.FAIL && current.isPresent())
                        || (row.verdict() == GateVerdict.PASS && baseline.isPresent());
        if (couldBeFaked || row.verdict() == GateVerdict.INCONCLUSIVE) {
            return row.notJudged(flags);
        }
        return row.flaggedButKept(
                flags
                        + (row.verdict() == GateVerdict.FAIL
                                ? " (a flagged baseline fork can only hide a regression: the FAIL"
                                        + " stands)"
                                : " (a flagged current fork can only fake a regression: the PASS"
                                        + " stands)"));
    }

    private static RatioJudge.Comparison compare(
            RatioJudge judge, Measurement base, Measurement cur) {
        if (!base.unit().equals(cur.unit())) {
            String note =
                    "unit changed from " + base.unit() + " to " + cur.unit() + "; not comparable";
            return new RatioJudge.Comparison(
                    null,
                    false,
                    ConfidenceInterval.undefined(Double.NaN, judge.confidence(), 0, note),
                    GateVerdict.INCONCLUSIVE,
                    note);
        }
        return judge.compare(
                base.units(),
                cur.units(),
                cur.direction(),
                GateConfig.floorOf(cur.id()),
                cur.unit());
    }

    /**
     * Replaces each comparison's variance by its moderated variance ({@link VariancePrior}), the
     * prior estimated from the series of the same metric: all primary metrics together, and each
     * secondary metric (bytes per op, threads per op, ...) on its own, since their spreads are of
     * different kinds.
     */
    private static void moderate(
            List<Measurement[]> pairs, List<RatioJudge.Comparison> comparisons, double confidence) {
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (comparisons.get(i).change() == null || comparisons.get(i).forced() != null)
                continue;
            String key = String.valueOf(pairs.get(i)[1].id().secondary());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> members : groups.values()) {
            double[] variances = new double[members.size()];
            double[] dfs = new double[members.size()];
            for (int k = 0; k < members.size(); k++) {
                LogRatio change = comparisons.get(members.get(k)).change();
                variances[k] = change.pooledSd() * change.pooledSd();
                dfs[k] = change.residualDf();
            }
            VariancePrior prior = VariancePrior.estimate(variances, dfs);
            for (int i : members)
                comparisons.set(i, comparisons.get(i).moderatedBy(prior, confidence));
        }
    }

    /**
     * Adds each listed series' run-to-run spread to its comparison, after {@link #moderate}: the
     * moderation pools the forks' noise across series, the spread is each series' own.
     */
    private void addRunSpread(
            List<Measurement[]> pairs, List<RatioJudge.Comparison> comparisons, double confidence) {
        for (int i = 0; i < pairs.size(); i++) {
            Optional<RunSpread.Series> s = spread.of(pairs.get(i)[1].id());
            if (s.isPresent()) {
                comparisons.set(i, comparisons.get(i).withRunSpread(s.get(), confidence));
            }
        }
    }

    /** Holm within each family, or the raw p-values when the config asks for no correction. */
    private double[] adjustedPValues(
            List<Measurement[]> pairs, List<RatioJudge.Comparison> comparisons) {
        double[] out = new double[pairs.size()];
        for (GateRow.Family family : GateRow.Family.values()) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                if (GateRow.Family.of(pairs.get(i)[1].id()) == family) members.add(i);
            }
            double[] p = members.stream().mapToDouble(i -> comparisons.get(i).pWorse()).toArray();
            double[] adj = config.familyWise() ? Holm.adjust(p) : p;
            for (int k = 0; k < members.size(); k++) out[members.get(k)] = adj[k];
        }
        return out;
    }

    private static int familySize(
            List<RatioJudge.Comparison> comparisons,
            List<Measurement[]> pairs,
            GateRow.Family family) {
        int n = 0;
        for (int i = 0; i < pairs.size(); i++) {
            if (GateRow.Family.of(pairs.get(i)[1].id()) == family
                    && !Double.isNaN(comparisons.get(i).pWorse())) n++;
        }
        return Math.max(1, n);
    }

    private Map<BenchmarkId, Measurement> gated(JmhRun run) {
        run.defects()
                .forEach(
                        (id, defect) -> {
                            if (config.secondaries().contains(id.secondary())) throw defect;
                        });
        Map<BenchmarkId, Measurement> map = new TreeMap<>();
        for (Measurement m : run.measurements()) {
            String secondary = m.id().secondary();
            if (secondary == null || config.secondaries().contains(secondary)) map.put(m.id(), m);
        }
        return map;
    }

    /** Pairs a missing and an added series that differ only in class name, when unambiguous. */
    private static List<GateResult.Rename> renames(
            List<BenchmarkId> missing, List<BenchmarkId> added) {
        List<GateResult.Rename> out = new ArrayList<>();
        for (BenchmarkId m : missing) {
            List<BenchmarkId> candidates = added.stream().filter(a -> sameShape(m, a)).toList();
            if (candidates.size() != 1) continue;
            BenchmarkId a = candidates.get(0);
            long reverse = missing.stream().filter(x -> sameShape(x, a)).count();
            if (reverse == 1) out.add(new GateResult.Rename(m, a));
        }
        return out;
    }

    private static boolean sameShape(BenchmarkId a, BenchmarkId b) {
        return a.methodName().equals(b.methodName())
                && a.mode().equals(b.mode())
                && a.params().equals(b.params())
                && Objects.equals(a.secondary(), b.secondary());
    }
}
