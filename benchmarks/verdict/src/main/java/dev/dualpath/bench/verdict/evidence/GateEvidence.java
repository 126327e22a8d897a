package dev.dualpath.bench.verdict.evidence;

import dev.dualpath.bench.verdict.gate.GateConfig;
import dev.dualpath.bench.verdict.gate.GateVerdict;
import dev.dualpath.bench.verdict.gate.RatioJudge;
import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.HistogramBin;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.jmh.MetricDirection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Evidence that the gate works, from real runs of unchanged code.
 *
 * <p>For every gated series the forks of all given runs are pooled, then split at random into two
 * halves, {@code splits} times (seeded). Each split is judged twice:
 *
 * <ol>
 *   <li><b>A/A</b>: half against half. Same code, so a FAIL is a false alarm; there must be none.
 *   <li><b>Sensitivity</b>: the second half with every value made worse by the injected slowdown
 *       (times 1 + s for time per op, divided by 1 + s for throughput). A FAIL is a catch; a PASS
 *       would be a miss declared safe, and there must be none. At least {@code minDetection} of
 *       these must FAIL.
 * </ol>
 */
public final class GateEvidence {

    private final EvidenceSettings settings;
    private final RatioJudge judge;

    /**
     * @param settings splits, slowdown, thresholds and the gate settings under test
     */
    public GateEvidence(EvidenceSettings settings) {
        this.settings = settings;
        this.judge = new RatioJudge(settings.gate().bootstrap().confidence());
    }

    /**
     * Returns per-series counts and the overall outcome.
     *
     * @param runs one or more runs of the same code (forks are pooled per series)
     */
    public EvidenceResult evaluate(List<JmhRun> runs) {
        List<EvidenceResult.Row> rows = new ArrayList<>();
        List<EvidenceResult.Skipped> skipped = new ArrayList<>();
        for (Measurement m : pool(runs).values()) {
            int forks = m.rawDataPerFork().size();
            if (m.direction() == MetricDirection.UNKNOWN) {
                skipped.add(
                        new EvidenceResult.Skipped(
                                m.id(), "unit " + m.unit() + " does not say which way is better"));
            } else if (forks < settings.minForks()) {
                skipped.add(
                        new EvidenceResult.Skipped(
                                m.id(), forks + " forks, fewer than " + settings.minForks()));
            } else {
                rows.add(splits(m));
            }
        }
        return new EvidenceResult(rows, skipped, settings);
    }

    private EvidenceResult.Row splits(Measurement m) {
        int n = m.rawDataPerFork().size();
        double minEffect = settings.gate().minEffectFor(m.id());
        double factor =
                m.direction() == MetricDirection.LOWER_IS_BETTER
                        ? 1 + settings.slowdown()
                        : 1 / (1 + settings.slowdown());
        Map<GateVerdict, Integer> aa = new EnumMap<>(GateVerdict.class);
        Map<GateVerdict, Integer> slow = new EnumMap<>(GateVerdict.class);
        double[] mdes = new double[settings.splits()];
        Random rng = new Random(settings.gate().bootstrap().seed());
        for (int s = 0; s < settings.splits(); s++) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            Collections.shuffle(order, rng);
            Measurement a = m.selectForks(order.subList(0, n / 2));
            Measurement b = m.selectForks(order.subList(n / 2, n));
            RatioJudge.Judgement same = judgeOne(a, b, minEffect);
            RatioJudge.Judgement worse = judgeOne(a, b.scaled(factor), minEffect);
            aa.merge(same.verdict(), 1, Integer::sum);
            slow.merge(worse.verdict(), 1, Integer::sum);
            mdes[s] = same.minDetectableEffect();
        }
        Arrays.sort(mdes);
        return new EvidenceResult.Row(
                m.id(),
                n,
                aa.getOrDefault(GateVerdict.FAIL, 0),
                aa.getOrDefault(GateVerdict.PASS, 0),
                aa.getOrDefault(GateVerdict.INCONCLUSIVE, 0),
                slow.getOrDefault(GateVerdict.FAIL, 0),
                slow.getOrDefault(GateVerdict.PASS, 0),
                slow.getOrDefault(GateVerdict.INCONCLUSIVE, 0),
                mdes[mdes.length / 2]);
    }

    /** One series on its own: no family, so its raw p-value is the one a FAIL must clear. */
    private RatioJudge.Judgement judgeOne(Measurement a, Measurement b, double minEffect) {
        RatioJudge.Comparison c =
                judge.compare(
                        a.units(), b.units(), a.direction(), GateConfig.floorOf(a.id()), a.unit());
        return judge.judge(c, minEffect, c.pWorse(), 1);
    }

    /** Every gated series with the forks of all runs concatenated, in first-seen order. */
    private Map<BenchmarkId, Measurement> pool(List<JmhRun> runs) {
        Map<BenchmarkId, Measurement> pooled = new LinkedHashMap<>();
        for (JmhRun run : runs) {
            for (Measurement m : run.measurements()) {
                String secondary = m.id().secondary();
                if (secondary != null && !settings.gate().secondaries().contains(secondary))
                    continue;
                pooled.merge(m.id(), m, GateEvidence::concat);
            }
        }
        return pooled;
    }

    private static Measurement concat(Measurement a, Measurement b) {
        List<List<Double>> raw = new ArrayList<>(a.rawDataPerFork());
        raw.addAll(b.rawDataPerFork());
        List<List<List<HistogramBin>>> hist = new ArrayList<>();
        if (!a.histogramsPerFork().isEmpty() && !b.histogramsPerFork().isEmpty()) {
            hist.addAll(a.histogramsPerFork());
            hist.addAll(b.histogramsPerFork());
        }
        return new Measurement(
                a.id(),
                a.unit(),
                a.threads(),
                raw.size(),
                Double.NaN,
                Double.NaN,
                Map.of(),
                raw,
                hist);
    }
}
