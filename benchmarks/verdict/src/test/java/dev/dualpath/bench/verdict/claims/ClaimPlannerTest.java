package dev.dualpath.bench.verdict.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimPlannerTest {

    private static ConfidenceInterval ci(double point, double lower, double upper, int units) {
        return new ConfidenceInterval(point, lower, upper, 0.95, units, "");
    }

    @Test
    void anIntervalTwiceTooWide_needsAboutFourTimesTheUnits_lessAsTheTQuantileShrinks() {
        // 3 forks, point 10, bound at 8, half-width 4: twice the distance to the bound.
        int n =
                ClaimPlanner.unitsToDecide(ci(10, 6, 14, 3), 8, Double.POSITIVE_INFINITY)
                        .orElseThrow();

        // Half-width scales as t(n-1)·sqrt(n/(n-1))/sqrt(n) = t(n-1)/sqrt(n-1): 4.303/1.414 = 3.04
        // at n = 3; it must fall to half of that, 1.52: n = 4 gives 3.182/1.732 = 1.84, n = 5 gives
        // 2.776/2 = 1.39. Not 3·2² = 12, as a plan that ignores the t quantile would say.
        assertThat(n).isEqualTo(5);
    }

    @Test
    void aPointOutsideTheRange_isPlannedOnTheSideFacingIt() {
        // Claim: at most 1. Point 2, interval [0.5, 3]: the lower side must clear 1.
        int n =
                ClaimPlanner.unitsToDecide(ci(2, 0.5, 3, 10), Double.NEGATIVE_INFINITY, 1)
                        .orElseThrow();
        // 1.5 times too wide at 10 units: t(9)/3 = 0.754 must fall to 0.503; t(19)/sqrt(19) =
        // 0.480.
        assertThat(n).isEqualTo(19);
    }

    @Test
    void aPointOnTheBound_orADecidedInterval_orAnUndefinedOne() {
        assertThat(ClaimPlanner.unitsToDecide(ci(8, 6, 10, 3), 8, Double.POSITIVE_INFINITY))
                .hasValue(ClaimPlanner.MAX_UNITS);
        assertThat(ClaimPlanner.unitsToDecide(ci(10, 9, 11, 3), 8, Double.POSITIVE_INFINITY))
                .isEmpty();
        assertThat(
                        ClaimPlanner.unitsToDecide(
                                ConfidenceInterval.undefined(10, 0.95, 1, "one fork"),
                                8,
                                Double.POSITIVE_INFINITY))
                .isEmpty();
    }

    @Test
    void theSentenceNamesForksAndTheRunOptionWhenPaired() {
        List<ClaimResult.Input> forks = List.of(new ClaimResult.Input("w", "s", 1, 3, "forks"));
        assertThat(ClaimPlanner.describe(9, forks, true))
                .isEqualTo(
                        "about 9 forks per series (interleaved rounds: run --forks 9) would decide"
                                + " it");
        assertThat(ClaimPlanner.describe(9, forks, false))
                .isEqualTo("about 9 forks per series would decide it");
        List<ClaimResult.Input> batches = List.of(new ClaimResult.Input("w", "s", 1, 3, "batches"));
        assertThat(ClaimPlanner.describe(9, batches, false)).contains("9 units per series");
        assertThat(ClaimPlanner.describe(ClaimPlanner.MAX_UNITS, forks, false))
                .startsWith("no practical number");
    }
}
