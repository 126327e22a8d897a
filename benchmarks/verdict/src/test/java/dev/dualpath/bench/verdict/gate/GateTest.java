package dev.dualpath.bench.verdict.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.bench.verdict.Fixtures;
import dev.dualpath.bench.verdict.jmh.BenchmarkId;
import dev.dualpath.bench.verdict.jmh.JmhResultReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GateTest {

    private static final String IM = "dev.dualpath.bench.InMemoryOverheadBenchmark.call";

    private final JmhResultReader reader = new JmhResultReader();

    /**
     * The per-series statistic, without the family-wise correction (FamilyWiseCorrectionTest covers
     * that).
     */
    private static final GateConfig PER_SERIES =
            new GateConfig(
                    0.05,
                    List.of(),
                    GateConfig.defaults().secondaries(),
                    GateConfig.defaults().bootstrap(),
                    false);

    private final GateResult result =
            new Gate(PER_SERIES)
                    .compare(
                            reader.read(Fixtures.jmh("baseline/jmh.json")),
                            reader.read(Fixtures.jmh("current/jmh.json")));

    private GateRow row(BenchmarkId id) {
        return result.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theInjectedTwentyPercentSlowdownFails() {
        GateRow r = row(BenchmarkId.primary(IM, "avgt", Map.of("path", "LOOP_PER_CALL")));
        assertThat(r.verdict()).isEqualTo(GateVerdict.FAIL);
        assertThat(r.change()).isBetween(0.15, 0.25);
        assertThat(result.exitCode(false)).isEqualTo(1);
    }

    @Test
    void allocationRegressionOnTheSecondaryMetricFails() {
        GateRow r =
                row(
                        BenchmarkId.primary(IM, "avgt", Map.of("path", "SHARED_LOOP"))
                                .withSecondary("gc.alloc.rate.norm"));
        assertThat(r.verdict()).isEqualTo(GateVerdict.FAIL);
        assertThat(r.unit()).isEqualTo("B/op");
    }

    @Test
    void ungatedSecondaryMetricsAreLeftOut() {
        assertThat(result.rows()).noneMatch(r -> "gc.alloc.rate".equals(r.id().secondary()));
    }

    @Test
    void missingNewAndRenamedBenchmarksAreReportedNotCompared() {
        assertThat(result.missing())
                .extracting(BenchmarkId::benchmark)
                .containsExactly("dev.dualpath.bench.HelpersBenchmark.parse");
        assertThat(result.added())
                .extracting(BenchmarkId::benchmark)
                .containsExactly("dev.dualpath.bench.HelpersBenchmark.encode");
        assertThat(result.renamed())
                .singleElement()
                .satisfies(
                        rn -> {
                            assertThat(rn.from().shortBenchmark()).isEqualTo("OldName.work");
                            assertThat(rn.to().shortBenchmark()).isEqualTo("NewName.work");
                        });
        assertThat(result.exitCode(true)).isEqualTo(1);
    }

    @Test
    void everyRowShowsItsMinimumDetectableEffect() {
        assertThat(result.rows())
                .filteredOn(r -> r.ratio().isDefined() && r.direction() != null)
                .allSatisfy(r -> assertThat(r.minDetectableEffect()).isNotNegative());
    }

    @Test
    void perBenchmarkMinimumEffectOverridesTheDefault() {
        GateConfig config =
                new GateConfig(
                        0.05,
                        List.of(
                                new GateConfig.EffectOverride(
                                        Pattern.compile("LOOP_PER_CALL"), 0.5)),
                        GateConfig.defaults().secondaries(),
                        GateConfig.defaults().bootstrap());
        GateResult r =
                new Gate(config)
                        .compare(
                                reader.read(Fixtures.jmh("baseline/jmh.json")),
                                reader.read(Fixtures.jmh("current/jmh.json")));
        GateRow loop =
                r.rows().stream()
                        .filter(
                                x ->
                                        x.id().equals(
                                                        BenchmarkId.primary(
                                                                IM,
                                                                "avgt",
                                                                Map.of("path", "LOOP_PER_CALL"))))
                        .findFirst()
                        .orElseThrow();
        assertThat(loop.minEffect()).isEqualTo(0.5);
        assertThat(loop.verdict()).isNotEqualTo(GateVerdict.FAIL);
    }
}
