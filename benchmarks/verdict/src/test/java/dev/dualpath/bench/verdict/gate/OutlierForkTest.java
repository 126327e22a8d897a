package dev.dualpath.bench.verdict.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The story behind the median: {@code prove-gate}'s first real run (2026-11-28, 2-core VM, JDK 17)
 * injected +10 % of DIRECT's time into the in-memory exchange. Eight of ten forks moved from ~2.65
 * to ~3.05 µs, but two forks on each side sat far above the rest, and the interval of the ratio of
 * means came out [−4.8 %, +27.8 %]. The fork means below are that run's, unchanged.
 *
 * <p>A bootstrap of the ratio of means could not see through the odd forks. On the log scale, where
 * an outlier fork at 1.5x weighs what it is (a factor, not an additive 1.3 µs), the same forks show
 * the slowdown: +11 %, significant, FAIL. The same forks shuffled between the two sides (an A/A)
 * raise no alarm.
 */
class OutlierForkTest {

    private static final double[] AA = {3.98, 3.51, 2.5, 2.59, 2.66, 2.67, 2.64, 2.73, 2.7, 2.61};
    private static final double[] SLOW = {
        3.0, 3.03, 3.06, 3.11, 3.01, 3.12, 2.84, 2.91, 4.02, 3.73
    };

    @Test
    void aRealSlowdownBesideOutlierForks_isNeverAPass_andSaysHowManyForksWouldDecide() {
        GateRow row = new Gate(GateConfig.defaults()).compare(run(AA), run(SLOW)).rows().get(0);

        assertThat(row.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
        assertThat(row.change()).isBetween(0.08, 0.14);
        assertThat(row.forksToDecide()).isBetween(11, 40);
        assertThat(row.note()).contains("forks per side would decide it");
    }

    @Test
    void theSameForksInAnotherOrder_areNoAlarm() {
        double[] shuffled = {2.61, 2.7, 3.98, 2.73, 2.64, 3.51, 2.67, 2.66, 2.59, 2.5};
        GateRow row = new Gate(GateConfig.defaults()).compare(run(AA), run(shuffled)).rows().get(0);
        assertThat(row.verdict()).isNotEqualTo(GateVerdict.FAIL);
    }

    private static JmhRun run(double[] forkMeans) {
        List<List<Double>> forks =
                Arrays.stream(forkMeans).mapToObj(m -> List.of(m, m, m)).toList();
        BenchmarkId id =
                BenchmarkId.primary(
                        "dev.dualpath.bench.InMemoryOverheadBenchmark.call",
                        "avgt",
                        Map.of("path", "DIRECT"));
        double mean = Arrays.stream(forkMeans).average().orElseThrow();
        return new JmhRun(
                Path.of("prove-gate.json"),
                List.of(
                        new Measurement(
                                id,
                                "us/op",
                                1,
                                forkMeans.length,
                                mean,
                                Double.NaN,
                                Map.of(),
                                forks,
                                List.of())),
                "synthetic");
    }
}
