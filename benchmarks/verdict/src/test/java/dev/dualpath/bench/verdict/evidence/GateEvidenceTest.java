package dev.dualpath.bench.verdict.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.gate.GateConfig;
import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhRun;
import dev.dualpath.bench.verdict.jmh.Measurement;
import dev.dualpath.bench.verdict.stats.BootstrapSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateEvidenceTest {

    private static Measurement series(
            String name, double mean, double forkNoise, int forks, long seed) {
        Random rng = new Random(seed);
        List<List<Double>> raw = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double fm = mean * (1 + forkNoise * rng.nextGaussian());
            raw.add(List.of(fm, fm * 1.001, fm * 0.999));
        }
        return new Measurement(
                BenchmarkId.primary("x." + name + ".m", "avgt", Map.of()),
                "us/op",
                1,
                forks,
                mean,
                Double.NaN,
                Map.of(),
                raw,
                List.of());
    }

    private static EvidenceSettings settings() {
        GateConfig gate =
                new GateConfig(0.05, List.of(), Set.of(), new BootstrapSettings(2000, 0.95, 42));
        return new EvidenceSettings(10, 0.10, 10, 0.8, gate);
    }

    @Test
    void lowNoiseRunsShowNoFalseAlarmAndCatchTheSlowdown() {
        List<Measurement> ms = new ArrayList<>();
        for (int i = 0; i < 5; i++) ms.add(series("B" + i, 100 + i, 0.02, 12, i));
        EvidenceResult r =
                new GateEvidence(settings())
                        .evaluate(List.of(new JmhRun(Path.of("a.json"), ms, "jvm")));
        assertThat(r.falseAlarms()).isZero();
        assertThat(r.misses()).isZero();
        assertThat(r.detection()).isGreaterThanOrEqualTo(0.8);
        assertThat(r.passed()).isTrue();
    }

    @Test
    void veryNoisyDataNeverCallsTheSlowdownSafe() {
        EvidenceResult r =
                new GateEvidence(settings())
                        .evaluate(
                                List.of(
                                        new JmhRun(
                                                Path.of("a.json"),
                                                List.of(series("N", 100, 0.4, 12, 9)),
                                                "jvm")));
        assertThat(r.misses()).isZero();
        assertThat(r.rows().get(0).slowInconclusive()).isPositive();
        assertThat(r.passed()).isFalse();
    }

    @Test
    void forksArePooledAcrossRunsAndShortSeriesAreSkipped() {
        JmhRun a =
                new JmhRun(
                        Path.of("a.json"),
                        List.of(series("P", 100, 0.02, 5, 1), series("S", 100, 0.02, 3, 2)),
                        "jvm");
        JmhRun b =
                new JmhRun(
                        Path.of("b.json"),
                        List.of(series("P", 100, 0.02, 5, 3), series("S", 100, 0.02, 3, 4)),
                        "jvm");
        EvidenceResult r = new GateEvidence(settings()).evaluate(List.of(a, b));
        assertThat(r.rows())
                .singleElement()
                .satisfies(row -> assertThat(row.forks()).isEqualTo(10));
        assertThat(r.skipped())
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("6 forks"));
    }
}
