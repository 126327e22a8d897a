package dev.dualpath.conformance.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.conformance.fake.AttemptScript;
import dev.dualpath.conformance.fake.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ScenarioCatalogTest {

    private static final Path SOURCE = Paths.get("src/main/resources");

    private static ScenarioCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = ScenarioCatalog.load();
    }

    @Test
    void load_findsAtLeast48Scenarios() {
        assertThat(catalog.size()).isGreaterThanOrEqualTo(48);
    }

    @Test
    void index_listsExactlyTheFilesOfTheScenarioFolder() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(SOURCE.resolve("scenarios"))) {
            onDisk =
                    files.filter(p -> p.toString().endsWith(".json"))
                            .map(p -> SOURCE.relativize(p).toString().replace('\\', '/'))
                            .sorted()
                            .toList();
        }
        String index =
                new String(
                        Objects.requireNonNull(
                                        getClass()
                                                .getClassLoader()
                                                .getResourceAsStream(ScenarioCatalog.INDEX))
                                .readAllBytes(),
                        StandardCharsets.UTF_8);

        assertThat(index.lines().map(String::strip).filter(l -> !l.isEmpty()).sorted())
                .containsExactlyElementsOf(onDisk);
        assertThat(catalog.size()).isEqualTo(onDisk.size());
    }

    @Test
    void everyScenario_livesInTheFileNamedAfterItsIdInItsGroupFolder() {
        assertThat(catalog.all())
                .allSatisfy(
                        s ->
                                assertThat(
                                                SOURCE.resolve(
                                                        "scenarios/"
                                                                + s.group()
                                                                + "/"
                                                                + s.id()
                                                                + ".json"))
                                        .exists());
        assertThat(catalog.all().stream().map(Scenario::id).distinct().count())
                .isEqualTo(catalog.size());
    }

    /**
     * Groups are the folders: a new folder with one scenario file is a new group, with no list to
     * update. The catalogue's groups are exactly the folders that hold a scenario, and the kinds of
     * behaviour the catalogue was built around are all still there (a floor, not the whole list).
     */
    @Test
    void groups_areTheFolders_andCoverEveryKindOfBehaviour() throws IOException {
        Set<String> folders;
        try (Stream<Path> files = Files.walk(SOURCE.resolve("scenarios"))) {
            folders =
                    files.filter(p -> p.toString().endsWith(".json"))
                            .map(p -> p.getParent().getFileName().toString())
                            .collect(Collectors.toSet());
        }

        assertThat(catalog.groups()).containsExactlyInAnyOrderElementsOf(folders);
        assertThat(catalog.groups())
                .contains(
                        "success",
                        "errors",
                        "malformed",
                        "faults",
                        "timeouts",
                        "retries",
                        "cancellation",
                        "concurrency",
                        "batch",
                        "streaming");
    }

    @Test
    void streamingScenarios_areAtLeastTwelve_allStreamed_andCoverTheListedCases() {
        List<Scenario> streams = catalog.group("streaming");

        assertThat(streams).hasSizeGreaterThanOrEqualTo(12);
        assertThat(streams).allMatch(s -> s.streamed() && s.requires(Capability.STREAMING));
        assertThat(streams)
                .extracting(Scenario::id)
                .contains(
                        "stream-one-byte-per-chunk",
                        "stream-multibyte-split",
                        "stream-comments-crlf",
                        "stream-error-after-three-deltas",
                        "stream-usage-only-last-chunk",
                        "stream-without-done",
                        "stream-stall-after-first-event",
                        "stream-reset-mid-stream",
                        "stream-cancel-mid-stream",
                        "stream-429-before-stream-retried");
    }

    @Test
    void batchScenarios_coverMixedOutcomes_rateLimits_cancellation_andTheDeadline() {
        List<Scenario> batches = catalog.group("batch");

        assertThat(batches).allMatch(s -> s.batch() != null && s.requires(Capability.BATCH));
        assertThat(batches)
                .extracting(s -> s.expect().batch() == null ? null : s.expect().batch().end())
                .contains(
                        dev.dualpath.adapter.batch.BatchEnd.COMPLETED,
                        dev.dualpath.adapter.batch.BatchEnd.CANCELLED,
                        dev.dualpath.adapter.batch.BatchEnd.DEADLINE_EXCEEDED);
        assertThat(batches)
                .filteredOn(s -> s.action() != null)
                .extracting(s -> s.action().kind())
                .containsExactlyInAnyOrder(Action.Kind.CANCEL, Action.Kind.INTERRUPT);
        assertThat(batches)
                .anyMatch(s -> s.requires(Capability.RETRIES))
                .anyMatch(s -> s.run().calls() == 100 && s.batch().limit() == 16);
    }

    @Test
    void errorScenarios_coverEveryStatusOfTheProviderContract() {
        Set<Integer> statuses =
                catalog.group("errors").stream()
                        .map(s -> s.server().attempts().get(0).status())
                        .collect(Collectors.toSet());

        assertThat(statuses)
                .contains(400, 401, 402, 403, 404, 408, 409, 418, 422, 429, 500, 502, 503, 504);
    }

    @Test
    void scenarios_useEveryFault() {
        Set<Fault> used =
                catalog.all().stream()
                        .filter(s -> s.server() != null)
                        .flatMap(s -> s.server().attempts().stream())
                        .map(AttemptScript::fault)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet());

        assertThat(used).containsExactlyInAnyOrder(Fault.values());
    }

    @Test
    void actions_coverCancelAndInterruptAtEveryTrigger() {
        Set<String> pairs =
                catalog.all().stream()
                        .filter(s -> s.action() != null)
                        .map(s -> s.action().kind() + "@" + s.action().from())
                        .collect(Collectors.toSet());

        assertThat(pairs)
                .contains(
                        "CANCEL@SERVER_RECEIVED",
                        "CANCEL@BODY_STALLED",
                        "CANCEL@BACKOFF_STARTED",
                        "INTERRUPT@SERVER_RECEIVED",
                        "INTERRUPT@BODY_STALLED",
                        "INTERRUPT@BACKOFF_STARTED");
    }

    @Test
    void mix_membersResolveAndCoverSuccessesAndErrors() {
        Scenario mix = catalog.get("parallel-100-mixed");

        List<Scenario> members = catalog.mixMembers(mix);

        assertThat(members).hasSize(mix.run().mix().size());
        assertThat(members)
                .anyMatch(m -> m.expect().response() != null)
                .anyMatch(m -> m.expect().error() != null);
        assertThat(mix.run().calls()).isEqualTo(100);
        assertThat(mix.run().parallel()).isTrue();
    }

    @Test
    void everyScenario_buildsItsRequestAndClientConfig() {
        assertThat(catalog.all())
                .allSatisfy(
                        s -> {
                            assertThat(s.chatRequest().messages()).isNotEmpty();
                            assertThat(s.client().transportConfig(8).readTimeout())
                                    .isEqualTo(s.client().readTimeout());
                        });
    }

    @Test
    void capabilities_areSpelledAsInTheFiles() {
        assertThat(Arrays.stream(Capability.values()).map(Capability::wireName))
                .allSatisfy(name -> assertThat(Capability.fromWireName(name)).isPresent());
        assertThat(Capability.fromWireName("teleport")).isEmpty();
    }
}
