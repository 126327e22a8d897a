package dev.dualpath.bench.openloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dualpath.adapter.transport.TransportKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's JSON and Markdown, sealed by golden files (regenerate with {@code
 * -Dgolden.update=true} after an intended change, then review the diff). Runs under a German
 * default locale to prove numbers do not pick up a decimal comma.
 */
class OpenLoopReportTest {

    private static final OpenLoopSettings SETTINGS =
            new OpenLoopSettings(TransportKind.APACHE, 10, 200, 5_000, 10_000, 16);
    private static final JvmInfo JVM =
            new JvmInfo(
                    "OpenJDK 64-Bit Server VM (Eclipse Adoptium)", "17.0.13", 2, "Linux 6.1 amd64");

    @TempDir Path dir;
    private Locale saved;

    @BeforeEach
    void germanLocale() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    static OpenLoopReport sample() {
        StrategyResult ok =
                new StrategyResult(
                        "RAW_BLOCKING",
                        StrategyResult.Status.OK,
                        null,
                        SETTINGS,
                        2000,
                        2000,
                        0,
                        0,
                        0,
                        0,
                        Map.of(),
                        4,
                        JVM,
                        new Percentiles(10_412.3, 10_690.0, 11_203.5, 12_001.1, 13_500.0, 10_450.2),
                        new Percentiles(10_420.1, 10_702.0, 11_400.0, 14_999.9, 16_000.0, 10_470.9),
                        "hgrm/RAW_BLOCKING-raw.hgrm",
                        "hgrm/RAW_BLOCKING-corrected.hgrm");
        StrategyResult errors =
                new StrategyResult(
                        "LOOP_PER_CALL",
                        StrategyResult.Status.ERRORS,
                        null,
                        SETTINGS,
                        2000,
                        1985,
                        3,
                        12,
                        0,
                        1,
                        Map.of("IOException", 4L, LatencyRecorder.NOT_STARTED, 12L),
                        16,
                        JVM,
                        new Percentiles(9.4, 12_000.0, 13_000.0, 20_000.0, 30_000.0, 11_000.0),
                        new Percentiles(9.6, 12_500.0, 40_000.0, 900_000.0, 1_200_000.0, 15_000.0),
                        "hgrm/LOOP_PER_CALL-raw.hgrm",
                        "hgrm/LOOP_PER_CALL-corrected.hgrm");
        StrategyResult failed =
                StrategyResult.failed(
                        "SEED_LITERAL",
                        SETTINGS,
                        "setup check failed: path SEED_LITERAL returned null",
                        JVM);
        return new OpenLoopReport(
                new JvmInfo("host JVM", "21", 4, "host OS"), SETTINGS, List.of(ok, errors, failed));
    }

    @Test
    void markdownMatchesTheGoldenFile() throws IOException {
        assertGolden("openloop.md", sample().markdown());
    }

    @Test
    void jsonMatchesTheGoldenFile() throws IOException {
        assertGolden("openloop.json", sample().json());
    }

    @Test
    void aStrategyResultSurvivesTheTripFromForkToLauncher() throws IOException {
        Path file = dir.resolve("result.json");
        for (StrategyResult r : sample().results()) {
            OpenLoopJson.writeResult(r, file);
            assertThat(OpenLoopJson.readResult(file)).isEqualTo(r);
        }
    }

    @Test
    void jsonCarriesPerStrategyRateDurationCountsAndPercentiles() throws IOException {
        JsonNode doc = OpenLoopJson.MAPPER.readTree(sample().json());
        JsonNode first = doc.get("strategies").get(0);
        assertThat(first.at("/settings/ratePerSecond").asInt()).isEqualTo(200);
        assertThat(first.at("/settings/durationMs").asLong()).isEqualTo(10_000);
        assertThat(first.get("count").asLong()).isEqualTo(2000);
        assertThat(first.at("/raw/p999Us").asDouble()).isEqualTo(12_001.1);
        assertThat(first.at("/corrected/p999Us").asDouble()).isEqualTo(14_999.9);
        assertThat(doc.get("unit").asText()).isEqualTo("us");
    }

    @Test
    void statusesDecideTheOutcome() {
        OpenLoopReport report = sample();
        assertThat(report.anyFailed()).isTrue();
        assertThat(report.allOk()).isFalse();
        assertThat(new OpenLoopReport(JVM, SETTINGS, report.results().subList(0, 1)).allOk())
                .isTrue();
    }

    @Test
    void theProgressLineShowsCountsAndP99RawAndCorrected() {
        assertThat(OpenLoop.line(sample().results().get(1)))
                .isEqualTo(
                        "open-loop LOOP_PER_CALL: ERRORS, 1985/2000 calls, 15 errors, p99 raw 13000"
                                + " µs / corrected 40000 µs");
        assertThat(OpenLoop.line(sample().results().get(2)))
                .isEqualTo(
                        "open-loop SEED_LITERAL: FAILED: setup check failed: path SEED_LITERAL"
                                + " returned null");
    }

    private static void assertGolden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of("src", "test", "resources", "golden", "openloop", name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in =
                OpenLoopReportTest.class.getResourceAsStream("/golden/openloop/" + name)) {
            assertThat(in)
                    .as("golden file %s missing; generate it with -Dgolden.update=true", name)
                    .isNotNull();
            assertThat(actual)
                    .as(
                            "differs from golden/openloop/%s (regenerate with -Dgolden.update=true"
                                    + " if intended)",
                            name)
                    .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
