package dev.dualpath.bench.power;

import dev.dualpath.bench.verdict.gate.GateVerdict;
import dev.dualpath.bench.verdict.sequential.Block;
import dev.dualpath.bench.verdict.sequential.MetricSpec;
import dev.dualpath.bench.verdict.sequential.SequentialCompare;
import dev.dualpath.bench.verdict.sequential.SequentialSettings;
import dev.dualpath.bench.verdict.sequential.SeriesOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trials drawn from a pool of real blocks: each trial shuffles the pool (seeded), feeds the blocks
 * one by one into a fresh {@link SequentialCompare} exactly as {@code compare} would, and stops
 * when every metric is decided, when the blocks' measured wall time would pass the budget, or when
 * the pool runs out. Trials reuse the pool's blocks in different orders, so they are not
 * independent: the rates' intervals are a guide, the end-to-end comparisons the check.
 */
public final class PowerTrials {

    private PowerTrials() {}

    /**
     * Draws trials from the pool, each applying the sequential rule block by block.
     *
     * @param pool the condition's blocks, one series
     * @param series the series' label
     * @param specs the gated metrics
     * @param metric the condition's metric
     * @param settings error rates
     * @param budget wall time a trial may use, counted in the blocks' measured seconds
     * @param trials how many
     * @param seed shuffles
     */
    public static List<Trial> run(
            List<Block> pool,
            String series,
            List<MetricSpec> specs,
            String metric,
            SequentialSettings settings,
            Duration budget,
            int trials,
            long seed) {
        Random rng = new Random(seed);
        List<Trial> out = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            List<Block> order = new ArrayList<>(pool);
            Collections.shuffle(order, rng);
            out.add(one(order, series, specs, metric, settings, budget));
        }
        return out;
    }

    private static Trial one(
            List<Block> order,
            String series,
            List<MetricSpec> specs,
            String metric,
            SequentialSettings settings,
            Duration budget) {
        SequentialCompare state = new SequentialCompare(Map.of(series, specs), settings);
        double seconds = 0;
        int used = 0;
        int decidedAt = -1;
        double decidedSeconds = 0;
        for (Block b : order) {
            if (state.decided()) break;
            double perBlock = used == 0 ? 0 : seconds / used;
            if (seconds + perBlock > budget.toSeconds()) break;
            state.add(b);
            used++;
            seconds += b.seconds();
            if (decidedAt < 0 && of(state, metric).state().decided()) {
                decidedAt = used;
                decidedSeconds = seconds;
            }
        }
        SeriesOutcome.MetricOutcome m = of(state, metric);
        boolean anyFail =
                state.outcomes().get(0).metrics().stream()
                        .anyMatch(x -> x.verdict() == GateVerdict.FAIL);
        boolean exhausted =
                !state.decided() && used == order.size() && seconds < budget.toSeconds();
        return new Trial(
                m.verdict(),
                anyFail,
                decidedAt < 0 ? used : decidedAt,
                decidedAt < 0 ? seconds : decidedSeconds,
                exhausted);
    }

    private static SeriesOutcome.MetricOutcome of(SequentialCompare state, String metric) {
        return state.outcomes().get(0).metrics().stream()
                .filter(m -> m.spec().name().equals(metric))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("metric not gated: " + metric));
    }
}
