package dev.dualpath.bench.verdict.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Gating many series at once: per-series tests at 95 % raise about one false alarm per A/A run of
 * ~30 series; the Bonferroni-corrected FAIL test does not, and still catches a large regression.
 * Synthetic data with a fixed seed, so the known answers are stable.
 */
class FamilyWiseCorrectionTest {

    private static final int SERIES = 30;
    private static final int FORKS = 3;
    private static final int RUNS = 20;

    @Test
    void aaRunsOfThirtyNoisySeries_raiseFalseAlarmsPerSeries_butNoneFamilyWise() {
        Random random = new Random(7);
        int perSeriesFails = 0;
        int familyWiseFails = 0;
        for (int run = 0; run < RUNS; run++) {
            JmhRun a = run(random, 1.0);
            JmhRun b = run(random, 1.0);
            perSeriesFails += fails(new Gate(config(false)).compare(a, b));
            familyWiseFails += fails(new Gate(config(true)).compare(a, b));
        }
        assertThat(perSeriesFails).as("false alarms without correction").isPositive();
        assertThat(familyWiseFails).as("false alarms with correction").isZero();
    }

    /**
     * With 10 forks a side (what the evidence runs use), a 20 % regression among 30 series still
     * FAILs.
     */
    @Test
    void aTwentyPercentRegressionIsStillCaughtFamilyWise_withTenForks() {
        Random random = new Random(11);
        JmhRun baseline = run(random, 1.0, -1, 1.0, 10);
        JmhRun current = run(random, 1.0, 0, 1.2, 10);

        GateResult result = new Gate(config(true)).compare(baseline, current);

        assertThat(
                        result.rows().stream()
                                .filter(r -> r.id().params().get("series").equals("0"))
                                .findFirst()
                                .orElseThrow()
                                .verdict())
                .isEqualTo(GateVerdict.FAIL);
    }

    private static GateConfig config(boolean familyWise) {
        GateConfig d = GateConfig.defaults();
        return new GateConfig(0.05, List.of(), Set.of(), d.bootstrap(), familyWise);
    }

    private static int fails(GateResult result) {
        return (int) result.rows().stream().filter(r -> r.verdict() == GateVerdict.FAIL).count();
    }

    /**
     * A run of {@link #SERIES} series of {@link #FORKS} forks, fork means ~ N(100, 8 %) times
     * {@code factor}.
     */
    private static JmhRun run(Random random, double factor) {
        return run(random, factor, -1, 1.0, FORKS);
    }

    private static JmhRun run(
            Random random, double factor, int slowSeries, double slowFactor, int forkCount) {
        List<Measurement> ms = new ArrayList<>();
        for (int s = 0; s < SERIES; s++) {
            double f = factor * (s == slowSeries ? slowFactor : 1.0);
            List<List<Double>> forks = new ArrayList<>();
            for (int k = 0; k < forkCount; k++) {
                double forkMean = 100 * f * (1 + 0.08 * random.nextGaussian());
                forks.add(List.of(forkMean, forkMean, forkMean));
            }
            BenchmarkId id =
                    BenchmarkId.primary(
                            "x.Bench.call", "avgt", Map.of("series", Integer.toString(s)));
            ms.add(
                    new Measurement(
                            id,
                            "us/op",
                            1,
                            forkCount,
                            100 * f,
                            Double.NaN,
                            Map.of(),
                            forks,
                            List.of()));
        }
        return new JmhRun(Path.of("synthetic.json"), ms, "synthetic");
    }
}
