package dev.dualpath.bench.verdict.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.stats.Bootstrap;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import dev.dualpath.bench.verdict.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A claim on forks of which some were measured on a disturbed machine: decided only when the
 * verdict holds for every time each disturbed fork could have had without the disturbance (0 to its
 * measured time), and the corners of those bounds do bound every such value.
 */
class DisturbanceBoundsTest {

    private static final Bootstrap BOOTSTRAP = new Bootstrap(BootstrapSettings.DEFAULT);
    private final DisturbanceBounds bounds = new DisturbanceBounds(BOOTSTRAP);

    private static final Map<String, Integer> ONE = Map.of("t", 0);

    private DisturbanceBounds.Judgement judge(
            String expression,
            List<double[]> groups,
            Map<String, Integer> index,
            List<Set<Integer>> disturbed,
            double low,
            double high) {
        DisturbanceBounds.Form form =
                DisturbanceBounds.Form.of(Expression.parse(expression)).orElseThrow();
        return bounds.judge(form, groups, index, disturbed, false, index.keySet(), low, high)
                .orElseThrow();
    }

    @Test
    void aTimeWellBelowTheRange_failsWhateverItsDisturbedForkCost() {
        // The per-call loop's run phase as one run measured it, in ms: a fifth of the write-up's
        // 0.5 ms, one fork of three beside CPU steal.
        List<double[]> run = List.of(new double[] {0.098, 0.117, 0.137});

        DisturbanceBounds.Judgement j = judge("t", run, ONE, List.of(Set.of(2)), 0.25, 0.75);

        assertThat(j.status()).isEqualTo(ClaimStatus.FAILS);
        assertThat(j.note())
                .startsWith(
                        "judged with 1 disturbed fork taken anywhere from 0 to its measured time")
                .contains("against 0.2500 to 0.7500");
    }

    @Test
    void aTimeAboveTheRange_staysUnjudged_forTheDisturbanceMayBeWhy() {
        List<double[]> run = List.of(new double[] {0.098, 0.117, 0.137});

        DisturbanceBounds.Judgement j = judge("t", run, ONE, List.of(Set.of(2)), 0.01, 0.05);

        assertThat(j.status()).isEqualTo(ClaimStatus.INCONCLUSIVE);
        assertThat(j.note()).contains("either verdict remains possible");
    }

    @Test
    void anUpperBoundOnATime_holdsOverEveryDisturbedValue() {
        List<double[]> run = List.of(new double[] {0.098, 0.117, 0.137});

        DisturbanceBounds.Judgement j =
                judge("t", run, ONE, List.of(Set.of(0, 2)), Double.NEGATIVE_INFINITY, 1.0);

        assertThat(j.status()).isEqualTo(ClaimStatus.HOLDS);
        assertThat(j.note()).contains("2 disturbed forks");
    }

    @Test
    void aDifferenceWhoseSubtrahendWasDisturbed_cannotBeShownSmall() {
        // wrapper - raw <= 0.05: a disturbed raw fork may have hidden a larger difference.
        List<double[]> groups =
                List.of(new double[] {1.00, 1.02, 0.98}, new double[] {0.99, 1.0, 1.01});
        Map<String, Integer> index = Map.of("w", 0, "r", 1);

        DisturbanceBounds.Judgement j =
                judge(
                        "w - r",
                        groups,
                        index,
                        List.of(Set.of(), Set.of(1)),
                        Double.NEGATIVE_INFINITY,
                        0.05);

        assertThat(j.status()).isEqualTo(ClaimStatus.INCONCLUSIVE);
    }

    @Test
    void aShareOfASumOfTimes_isDecidedOnItsLinearForm() {
        // create / (create + run): create about 1 % of the whole, claimed 35-55 %; one run fork
        // of five disturbed. The sum of times is positive whatever the fork cost. (With three
        // forks, one of them at 0 leaves the small-sample interval too wide to decide.)
        List<double[]> groups =
                List.of(
                        new double[] {0.0015, 0.0016, 0.0014, 0.0015, 0.0016},
                        new double[] {0.117, 0.118, 0.119, 0.118, 0.117});
        Map<String, Integer> index = Map.of("c", 0, "r", 1);

        DisturbanceBounds.Judgement j =
                judge("c / (c + r)", groups, index, List.of(Set.of(), Set.of(0)), 0.35, 0.55);

        assertThat(j.status()).isEqualTo(ClaimStatus.FAILS);
        assertThat(j.note()).contains("numerator − 0.3500 × denominator in [");
    }

    @Test
    void aRatioWhoseDenominatorMayReachZero_staysUnjudged() {
        // (w - r) / (s - r) >= 90: s disturbed, so s - r may have been 0 or below.
        List<double[]> groups =
                List.of(
                        new double[] {0.13, 0.12, 0.14},
                        new double[] {0.003, 0.0028, 0.0031},
                        new double[] {0.000001, 0.000001, 0.000001});
        Map<String, Integer> index = Map.of("w", 0, "s", 1, "r", 2);

        DisturbanceBounds.Judgement j =
                judge(
                        "(w - r) / (s - r)",
                        groups,
                        index,
                        List.of(Set.of(), Set.of(1), Set.of()),
                        90,
                        Double.POSITIVE_INFINITY);

        assertThat(j.status()).isEqualTo(ClaimStatus.INCONCLUSIVE);
        assertThat(j.note()).contains("the ratio's denominator could reach 0");
    }

    @Test
    void moreDisturbedForksThanCanBeBounded_stayUnjudged() {
        double[] many = new double[DisturbanceBounds.MAX_FORKS + 1];
        java.util.Arrays.fill(many, 0.1);
        Set<Integer> all = new java.util.HashSet<>();
        for (int i = 0; i < many.length; i++) all.add(i);

        DisturbanceBounds.Judgement j = judge("t", List.of(many), ONE, List.of(all), 0.25, 0.75);

        assertThat(j.status()).isEqualTo(ClaimStatus.INCONCLUSIVE);
        assertThat(j.note()).contains("too many to bound");
    }

    @Test
    void theCornersBoundTheIntervalAtEveryValueInsideTheBounds() {
        // The argument for judging on the corners alone: for a linear statistic, no value of the
        // disturbed forks between 0 and their measured time gives an interval reaching further.
        Random random = new Random(7);
        Map<String, Integer> index = Map.of("a", 0, "b", 1);
        Linear statistic = Expression.parse("a - 2 * b").linear().orElseThrow();
        for (int trial = 0; trial < 40; trial++) {
            boolean paired = trial % 2 == 0;
            int roundCount = 3 + random.nextInt(3);
            List<double[]> groups = new ArrayList<>();
            for (int g = 0; g < 2; g++) {
                double[] units = new double[paired ? roundCount : 3 + random.nextInt(3)];
                for (int i = 0; i < units.length; i++) units[i] = 1 + random.nextDouble();
                groups.add(units);
            }
            List<Set<Integer>> disturbed = List.of(Set.of(0), Set.of(1, 2));
            ConfidenceInterval corners =
                    bounds.overCorners(statistic, groups, index, disturbed, paired);
            for (int inside = 0; inside < 5; inside++) {
                List<double[]> values = new ArrayList<>();
                for (double[] g : groups) values.add(g.clone());
                for (int g = 0; g < 2; g++) {
                    for (int unit : disturbed.get(g)) values.get(g)[unit] *= random.nextDouble();
                }
                ConfidenceInterval ci = BOOTSTRAP.interval(values, statistic.bind(index), paired);
                assertThat(ci.lower()).isGreaterThanOrEqualTo(corners.lower() - 1e-12);
                assertThat(ci.upper()).isLessThanOrEqualTo(corners.upper() + 1e-12);
            }
        }
    }

    @Test
    void aDisturbedQuantityThatIsNotATime_isNotBounded() {
        DisturbanceBounds.Form form =
                DisturbanceBounds.Form.of(Expression.parse("t")).orElseThrow();
        List<double[]> bytes = List.of(new double[] {4300, 4350, 4400});

        assertThat(bounds.judge(form, bytes, ONE, List.of(Set.of(0)), false, Set.of(), 0, 1000))
                .isEmpty();
    }
}
