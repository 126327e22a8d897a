package dev.dualpath.bench.verdict.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/**
 * A run-to-run variance added to a comparison ({@link LogRatio#withRunVariance}) and the plans made
 * with it ({@link ForkPlanner}), on hand-computed answers.
 */
class RunVarianceTest {

    /** Logs 0, 0.1, 0.2 against 0.1, 0.2, 0.3: pooled variance 0.01, se = 0.1·sqrt(2/3). */
    private static final LogRatio FORKS =
            LogRatio.of(
                    new double[] {1, Math.exp(0.1), Math.exp(0.2)},
                    new double[] {Math.exp(0.1), Math.exp(0.2), Math.exp(0.3)});

    @Test
    void theStandardErrorGainsTheRunVarianceOncePerRun_withTheSmallerDegreesOfFreedom() {
        double forkPart = 0.01 * 2 / 3;
        LogRatio wider = FORKS.withRunVariance(0.0025, 7);
        LogRatio fewRuns = FORKS.withRunVariance(0.0025, 2);

        assertThat(wider.estimate()).isCloseTo(0.1, offset(1e-12));
        assertThat(wider.standardError()).isCloseTo(Math.sqrt(forkPart + 0.005), offset(1e-12));
        assertThat(wider.degreesOfFreedom()).isEqualTo(4);
        assertThat(fewRuns.degreesOfFreedom()).isEqualTo(2);
        assertThat(wider.forkStandardError()).isCloseTo(FORKS.standardError(), offset(1e-12));
        assertThat(wider.negate().runVariance()).isEqualTo(0.0025);
    }

    @Test
    void withForksThatAgreeExactly_theDegreesAreTheRunVariancesOwn() {
        LogRatio exact = LogRatio.of(new double[] {2, 2, 2}, new double[] {3, 3, 3});

        LogRatio wider = exact.withRunVariance(0.01, 5);

        assertThat(wider.standardError()).isCloseTo(Math.sqrt(0.02), offset(1e-12));
        assertThat(wider.degreesOfFreedom()).isCloseTo(5, offset(1e-12));
    }

    @Test
    void aZeroRunVarianceAddsNothingButLimitsTheDegrees_andABadOneIsRefused() {
        LogRatio zero = FORKS.withRunVariance(0, 3);

        assertThat(zero.standardError()).isEqualTo(FORKS.standardError());
        assertThat(zero.degreesOfFreedom()).isEqualTo(3);
        assertThat(FORKS.withRunVariance(0, 7).degreesOfFreedom()).isEqualTo(4);
        assertThatThrownBy(() -> FORKS.withRunVariance(-0.1, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FORKS.withRunVariance(Double.NaN, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FORKS.withRunVariance(0.01, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FORKS.withRunVariance(0, 3).withRunVariance(0.01, 3))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FORKS.withRunVariance(0.01, 3).moderatedBy(VariancePrior.NONE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPlanWithoutAFixedVarianceIsTheOldPlan() {
        for (double sd : new double[] {0.01, 0.05, 0.2}) {
            assertThat(ForkPlanner.forksPerSide(sd, 0.05, 0.025, 0, Double.POSITIVE_INFINITY))
                    .isEqualTo(ForkPlanner.forksPerSide(sd, 0.05, 0.025));
        }
    }

    @Test
    void aRunSpreadEstimatedAsZeroStillBoundsTheDegreesOfFreedom_soAPlanNeedsMoreForks() {
        assertThat(ForkPlanner.forksPerSide(0.05, 0.05, 0.025, 0, 3))
                .isGreaterThan(ForkPlanner.forksPerSide(0.05, 0.05, 0.025));
    }

    @Test
    void noNumberOfForksClearsADistanceWithinTheFixedVariancesReach() {
        // z(0.975) + z(0.8) = 2.80: a fixed sd of 0.1 alone needs a distance of 0.28.
        assertThat(ForkPlanner.forksPerSide(0.05, 0.25, 0.025, 0.01, 100))
                .isEqualTo(ForkPlanner.MAX_FORKS);
    }

    @Test
    void aFixedVarianceWellInsideTheDistanceNeedsMoreForksThanNone() {
        int without = ForkPlanner.forksPerSide(0.1, 0.1, 0.025);
        int with = ForkPlanner.forksPerSide(0.1, 0.1, 0.025, 0.0004, 50);

        assertThat(with).isGreaterThan(without).isLessThan(ForkPlanner.MAX_FORKS);
    }
}
