package dev.dualpath.bench.verdict.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private final Bootstrap bootstrap = new Bootstrap(BootstrapSettings.DEFAULT);

    @Test
    void identicalSamplesGiveARatioIntervalContainingOne() {
        double[] a = {10.0, 10.4, 9.7, 10.1, 9.9};
        ConfidenceInterval ci = bootstrap.ratioOfMeans(a, a.clone());
        assertThat(ci.point()).isEqualTo(1.0);
        assertThat(ci.contains(1.0)).isTrue();
    }

    @Test
    void aRatioIntervalOfPositiveData_staysAboveZero_atThreeForks() {
        // Three forks each, spread as loopback p50s spread on a loaded machine.
        double[] sharedLoop = {213, 505, 170};
        double[] rawAsync = {158, 120, 197};

        ConfidenceInterval ci = bootstrap.ratioOfMeans(sharedLoop, rawAsync);

        assertThat(ci.isDefined()).isTrue();
        assertThat(ci.lower()).isPositive();
        assertThat(ci.contains(ci.point())).isTrue();
    }

    @Test
    void sameSeedSameInterval() {
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] b = {2, 3, 4, 5, 6, 7};
        assertThat(bootstrap.differenceOfMeans(a, b)).isEqualTo(bootstrap.differenceOfMeans(a, b));
    }

    @Test
    void meanIntervalCoversTheTrueMeanAtRoughlyTheNominalRate() {
        Random rng = new Random(1);
        Bootstrap fast = new Bootstrap(new BootstrapSettings(2000, 0.95, 3));
        int covered = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            double[] x = new double[10];
            for (int i = 0; i < x.length; i++) x[i] = 100 + 10 * rng.nextGaussian();
            if (fast.mean(x).contains(100)) covered++;
        }
        // Nominal 95 %; the small-sample widening makes it conservative, never much below.
        assertThat(covered / (double) trials).isBetween(0.90, 1.0);
    }

    @Test
    void intervalOfADifferenceIsCentredOnTheDifferenceOfMeans() {
        double[] a = {5.0, 5.2, 4.8, 5.1, 4.9, 5.0};
        double[] b = {2.0, 2.1, 1.9, 2.0, 2.05, 1.95};
        ConfidenceInterval ci = bootstrap.differenceOfMeans(a, b);
        assertThat(ci.point()).isCloseTo(3.0, offset(1e-9));
        assertThat(ci.lower()).isBetween(2.7, 3.0);
        assertThat(ci.upper()).isBetween(3.0, 3.3);
    }

    @Test
    void fewerThanTwoUnitsGiveAnUndefinedIntervalWithAReason() {
        ConfidenceInterval ci =
                bootstrap.interval(
                        List.of(new double[] {1.0}, new double[] {1.0, 2.0}), m -> m[0] / m[1]);
        assertThat(ci.isDefined()).isFalse();
        assertThat(ci.note()).contains("at least 2 units");
    }

    @Test
    void pairedRounds_cancelWhatARoundShares_independentResamplingDoesNot() {
        // Each round's machine state moves both paths alike (2.4 to 4.0 µs), the path adds 0.3 µs.
        double[] round = {2.4, 3.9, 2.6, 4.0, 2.5, 3.1};
        double[] raw = round.clone();
        double[] direct = new double[round.length];
        for (int i = 0; i < round.length; i++) direct[i] = round[i] + 0.3 + 0.01 * (i % 2);

        ConfidenceInterval paired = bootstrap.differenceOfMeans(direct, raw, true);
        ConfidenceInterval independent = bootstrap.differenceOfMeans(direct, raw);

        assertThat(paired.point()).isEqualTo(independent.point());
        assertThat(paired.lower()).isGreaterThan(0.28);
        assertThat(paired.upper()).isLessThan(0.33);
        assertThat(independent.lower()).isNegative();
    }

    @Test
    void pairedIntervals_withoutADifference_coverZeroAtRoughlyTheNominalRate() {
        Random rng = new Random(7);
        Bootstrap fast = new Bootstrap(new BootstrapSettings(2000, 0.95, 3));
        int covered = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            double[] a = new double[6];
            double[] b = new double[6];
            for (int i = 0; i < a.length; i++) {
                double shared = 3 + rng.nextGaussian();
                a[i] = shared + 0.2 * rng.nextGaussian();
                b[i] = shared + 0.2 * rng.nextGaussian();
            }
            if (fast.ratioOfMeans(a, b, true).contains(1.0)) covered++;
        }
        assertThat(covered / (double) trials).isBetween(0.90, 1.0);
    }

    @Test
    void pairedGroupsOfDifferentSizes_areRefused() {
        assertThatThrownBy(
                        () ->
                                bootstrap.differenceOfMeans(
                                        new double[] {1, 2, 3}, new double[] {1, 2}, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one unit per round");
    }
}
