package dev.dualpath.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ETA estimator counts the concurrency and peer benchmarks from JMH's generated list. */
class ProfileTest {

    private static Plan only(Profile profile, String include) {
        return profile.plans().stream()
                .filter(p -> p.include().equals(include))
                .findFirst()
                .orElseThrow();
    }

    private static Plan labelled(Profile profile, String label) {
        return profile.plans().stream()
                .filter(p -> p.label().equals(label))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void smoke_concurrencyBlocking_isThreePathsTimesTwoModes_onFourThreads() {
        Plan plan = only(Profile.SMOKE, Profile.CONCURRENCY_BLOCKING);
        assertThat(plan.threads()).isEqualTo(4);
        assertThat(plan.params().get("callers")).containsExactly("4");
        assertThat(JmhLauncher.estimate(List.of(plan)).benchmarks()).isEqualTo(6);
    }

    @Test
    void smoke_concurrencyAsync_isTwoMethodsTimesRawAndInvoke_andRunsOnOneThread() {
        Plan plan = only(Profile.SMOKE, Profile.CONCURRENCY_ASYNC);
        assertThat(plan.threads()).isEqualTo(1);
        assertThat(JmhLauncher.estimate(List.of(plan)).benchmarks()).isEqualTo(2 * 2);
    }

    @Test
    void smoke_peers_isEveryPeerAtZeroDelay() {
        assertThat(JmhLauncher.estimate(List.of(only(Profile.SMOKE, Profile.PEERS))).benchmarks())
                .isEqualTo(5);
    }

    @Test
    void full_blockingConcurrency_hasOnePlanPerCallerCount_withMatchingThreads() {
        List<Plan> plans =
                Profile.FULL.plans().stream()
                        .filter(p -> p.include().equals(Profile.CONCURRENCY_BLOCKING))
                        .toList();
        assertThat(plans).extracting(Plan::threads).containsExactly(1, 4, 16, 64);
        for (Plan p : plans) {
            assertThat(p.params().get("callers")).containsExactly(String.valueOf(p.threads()));
        }
        assertThat(JmhLauncher.estimate(plans).benchmarks()).isEqualTo(4 * 3 * 2);
    }

    @Test
    void full_asyncConcurrencyAndPeers_areCounted() {
        assertThat(
                        JmhLauncher.estimate(List.of(only(Profile.FULL, Profile.CONCURRENCY_ASYNC)))
                                .benchmarks())
                .isEqualTo(4 * 2 * 2);
        assertThat(JmhLauncher.estimate(List.of(only(Profile.FULL, Profile.PEERS))).benchmarks())
                .isEqualTo(5 * 2);
    }

    @Test
    void quick_measuresTheSmallBody_withTheStubOutOfProcess_andEachFloorBesideItsPath() {
        for (Plan p : Profile.QUICK.plans()) {
            if (p.params().containsKey(Profile.BODY) || p.include().equals(Profile.IN_MEMORY)) {
                assertThat(p.params().get(Profile.BODY)).containsExactly(Profile.SMALL_BODY);
            }
            if (p.include().equals(Profile.LOOPBACK)) {
                assertThat(p.params().get(Profile.STUB)).containsExactly(Profile.OUT_OF_PROCESS);
                assertThat(p.params().get(Profile.PATH))
                        .contains("RAW_BLOCKING", "DIRECT", "RAW_ASYNC", "SHARED_LOOP");
            }
        }
    }

    @Test
    void full_comparesTheStubInAndOutOfProcess_forRawAndDirect_onBothTransports() {
        List<Plan> loopback =
                Profile.FULL.plans().stream()
                        .filter(p -> p.include().equals(Profile.LOOPBACK))
                        .toList();
        assertThat(loopback)
                .anySatisfy(
                        p -> {
                            assertThat(p.params().get(Profile.STUB))
                                    .containsExactly(Profile.IN_PROCESS);
                            assertThat(p.params().get(Profile.PATH))
                                    .contains("RAW_BLOCKING", "DIRECT");
                            assertThat(p.params().get(Profile.TRANSPORT))
                                    .containsExactly("APACHE", "JDK");
                        });
        assertThat(loopback)
                .anySatisfy(
                        p -> assertThat(p.params().get(Profile.BODY)).contains(Profile.LARGE_BODY));
    }

    @Test
    void everyProfile_runsEveryBenchmarkClass() {
        for (Profile profile : List.of(Profile.SMOKE, Profile.FULL)) {
            assertThat(profile.plans())
                    .extracting(Plan::include)
                    .contains(
                            Profile.IN_MEMORY,
                            Profile.LOOPBACK,
                            Profile.HOPS,
                            Profile.PAIRED_FLOORS,
                            Profile.HELPERS,
                            Profile.CALL_PARTS,
                            Profile.CONCURRENCY_ASYNC,
                            Profile.CONCURRENCY_BLOCKING,
                            Profile.PEERS,
                            Profile.ENVIRONMENT,
                            Profile.BATCH,
                            Profile.STREAMING);
        }
    }

    @Test
    void quick_threadPerCallPaths_warmUpLongerThanTheRest_andTheEstimateCountsIt() {
        Plan wrappers = labelled(Profile.QUICK, "in-memory wrappers");
        String call = "dev.dualpath.bench.InMemoryOverheadBenchmark.call";
        for (String path : List.of("LOOP_PER_CALL", "SEED_LITERAL")) {
            assertThat(wrappers.warmupIterations(call, Map.of("path", path)))
                    .as(path)
                    .isGreaterThanOrEqualTo(8);
        }
        assertThat(wrappers.warmupIterations(call, Map.of("path", "SHARED_LOOP"))).isEqualTo(4);
        // 4 forks x (2 x (8 + 1.5 + 1.5 s) + (4 + 1.5 + 1.5 s)): in memory, no server to start.
        assertThat(JmhLauncher.estimate(List.of(wrappers)).total())
                .isEqualTo(java.time.Duration.ofSeconds(116));
        Plan inMemory = labelled(Profile.QUICK, "in-memory");
        assertThat(inMemory.forks()).isEqualTo(3);
        assertThat(inMemory.warmupIterations(call, Map.of("path", "DIRECT"))).isEqualTo(4);
        assertThat(inMemory.warmupIterations(call, Map.of("path", "RAW_BLOCKING"))).isEqualTo(2);
        Plan loopback = only(Profile.QUICK, Profile.LOOPBACK);
        String lb = "dev.dualpath.bench.LoopbackLatencyBenchmark.call";
        assertThat(loopback.warmupIterations(lb, Map.of("path", "SHARED_LOOP"))).isEqualTo(20);
        assertThat(loopback.warmupIterations(lb, Map.of("path", "DIRECT"))).isEqualTo(11);
        Plan phases = only(Profile.QUICK, Profile.PHASES_NO_WHOLE);
        assertThat(
                        phases.warmupIterations(
                                "dev.dualpath.bench.LoopPerCallPhasesBenchmark.run", Map.of()))
                .isEqualTo(9);
        assertThat(
                        phases.warmupIterations(
                                "dev.dualpath.bench.LoopPerCallPhasesBenchmark.close", Map.of()))
                .isEqualTo(9);
        assertThat(
                        phases.warmupIterations(
                                "dev.dualpath.bench.LoopPerCallPhasesBenchmark.create", Map.of()))
                .isEqualTo(2);
    }

    /**
     * The paths that hand a call to another thread, and the phases that start and stop one, run on
     * one CPU, where their forks agree to about 5 % (two CPUs: 13–17 %); the loopback forks are
     * pinned by their stub's split instead.
     */
    @Test
    void quick_inMemoryPlans_runOnOneCpu_andTheWrappersGetMoreForks() {
        for (String label : List.of("in-memory", "in-memory wrappers", "phases")) {
            assertThat(labelled(Profile.QUICK, label).oneCpu()).as(label).isTrue();
        }
        assertThat(labelled(Profile.QUICK, "in-memory wrappers").forks()).isEqualTo(4);
        assertThat(only(Profile.QUICK, Profile.LOOPBACK).oneCpu()).isFalse();
    }

    @Test
    void quick_plannedDuration_isUnderEightMinutes() {
        // The estimate is forks x (warm-up + measurement + JVM start) over JMH's generated list,
        // the figure the run prints before it starts.
        assertThat(JmhLauncher.estimate(Profile.QUICK.plans()).total())
                .isLessThan(java.time.Duration.ofMinutes(8));
    }

    @Test
    void smoke_batch_isEveryModeOnce_atBatch10Limit4() {
        assertThat(JmhLauncher.estimate(List.of(only(Profile.SMOKE, Profile.BATCH))).benchmarks())
                .isEqualTo(4);
    }

    @Test
    void full_batch_measuresBothDeliveriesAtEveryLimit_andTheSequentialModesOnce() {
        List<Plan> plans =
                Profile.FULL.plans().stream()
                        .filter(p -> p.include().equals(Profile.BATCH))
                        .toList();

        assertThat(plans).hasSize(2);
        assertThat(JmhLauncher.estimate(plans.subList(0, 1)).benchmarks()).isEqualTo(2 * 3 * 2);
        assertThat(JmhLauncher.estimate(plans.subList(1, 2)).benchmarks()).isEqualTo(2 * 2);
        assertThat(plans.get(1).params().get("limit")).containsExactly("1");
    }

    @Test
    void quick_hasNoConcurrencyOrPeers() {
        assertThat(Profile.QUICK.plans())
                .extracting(Plan::include)
                .doesNotContain(
                        Profile.CONCURRENCY_BLOCKING, Profile.CONCURRENCY_ASYNC, Profile.PEERS);
        assertThat(Profile.QUICK.plans())
                .allMatch(p -> !p.params().containsKey("callers"))
                .allMatch(p -> p.threads() == 0);
    }

    /**
     * The project's claims file lists the profiles its {@code requiresProfile} fields may name, so
     * that a misspelt one is an input error; the list must be this suite's profiles.
     */
    @Test
    void theClaimsFileListsExactlyTheseProfiles() throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode listed =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(java.nio.file.Path.of("../results/claims.json").toFile())
                        .path("profiles");

        List<String> names = new java.util.ArrayList<>();
        listed.forEach(n -> names.add(n.asText()));
        assertThat(names)
                .containsExactlyElementsOf(
                        java.util.Arrays.stream(Profile.values())
                                .map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
                                .toList());
    }
}
