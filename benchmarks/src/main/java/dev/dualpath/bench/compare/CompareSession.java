package dev.dualpath.bench.compare;

import dev.dualpath.bench.verdict.sequential.LookSchedule;
import dev.dualpath.bench.verdict.sequential.SequentialCompare;
import dev.dualpath.bench.verdict.sequential.SeriesOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sequential loop of {@code dualpath compare}: ask the decision state which series needs a
 * block, run it, feed it, until every gated metric is decided or the time budget would be overrun.
 * It takes the planned looks ({@link LookSchedule}) at a quarter, half and three quarters of the
 * budget, and the final one when it stops for the budget or runs out of blocks: stops fixed by the
 * clock and the pool, never by the data. A series that, after a fair number of blocks, would need
 * far more than the remaining budget to decide even the cheapest of its undecided metrics is
 * retired as INCONCLUSIVE with that estimate, so that its share of the budget goes to series that
 * can still be decided; the last undecided series is never retired, as no other would use its
 * share.
 */
public final class CompareSession {

    /** Judged blocks a series gets before it may be retired for needing too many more. */
    static final int MIN_BLOCKS_BEFORE_RETIRING = 6;

    private final BlockSource blocks;
    private final SequentialCompare state;
    private final Duration budget;
    private final PrintStream progress;

    /**
     * @param blocks runs (or replays) blocks; the session ends when it has no more
     * @param state the decision state (its series are the ones run)
     * @param budget wall time the session may use; a block that would overrun it is not started
     * @param progress one line per block
     */
    public CompareSession(
            BlockSource blocks, SequentialCompare state, Duration budget, PrintStream progress) {
        this.blocks = blocks;
        this.state = state;
        this.budget = budget;
        this.progress = progress;
    }

    /**
     * Where a session ended.
     *
     * @param series per series and metric
     * @param blocks blocks run, disturbed ones included
     * @param elapsedSeconds wall time used, seconds
     * @param budgetSpent whether it stopped because the next block would overrun the budget
     */
    public record Outcome(
            List<SeriesOutcome> series, int blocks, double elapsedSeconds, boolean budgetSpent) {}

    /**
     * Runs blocks until every series is decided or the budget would be overrun.
     *
     * @throws IOException if a fork fails
     * @throws InterruptedException if interrupted; the running fork is stopped
     */
    public Outcome run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        LookSchedule looks = new LookSchedule();
        int run = 0;
        double blockSeconds = 0;
        boolean spent = false;
        while (true) {
            Optional<String> next = state.next();
            if (next.isEmpty()) break;
            if (!blocks.hasMore()) {
                // Out of blocks (a replayed pool): a stop fixed in advance, as the budget is.
                state.look(looks.last());
                break;
            }
            double elapsed = spentSeconds(start, blockSeconds);
            double estimate = run == 0 ? 0 : blockSeconds / run;
            if (elapsed + estimate > budget.toSeconds()) {
                state.look(looks.last());
                spent = true;
                break;
            }
            BlockRunner.RunBlock b = blocks.run(next.get());
            state.add(b.block());
            run++;
            blockSeconds += b.block().seconds();
            double used = spentSeconds(start, blockSeconds);
            state.look(looks.due(used / budget.toSeconds()));
            progress.println(line(run, b, used));
            retireHopeless(budget.toSeconds() - used, blockSeconds / run);
        }
        return new Outcome(state.outcomes(), run, spentSeconds(start, blockSeconds), spent);
    }

    /**
     * The budget used so far: the wall time since {@code start}, or the blocks' own recorded time
     * where that is larger (the same on a real run; a replayed or simulated block takes no wall
     * time, yet must spend the budget it stands for).
     */
    private static double spentSeconds(long start, double blockSeconds) {
        return Math.max((System.nanoTime() - start) / 1e9, blockSeconds);
    }

    private void retireHopeless(double remainingSeconds, double secondsPerBlock) {
        // Retiring a series gives its share of the budget to the others. With no other series
        // left to use it, stopping early would only give away the chance that the rest of the
        // budget decides it after all: measured with real forks, early retirement of a lone
        // series cut the rate at which a +10 % slowdown FAILs within 10 minutes from 11 to 6 in
        // 20 trials.
        for (SeriesOutcome o : state.outcomes()) {
            if (activeSeries() <= 1) return;
            if (o.blocks() < MIN_BLOCKS_BEFORE_RETIRING) continue;
            // The series goes on while any of its undecided metrics can still be decided: the
            // cheapest one counts, and one with too few blocks of its own cannot be judged
            // hopeless yet. Taking the dearest let a secondary metric that had just started
            // ("unboundedly many") retire a series whose primary needed six more blocks.
            long needed =
                    o.metrics().stream()
                            .filter(m -> !m.state().decided())
                            .filter(m -> !m.note().startsWith("not measured"))
                            .mapToLong(
                                    m ->
                                            m.blocks() < MIN_BLOCKS_BEFORE_RETIRING
                                                    ? 0
                                                    : m.blocksToDecide())
                            .min()
                            .orElse(0);
            // Blocks go round-robin: this series gets one block in every so many.
            double seconds = needed * secondsPerBlock * activeSeries();
            if (needed > 0 && seconds > 2 * remainingSeconds) {
                state.retire(
                        o.series(),
                        String.format(
                                Locale.ROOT,
                                // The metric's own note already says how many blocks; this
                                // says why they were not run.
                                "stopped for the budget: %s, with %.0f min left",
                                needed >= Integer.MAX_VALUE
                                        ? "no number of blocks is enough at this variance"
                                        : String.format(
                                                Locale.ROOT,
                                                "those blocks take ~%.0f min",
                                                seconds / 60),
                                Math.max(0, remainingSeconds) / 60));
            }
        }
    }

    private long activeSeries() {
        return Math.max(
                1,
                state.outcomes().stream()
                        .filter(
                                o ->
                                        o.metrics().stream()
                                                .anyMatch(
                                                        m ->
                                                                !m.state().decided()
                                                                        && m.note().isEmpty()))
                        .count());
    }

    private static String line(int n, BlockRunner.RunBlock b, double elapsed) {
        StringBuilder sb =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "block %d %s %s (%.0f s, %.1f min in)",
                                n,
                                b.block().series(),
                                b.block().order(),
                                b.block().seconds(),
                                elapsed / 60));
        if (b.block().isDisturbed()) sb.append(" DISTURBED: ").append(b.block().disturbed());
        return sb.toString();
    }
}
