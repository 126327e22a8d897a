package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A path that failed conformance is never benchmarked; the others still are. */
class ConformanceStepTest {

    private static Plan plan(String include, Map<String, List<String>> params) {
        return Plan.of(include)
                .label("t")
                .params(params)
                .forks(1)
                .warmup(1, Duration.ofMillis(100))
                .measurement(1, Duration.ofMillis(100))
                .build();
    }

    @Test
    void refused_mapsConformancePathsToBenchmarkPaths() {
        assertThat(
                        ConformanceStep.refused(
                                Set.of("apache/LOOP_PER_CALL", "jdk/invokeSync", "jdk/invoke")))
                .containsExactlyInAnyOrder("LOOP_PER_CALL", "DIRECT", "SHARED_LOOP");
    }

    @Test
    void refused_mapsTheBatchPathsToTheBatchModes() {
        assertThat(ConformanceStep.refused(Set.of("jdk/invokeBatchSync", "apache/invokeBatch")))
                .containsExactlyInAnyOrder("BATCH_SYNC", "BATCH_ASYNC");
    }

    @Test
    void without_filtersTheBatchBenchmarksModes_likePaths() {
        Plan p = plan(Profile.BATCH, Map.of("batchSize", List.of("10")));

        List<Plan> kept = ConformanceStep.without(List.of(p), Set.of("BATCH_ASYNC", "DIRECT"));

        assertThat(kept)
                .singleElement()
                .satisfies(
                        k ->
                                assertThat(k.params().get("mode"))
                                        .containsExactly("BATCH_SYNC", "LOOP_PER_CALL"));
    }

    @Test
    void without_removesARefusedPath_fromAnExplicitList() {
        Plan p =
                plan(
                        Profile.LOOPBACK,
                        Map.of(
                                "path",
                                List.of("RAW_BLOCKING", "DIRECT", "LOOP_PER_CALL"),
                                "delayMs",
                                List.of("0")));

        List<Plan> kept = ConformanceStep.without(List.of(p), Set.of("DIRECT"));

        assertThat(kept)
                .singleElement()
                .satisfies(
                        k -> {
                            assertThat(k.params().get("path"))
                                    .containsExactly("RAW_BLOCKING", "LOOP_PER_CALL");
                            assertThat(k.params().get("delayMs")).containsExactly("0");
                        });
    }

    @Test
    void without_expandsTheDeclaredValues_whenThePlanListsNone() {
        Plan p = plan(Profile.IN_MEMORY, Map.of());

        List<String> paths =
                ConformanceStep.without(List.of(p), Set.of("SEED_LITERAL"))
                        .get(0)
                        .params()
                        .get("path");

        assertThat(paths)
                .contains("RAW_BLOCKING", "DIRECT", "LOOP_PER_CALL")
                .doesNotContain("SEED_LITERAL");
    }

    @Test
    void without_dropsAPlanLeftWithNoPath() {
        Plan p = plan(Profile.LOOPBACK, Map.of("path", List.of("DIRECT")));

        assertThat(ConformanceStep.without(List.of(p), Set.of("DIRECT"))).isEmpty();
    }

    @Test
    void without_changesNothing_whenNothingIsRefused() {
        List<Plan> plans = List.of(plan(Profile.IN_MEMORY, Map.of()));

        assertThat(ConformanceStep.without(plans, Set.of())).isSameAs(plans);
    }
}
