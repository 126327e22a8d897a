package dev.dualpath.bench.power;

import dev.dualpath.bench.compare.BlockRunner;
import dev.dualpath.bench.compare.BlockSource;
import dev.dualpath.bench.compare.CompareSession;
import dev.dualpath.bench.verdict.gate.GateVerdict;
import dev.dualpath.bench.verdict.sequential.Block;
import dev.dualpath.bench.verdict.sequential.MetricSpec;
import dev.dualpath.bench.verdict.sequential.SequentialCompare;
import dev.dualpath.bench.verdict.sequential.SequentialSettings;
import dev.dualpath.bench.verdict.sequential.SeriesOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trials drawn from a pool of real blocks: each trial shuffles the pool (seeded) and runs a {@link
 * CompareSession} on it — the loop {@code compare} runs, with its budget rule, its early retirement
 * of a hopeless series and its stop when every metric is decided — the blocks replayed in that
 * order instead of run. The budget is spent in the blocks' measured seconds. A trial also ends when
 * the pool runs out. Trials reuse the pool's blocks in different orders, so they are not
 * independent: the rates' intervals are a guide, the end-to-end comparisons the check.
 */
public final class PowerTrials {

    private PowerTrials() {}

    /**
     * Draws trials from the pool, each a {@code compare} session over a shuffled replay.
     *
     * @param pool the condition's blocks, one series
     * @param series the series' label
     * @param specs the gated metrics
     * @param metric the condition's metric
     * @param settings error rates
     * @param budget wall time a trial may use, counted in the blocks' measured seconds
     * @param trials how many
     * @param seed shuffles
     * @throws InterruptedException if interrupted between trials
     */
    public static List<Trial> run(
            List<Block> pool,
            String series,
            List<MetricSpec> specs,
            String metric,
            SequentialSettings settings,
            Duration budget,
            int trials,
            long seed)
            throws InterruptedException {
        Random rng = new Random(seed);
        List<Trial> out = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            List<Block> order = new ArrayList<>(pool);
            Collections.shuffle(order, rng);
            out.add(replay(order, series, specs, metric, settings, budget).trial());
        }
        return out;
    }

    /**
     * One {@code compare} session over recorded blocks in the given order.
     *
     * @return the trial and the session's outcome
     * @throws InterruptedException if interrupted
     */
    public static Replayed replay(
            List<Block> order,
            String series,
            List<MetricSpec> specs,
            String metric,
            SequentialSettings settings,
            Duration budget)
            throws InterruptedException {
        SequentialCompare state = new SequentialCompare(Map.of(series, specs), settings);
        Replay source = new Replay(order.iterator(), state, metric);
        PrintStream quiet =
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CompareSession.Outcome o;
        try {
            o = new CompareSession(source, state, budget, quiet).run();
        } catch (IOException e) {
            throw new UncheckedIOException("a replayed block cannot fail to run", e);
        }
        source.observe();
        SeriesOutcome.MetricOutcome m = of(state, metric);
        boolean anyFail =
                state.outcomes().get(0).metrics().stream()
                        .anyMatch(x -> x.verdict() == GateVerdict.FAIL);
        boolean exhausted = !state.decided() && !source.hasMore() && !o.budgetSpent();
        Trial trial =
                new Trial(
                        m.verdict(),
                        anyFail,
                        source.decidedAt < 0 ? source.used : source.decidedAt,
                        source.decidedAt < 0 ? source.seconds : source.decidedSeconds,
                        exhausted);
        return new Replayed(trial, o);
    }

    /**
     * A replayed session.
     *
     * @param trial the condition's view of it
     * @param outcome the session's own outcome, as {@code compare} would report it
     */
    public record Replayed(Trial trial, CompareSession.Outcome outcome) {}

    /** Hands out recorded blocks and notes when the condition's metric was first decided. */
    private static final class Replay implements BlockSource {
        private final Iterator<Block> blocks;
        private final SequentialCompare state;
        private final String metric;
        private int used;
        private double seconds;
        private int decidedAt = -1;
        private double decidedSeconds;

        Replay(Iterator<Block> blocks, SequentialCompare state, String metric) {
            this.blocks = blocks;
            this.state = state;
            this.metric = metric;
        }

        @Override
        public BlockRunner.RunBlock run(String series) {
            observe();
            Block b = blocks.next();
            used++;
            seconds += b.seconds();
            return new BlockRunner.RunBlock(b, List.of());
        }

        @Override
        public boolean hasMore() {
            return blocks.hasNext();
        }

        /** Called before each block and at the end: the state then holds {@code used} blocks. */
        void observe() {
            if (decidedAt < 0 && used > 0 && of(state, metric).state().decided()) {
                decidedAt = used;
                decidedSeconds = seconds;
            }
        }
    }

    private static SeriesOutcome.MetricOutcome of(SequentialCompare state, String metric) {
        return state.outcomes().get(0).metrics().stream()
                .filter(m -> m.spec().name().equals(metric))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("metric not gated: " + metric));
    }
}
