package dev.dualpath.bench.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.gate.GateVerdict;
import dev.dualpath.bench.verdict.sequential.Block;
import dev.dualpath.bench.verdict.sequential.MetricCatalog;
import dev.dualpath.bench.verdict.sequential.MetricSpec;
import dev.dualpath.bench.verdict.sequential.SequentialSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Trials are {@code compare} sessions over a replayed pool: they decide, stop, retire and run out
 * as {@code compare} would, on synthetic blocks with a known answer.
 */
class PowerTrialsTest {

    private static final List<MetricSpec> SPECS = MetricCatalog.defaults(0.03, false).subList(0, 2);
    private static final Duration BUDGET = Duration.ofMinutes(10);

    /** Blocks of 24 s whose head is {@code factor} times the base, with log-normal fork noise. */
    private static List<Block> pool(int n, double factor, double noise, long seed) {
        Random rng = new Random(seed);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] base = {time(rng, 1, noise), time(rng, 1, noise)};
            double[] head = {time(rng, factor, noise), time(rng, factor, noise)};
            blocks.add(
                    new Block(
                            "DIRECT",
                            "ABBA",
                            Map.of(
                                    "primary",
                                    base,
                                    "gc.alloc.rate.norm",
                                    new double[] {3000, 3000}),
                            Map.of(
                                    "primary",
                                    head,
                                    "gc.alloc.rate.norm",
                                    new double[] {3000, 3000}),
                            "",
                            24));
        }
        return blocks;
    }

    private static double time(Random rng, double factor, double noise) {
        return 2.6 * factor * Math.exp(noise * rng.nextGaussian());
    }

    private static List<Trial> trials(List<Block> pool, int n) throws InterruptedException {
        return PowerTrials.run(
                pool, "DIRECT", SPECS, "primary", SequentialSettings.DEFAULT, BUDGET, n, 1);
    }

    @Test
    void aClearSlowdown_failsInEveryTrial_wellWithinTheBudget() throws Exception {
        List<Trial> t = trials(pool(30, 1.3, 0.03, 1), 5);

        assertThat(t)
                .allSatisfy(
                        x -> {
                            assertThat(x.verdict()).isEqualTo(GateVerdict.FAIL);
                            assertThat(x.blocks()).isLessThan(15);
                            assertThat(x.exhausted()).isFalse();
                        });
    }

    @Test
    void aHopelesslyNoisyAa_runsToTheBudget_asALoneSeriesDoesInCompare() throws Exception {
        // With 30 % fork noise no budget decides a 3 % question; compare, with no other series to
        // give the time to, spends its budget (10 min of 24 s blocks) and never FAILs.
        List<Trial> t = trials(pool(40, 1.0, 0.30, 2), 5);

        assertThat(t)
                .allSatisfy(
                        x -> {
                            assertThat(x.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
                            assertThat(x.anyFail()).isFalse();
                            assertThat(x.blocks()).isBetween(24, 25);
                            assertThat(x.exhausted()).isFalse();
                        });
    }

    @Test
    void aPoolThatRunsOutBeforeADecision_isMarkedExhausted() throws Exception {
        List<Trial> t = trials(pool(3, 1.05, 0.10, 3), 2);

        assertThat(t)
                .allSatisfy(
                        x -> {
                            assertThat(x.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
                            assertThat(x.blocks()).isEqualTo(3);
                            assertThat(x.exhausted()).isTrue();
                        });
    }

    @Test
    void theSameSeed_drawsTheSameTrials() throws Exception {
        List<Block> pool = pool(30, 1.1, 0.10, 4);

        assertThat(trials(pool, 4)).isEqualTo(trials(pool, 4));
    }
}
