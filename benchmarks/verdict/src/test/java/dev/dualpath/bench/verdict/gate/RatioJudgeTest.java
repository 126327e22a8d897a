package dev.dualpath.bench.verdict.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.MetricDirection;
import dev.dualpath.bench.verdict.jmh.Units;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RatioJudgeTest {

    private final RatioJudge judge = new RatioJudge(0.95);

    private static Units forks(double mean, double relativeNoise, int n, long seed) {
        Random rng = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = mean * (1 + relativeNoise * rng.nextGaussian());
        return new Units(v, Units.Basis.FORKS);
    }

    /** One series on its own: no family, so its raw p-value is what a FAIL must clear. */
    private RatioJudge.Judgement judge(
            Units base, Units current, MetricDirection direction, double minEffect) {
        RatioJudge.Comparison c = judge.compare(base, current, direction);
        return judge.judge(c, minEffect, c.pWorse(), 1);
    }

    @Test
    void identicalDataPassesWithAZeroChange() {
        Units a = forks(100, 0.01, 5, 1);
        RatioJudge.Judgement j = judge(a, a, MetricDirection.LOWER_IS_BETTER, 0.05);
        assertThat(j.ratio().point()).isEqualTo(1.0);
        assertThat(j.ratio().contains(1.0)).isTrue();
        assertThat(j.verdict()).isEqualTo(GateVerdict.PASS);
    }

    /** The known answer: 3 forks a side, 10 % spread, ×1.5 slower. */
    @Test
    void oneSeriesThreeForksTenPercentSpreadOneAndAHalfTimesSlowerFails() {
        Units base = new Units(new double[] {90, 100, 110}, Units.Basis.FORKS);
        Units slow = new Units(new double[] {135, 150, 165}, Units.Basis.FORKS);
        RatioJudge.Judgement j = judge(base, slow, MetricDirection.LOWER_IS_BETTER, 0.05);
        assertThat(j.verdict()).isEqualTo(GateVerdict.FAIL);
        assertThat(j.ratio().point()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void twentyPercentSlowerWithLowNoiseFails() {
        RatioJudge.Judgement j =
                judge(
                        forks(100, 0.01, 5, 1),
                        forks(120, 0.01, 5, 2),
                        MetricDirection.LOWER_IS_BETTER,
                        0.05);
        assertThat(j.verdict()).isEqualTo(GateVerdict.FAIL);
        assertThat(j.ratio().lower()).isGreaterThan(1.0);
        assertThat(j.minDetectableEffect()).isLessThan(0.2);
    }

    @Test
    void twentyPercentSlowerWithHighNoiseIsInconclusiveAndSaysHowManyForksWouldDecide() {
        RatioJudge.Judgement j =
                judge(
                        forks(100, 0.30, 3, 1),
                        forks(120, 0.30, 3, 2),
                        MetricDirection.LOWER_IS_BETTER,
                        0.05);
        assertThat(j.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
        assertThat(j.minDetectableEffect()).isGreaterThan(0.1);
        assertThat(j.forksToDecide()).isGreaterThan(3);
        assertThat(j.note()).contains("forks per side would decide it");
    }

    @Test
    void theRatioIntervalNeverLeavesZeroToInfinity_evenWithHugeNoise() {
        Units wild = new Units(new double[] {0.001, 1, 1000}, Units.Basis.FORKS);
        Units other = new Units(new double[] {0.01, 5, 300}, Units.Basis.FORKS);
        RatioJudge.Judgement j = judge(wild, other, MetricDirection.LOWER_IS_BETTER, 0.05);
        assertThat(j.ratio().lower()).isPositive();
        assertThat(j.ratio().upper()).isFinite();
    }

    @Test
    void throughputDropIsWorseAndThroughputRiseIsAnImprovement() {
        Units base = forks(1000, 0.01, 5, 1);
        assertThat(
                        judge(base, forks(800, 0.01, 5, 2), MetricDirection.HIGHER_IS_BETTER, 0.05)
                                .verdict())
                .isEqualTo(GateVerdict.FAIL);
        RatioJudge.Judgement better =
                judge(base, forks(1300, 0.01, 5, 3), MetricDirection.HIGHER_IS_BETTER, 0.05);
        assertThat(better.verdict()).isEqualTo(GateVerdict.PASS);
        assertThat(better.improved()).isTrue();
    }

    @Test
    void aSignificantChangeBelowTheMinimumEffectIsNotAFailure() {
        RatioJudge.Judgement j =
                judge(
                        forks(100, 0.001, 8, 1),
                        forks(102, 0.001, 8, 2),
                        MetricDirection.LOWER_IS_BETTER,
                        0.05);
        assertThat(j.verdict()).isEqualTo(GateVerdict.PASS);
        assertThat(j.note()).contains("less than the minimum effect");
    }

    @Test
    void aTwoPercentChangeOfAnExactMetricFailsAtAOnePercentMinimumEffect() {
        Units base = new Units(new double[] {3672, 3672, 3672}, Units.Basis.FORKS);
        Units more = new Units(new double[] {3745.44, 3745.44, 3745.44}, Units.Basis.FORKS);
        assertThat(judge(base, more, MetricDirection.LOWER_IS_BETTER, 0.01).verdict())
                .isEqualTo(GateVerdict.FAIL);
        assertThat(judge(base, base, MetricDirection.LOWER_IS_BETTER, 0.01).verdict())
                .isEqualTo(GateVerdict.PASS);
    }

    @Test
    void unknownDirectionIsNeverGated() {
        Units a = forks(100, 0.01, 5, 1);
        assertThat(judge(a, forks(200, 0.01, 5, 2), MetricDirection.UNKNOWN, 0.05).verdict())
                .isEqualTo(GateVerdict.INCONCLUSIVE);
    }

    @Test
    void zeroAllocationBaselineThatStartsAllocatingFails() {
        Units zero = new Units(new double[] {0, 0, 0}, Units.Basis.FORKS);
        Units some = new Units(new double[] {24, 24, 24}, Units.Basis.FORKS);
        assertThat(judge(zero, zero, MetricDirection.LOWER_IS_BETTER, 0.05).verdict())
                .isEqualTo(GateVerdict.PASS);
        assertThat(judge(zero, some, MetricDirection.LOWER_IS_BETTER, 0.05).verdict())
                .isEqualTo(GateVerdict.FAIL);
    }

    /** Bytes per op judged at the 1 % minimum with the gate's floor added, one series alone. */
    private RatioJudge.Judgement bytes(double[] base, double[] current) {
        RatioJudge.Comparison c =
                judge.compare(
                        new Units(base, Units.Basis.FORKS),
                        new Units(current, Units.Basis.FORKS),
                        MetricDirection.LOWER_IS_BETTER,
                        GateConfig.floorOf(GateConfig.ALLOC_NORM),
                        "B/op");
        return judge.judge(c, 0.01, c.pWorse(), 1);
    }

    @Test
    void aFractionOfAByteOnAnAllocationFreePathIsNoRegression_aRealByteCountStillFails() {
        // The in-memory raw call's bytes per op in a committed baseline and in a later run: JMH's
        // bookkeeping moves them by a fraction of a byte, a ratio of the bare values is +600 %.
        double[] base = {0.0005, 0.0004, 0.0006};
        double[] noise = {0.0038, 0.0036, 0.0040};
        Units b = new Units(base, Units.Basis.FORKS);
        assertThat(
                        judge(
                                        b,
                                        new Units(noise, Units.Basis.FORKS),
                                        MetricDirection.LOWER_IS_BETTER,
                                        0.01)
                                .verdict())
                .as("the bare ratio")
                .isEqualTo(GateVerdict.FAIL);

        RatioJudge.Judgement j = bytes(base, noise);
        assertThat(j.verdict()).isNotEqualTo(GateVerdict.FAIL);
        assertThat(j.note()).contains("compared as (value + 1)");

        RatioJudge.Judgement k =
                bytes(new double[] {1871, 1871, 1871}, new double[] {1907, 1907, 1907});
        assertThat(k.verdict()).isEqualTo(GateVerdict.FAIL);
        assertThat(k.note()).doesNotContain("compared as");
        assertThat(bytes(new double[] {0, 0, 0}, new double[] {24, 24, 24}).verdict())
                .as("an allocation-free path that starts allocating")
                .isEqualTo(GateVerdict.FAIL);
    }

    @Test
    void oneUnitASideIsInconclusiveWithAReason() {
        Units one = new Units(new double[] {1}, Units.Basis.ITERATIONS);
        RatioJudge.Judgement j = judge(one, one, MetricDirection.LOWER_IS_BETTER, 0.05);
        assertThat(j.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
        assertThat(j.note()).contains("at least 2 units");
    }
}
