package dev.dualpath.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.gate.GateVerdict;
import dev.dualpath.bench.verdict.machine.DisturbanceRule;
import dev.dualpath.bench.verdict.sequential.MetricCatalog;
import dev.dualpath.bench.verdict.sequential.MetricSpec;
import dev.dualpath.bench.verdict.sequential.SequentialCompare;
import dev.dualpath.bench.verdict.sequential.SequentialSettings;
import dev.dualpath.bench.verdict.sequential.SeriesOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compare loop with a simulated fork runner (the statistics are {@code SequentialCompareTest}'s
 * subject; the real forks are measured by {@code dualpath compare} and {@code dualpath power}).
 */
class CompareSessionTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @Test
    void aTwentyPercentSlowdownFailsAndTheLedgerKeepsEveryFork() throws Exception {
        CompareSession.Outcome o = run(new SimulatedForks(1.20, 0.0, 0.02, 7), Duration.ofHours(1));

        assertThat(verdict(o, "primary")).isEqualTo(GateVerdict.FAIL);
        assertThat(verdict(o, "gc.alloc.rate.norm")).isEqualTo(GateVerdict.PASS);
        List<String> ledger = Files.readAllLines(dir.resolve("ledger.jsonl"));
        assertThat(ledger).hasSize(4 * o.blocks());
        assertThat(String.join("\n", ledger)).contains("\"order\":\"BAAB\"");
        assertThat(String.join("\n", ledger)).contains("\"order\":\"ABBA\"");
    }

    @Test
    void aMachineBusyWithAnotherProcessIsFlaggedNotJudged() throws Exception {
        CompareSession.Outcome o =
                run(new SimulatedForks(1.20, 1.5, 0.02, 3), Duration.ofMinutes(5));

        SeriesOutcome s = o.series().get(0);
        assertThat(s.blocks()).isZero();
        assertThat(s.discarded()).isEqualTo(o.blocks()).isPositive();
        assertThat(s.disturbances()).allSatisfy(d -> assertThat(d).contains("other processes"));
        assertThat(s.metrics())
                .allSatisfy(m -> assertThat(m.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE));
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("DISTURBED");
    }

    @Test
    void theBudgetStopsTheSessionBeforeABlockWouldOverrunIt() throws Exception {
        // Each simulated fork "takes" 10 s of wall time in the block statistics, none in reality:
        // the session estimates the next block from the ones before.
        CompareSession.Outcome o =
                run(new SimulatedForks(1.0, 0.0, 0.30, 5), Duration.ofSeconds(200));

        assertThat(o.blocks()).isBetween(4, 6);
    }

    @Test
    void aLoneHopelessSeries_isNotRetired_butRunsToTheBudget() throws Exception {
        // 30 % fork noise: no budget decides a 3 % question, yet with no other series to give the
        // time to, the budget is the user's to spend.
        CompareSession.Outcome o =
                run(new SimulatedForks(1.0, 0.0, 0.30, 5), Duration.ofMinutes(20));

        assertThat(o.budgetSpent()).isTrue();
        assertThat(o.blocks()).isGreaterThan(CompareSession.MIN_BLOCKS_BEFORE_RETIRING + 20);
        assertThat(o.series().get(0).metrics().get(0).note()).doesNotContain("stopped");
    }

    @Test
    void aHopelessSeriesBesideAnother_isRetired_andTheOtherGetsTheBudget() throws Exception {
        Map<String, List<MetricSpec>> series = new LinkedHashMap<>();
        series.put("DIRECT", MetricCatalog.defaults(0.03, false).subList(0, 2));
        series.put("SHARED_LOOP", MetricCatalog.defaults(0.03, false).subList(0, 2));
        SequentialCompare state = new SequentialCompare(series, SequentialSettings.DEFAULT);
        BlockRunner blocks =
                new BlockRunner(
                        new SimulatedForks(1.0, 0.0, 0.30, 5), dir, DisturbanceRule.DEFAULT, 11);

        CompareSession.Outcome o =
                new CompareSession(
                                blocks,
                                state,
                                Duration.ofMinutes(20),
                                new PrintStream(progress, true, StandardCharsets.UTF_8))
                        .run();

        // One of the two is retired after its first blocks; the other, then alone, runs on.
        assertThat(o.series())
                .filteredOn(s -> s.metrics().get(0).note().contains("stopped for the budget"))
                .hasSize(1);
        assertThat(o.budgetSpent()).isTrue();
    }

    @Test
    void aHopelessSecondary_doesNotRetireASeriesWhosePrimaryCanStillBeDecided() throws Exception {
        // The primary needs a few blocks more than the retiring threshold; caller CPU time is so
        // noisy that no budget would decide it. Only when the primary is decided may the series
        // be retired for that secondary.
        List<MetricSpec> metrics =
                MetricCatalog.defaults(0.03, false).stream()
                        .filter(
                                m ->
                                        m.name().equals("primary")
                                                || m.name().equals("gc.alloc.rate.norm")
                                                || m.name().equals("caller.cpu.norm"))
                        .toList();
        ForkRunner noisyCpu =
                new ForkRunner() {
                    private final SimulatedForks base = new SimulatedForks(1.10, 0.0, 0.10, 13);
                    private final Random rng = new Random(17);

                    @Override
                    public ForkRecord run(Side side, String series, Path resultFile)
                            throws IOException {
                        ForkRecord r = base.run(side, series, resultFile);
                        Map<String, Double> m = new LinkedHashMap<>(r.metrics());
                        m.put("caller.cpu.norm", 2.0 * Math.exp(3.0 * rng.nextGaussian()));
                        return new ForkRecord(
                                r.side(), r.series(), r.file(), m, r.conditions(), r.wallSeconds());
                    }
                };

        CompareSession.Outcome o = run(noisyCpu, Duration.ofHours(2), metrics);

        assertThat(verdict(o, "primary")).as(o.toString()).isEqualTo(GateVerdict.FAIL);
        assertThat(verdict(o, "caller.cpu.norm")).isEqualTo(GateVerdict.INCONCLUSIVE);
    }

    private CompareSession.Outcome run(ForkRunner runner, Duration budget) throws Exception {
        return run(runner, budget, MetricCatalog.defaults(0.03, false).subList(0, 2));
    }

    private CompareSession.Outcome run(ForkRunner runner, Duration budget, List<MetricSpec> metrics)
            throws Exception {
        Map<String, List<MetricSpec>> series = new LinkedHashMap<>();
        series.put("DIRECT", metrics);
        SequentialCompare state = new SequentialCompare(series, SequentialSettings.DEFAULT);
        BlockRunner blocks = new BlockRunner(runner, dir, DisturbanceRule.DEFAULT, 11);
        return new CompareSession(
                        blocks,
                        state,
                        budget,
                        new PrintStream(progress, true, StandardCharsets.UTF_8))
                .run();
    }

    private static GateVerdict verdict(CompareSession.Outcome o, String metric) {
        return o.series().get(0).metrics().stream()
                .filter(m -> m.spec().name().equals(metric))
                .findFirst()
                .orElseThrow()
                .verdict();
    }
}
