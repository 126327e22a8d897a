package dev.dualpath.bench.verdict.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class DistributionsTest {

    @Test
    void normalCdfMatchesTables() {
        assertThat(Distributions.normalCdf(0)).isCloseTo(0.5, offset(1e-7));
        assertThat(Distributions.normalCdf(1.959964)).isCloseTo(0.975, offset(1e-6));
        assertThat(Distributions.normalCdf(-2.575829)).isCloseTo(0.005, offset(1e-6));
    }

    @Test
    void studentTQuantileMatchesTables() {
        assertThat(Distributions.studentTQuantile(0.975, 1)).isCloseTo(12.7062, offset(1e-3));
        assertThat(Distributions.studentTQuantile(0.975, 2)).isCloseTo(4.3027, offset(1e-4));
        assertThat(Distributions.studentTQuantile(0.975, 10)).isCloseTo(2.2281, offset(1e-4));
        assertThat(Distributions.studentTQuantile(0.025, 10)).isCloseTo(-2.2281, offset(1e-4));
        assertThat(Distributions.studentTQuantile(0.975, 1000)).isCloseTo(1.9623, offset(1e-3));
    }

    @Test
    void expandedTailShrinksTowardsAlphaOverTwoAsUnitsGrow() {
        double n3 = Bootstrap.expandedTail(0.95, 3);
        double n10 = Bootstrap.expandedTail(0.95, 10);
        double n1000 = Bootstrap.expandedTail(0.95, 1000);
        assertThat(n3).isLessThan(1e-6);
        assertThat(n10).isBetween(0.002, 0.01);
        assertThat(n1000).isCloseTo(0.025, offset(0.001));
    }
}
