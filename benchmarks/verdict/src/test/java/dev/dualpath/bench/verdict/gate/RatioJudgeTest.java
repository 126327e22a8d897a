package dev.dualpath.bench.verdict.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.MetricDirection;
import dev.dualpath.bench.verdict.jmh.Units;
import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RatioJudgeTest {

    private final RatioJudge judge = new RatioJudge(new Bootstrap(BootstrapSettings.DEFAULT));

    private static Units forks(double mean, double relativeNoise, int n, long seed) {
        Random rng = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = mean * (1 + relativeNoise * rng.nextGaussian());
        return new Units(v, Units.Basis.FORKS);
    }

    @Test
    void identicalDataPassesWithAnIntervalContainingOne() {
        Units a = forks(100, 0.01, 5, 1);
        RatioJudge.Judgement j = judge.judge(a, a, MetricDirection.LOWER_IS_BETTER, 0.05);
        assertThat(j.ratio().contains(1.0)).isTrue();
        assertThat(j.verdict()).isEqualTo(GateVerdict.PASS);
    }

    @Test
    void twentyPercentSlowerWithLowNoiseFails() {
        RatioJudge.Judgement j =
                judge.judge(
                        forks(100, 0.01, 5, 1),
                        forks(120, 0.01, 5, 2),
                        MetricDirection.LOWER_IS_BETTER,
                        0.05);
        assertThat(j.verdict()).isEqualTo(GateVerdict.FAIL);
        assertThat(j.ratio().lower()).isGreaterThan(1.0);
        assertThat(j.minDetectableEffect()).isLessThan(0.2);
    }

    @Test
    void twentyPercentSlowerWithHighNoiseIsInconclusive() {
        RatioJudge.Judgement j =
                judge.judge(
                        forks(100, 0.30, 3, 1),
                        forks(120, 0.30, 3, 2),
                        MetricDirection.LOWER_IS_BETTER,
                        0.05);
        assertThat(j.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
        assertThat(j.minDetectableEffect()).isGreaterThan(0.1);
    }

    @Test
    void throughputDropIsWorseAndThroughputRiseIsAnImprovement() {
        Units base = forks(1000, 0.01, 5, 1);
        assertThat(
                        judge.judge(
                                        base,
                                        forks(800, 0.01, 5, 2),
                                        MetricDirection.HIGHER_IS_BETTER,
                                        0.05)
                                .verdict())
                .isEqualTo(GateVerdict.FAIL);
        RatioJudge.Judgement better =
                judge.judge(base, forks(1300, 0.01, 5, 3), MetricDirection.HIGHER_IS_BETTER, 0.05);
        assertThat(better.verdict()).isEqualTo(GateVerdict.PASS);
        assertThat(better.improved()).isTrue();
    }

    @Test
    void aSignificantChangeBelowTheMinimumEffectIsNotAFailure() {
        RatioJudge.Judgement j =
                judge.judge(
                        forks(100, 0.001, 8, 1),
                        forks(102, 0.001, 8, 2),
                        MetricDirection.LOWER_IS_BETTER,
                        0.05);
        assertThat(j.verdict()).isEqualTo(GateVerdict.PASS);
        assertThat(j.note()).contains("less than the minimum effect");
    }

    @Test
    void unknownDirectionIsNeverGated() {
        Units a = forks(100, 0.01, 5, 1);
        assertThat(judge.judge(a, forks(200, 0.01, 5, 2), MetricDirection.UNKNOWN, 0.05).verdict())
                .isEqualTo(GateVerdict.INCONCLUSIVE);
    }

    @Test
    void zeroAllocationBaselineThatStartsAllocatingFails() {
        Units zero = new Units(new double[] {0, 0, 0}, Units.Basis.FORKS);
        Units some = new Units(new double[] {24, 24, 24}, Units.Basis.FORKS);
        assertThat(judge.judge(zero, zero, MetricDirection.LOWER_IS_BETTER, 0.05).verdict())
                .isEqualTo(GateVerdict.PASS);
        assertThat(judge.judge(zero, some, MetricDirection.LOWER_IS_BETTER, 0.05).verdict())
                .isEqualTo(GateVerdict.FAIL);
    }

    @Test
    void oneUnitASideIsInconclusiveWithAReason() {
        Units one = new Units(new double[] {1}, Units.Basis.ITERATIONS);
        RatioJudge.Judgement j = judge.judge(one, one, MetricDirection.LOWER_IS_BETTER, 0.05);
        assertThat(j.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
        assertThat(j.note()).contains("at least 2 units");
    }
}
