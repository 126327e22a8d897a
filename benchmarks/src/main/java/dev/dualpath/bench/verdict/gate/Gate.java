package dev.dualpath.bench.verdict.gate;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares a current JMH run with a baseline, series by series.
 *
 * <p>Gated series: every primary metric, and the secondary metrics named in {@link
 * GateConfig#secondaries()}. A series present in only one run is listed as missing or added (or,
 * when it pairs up unambiguously with one on the other side, as a probable rename), never an error.
 * See {@link RatioJudge} for the statistic.
 *
 * <p>Usage: {@code GateResult r = new Gate(GateConfig.defaults()).compare(baselineRun,
 * currentRun);}
 */
public final class Gate {

    private final GateConfig config;

    /**
     * @param config minimum effects, gated secondaries and bootstrap settings
     */
    public Gate(GateConfig config) {
        this.config = config;
    }

    /**
     * Returns rows for series in both, plus missing, added and renamed series.
     *
     * @param baseline the reference run
     * @param current the run under test
     */
    public GateResult compare(JmhRun baseline, JmhRun current) {
        Map<BenchmarkId, Measurement> base = gated(baseline);
        Map<BenchmarkId, Measurement> cur = gated(current);
        List<GateRow> rows = new ArrayList<>();
        List<BenchmarkId> missing = new ArrayList<>();
        long compared = base.keySet().stream().filter(cur::containsKey).count();
        RatioJudge judge = judgeFor(compared);
        for (Map.Entry<BenchmarkId, Measurement> e : base.entrySet()) {
            Measurement c = cur.get(e.getKey());
            if (c == null) missing.add(e.getKey());
            else rows.add(row(judge, e.getValue(), c));
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
        return new GateResult(rows, missingLeft, addedLeft, renames, config);
    }

    /**
     * A judge whose FAIL test runs at confidence 1 - alpha / series (Bonferroni) when the config
     * asks for family-wise control, so that a whole gate run raises a false alarm at most alpha of
     * the time.
     */
    private RatioJudge judgeFor(long series) {
        BootstrapSettings s = config.bootstrap();
        Bootstrap perSeries = new Bootstrap(s);
        if (!config.familyWise() || series <= 1) return new RatioJudge(perSeries, perSeries, 1);
        double adjusted = 1 - (1 - s.confidence()) / series;
        return new RatioJudge(
                perSeries,
                new Bootstrap(new BootstrapSettings(s.resamples(), adjusted, s.seed())),
                series);
    }

    private GateRow row(RatioJudge judge, Measurement base, Measurement cur) {
        double minEffect = config.minEffectFor(cur.id());
        RatioJudge.Judgement j = judge.judge(base.units(), cur.units(), cur.direction(), minEffect);
        String note = j.note();
        if (!base.unit().equals(cur.unit())) {
            note = "unit changed from " + base.unit() + " to " + cur.unit() + "; not comparable";
            j =
                    new RatioJudge.Judgement(
                            j.ratio(), Double.NaN, GateVerdict.INCONCLUSIVE, false, note);
        }
        return new GateRow(
                cur.id(),
                cur.unit(),
                cur.direction(),
                base.units(),
                cur.units(),
                j.ratio(),
                minEffect,
                j.minDetectableEffect(),
                j.verdict(),
                j.improved(),
                j.note());
    }

    private Map<BenchmarkId, Measurement> gated(JmhRun run) {
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
