package dev.dualpath.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dualpath.adapter.compat.SyncStrategy;
import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.conformance.report.ConformanceReportWriter;
import dev.dualpath.conformance.result.ConformanceResult;
import dev.dualpath.conformance.result.PathResult;
import dev.dualpath.conformance.result.ScenarioResult;
import dev.dualpath.conformance.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The gate the benchmark job calls, on a few scenarios, and the reports it writes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConformanceGateTest {

    @Test
    void run_writesBothReports_andPassesEveryPath_onScenariosTheAdapterMeets(@TempDir Path dir)
            throws Exception {
        Set<String> ids = Set.of("minimal", "429-request-quota", "truncated-json-200");

        ConformanceGate.Result gate = ConformanceGate.run(dir, s -> ids.contains(s.id()));

        assertThat(gate.refusalsByPath()).isEmpty();
        assertThat(gate.result().status()).isEqualTo(ConformanceResult.Status.PASSED);
        gate.requirePassed(DualpathPlugin.pathName(TransportKind.APACHE, SyncStrategy.DIRECT));
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve(ConformanceReportWriter.JSON).toFile());
        assertThat(json.path("status").asText()).isEqualTo("PASSED");
        assertThat(json.path("scenarios")).hasSize(3);
        int paths = new DualpathPlugin().paths().size();
        assertThat(paths).as("2 transports × 10 ways").isEqualTo(20);
        assertThat(json.path("paths")).hasSize(paths);
        assertThat(json.at("/scenarios/0/paths/jdk~1invoke/verdict").asText()).isEqualTo("PASS");
        assertThat(json.at("/scenarios/0/paths/jdk~1invoke/leaks")).isEmpty();
        String md = Files.readString(dir.resolve(ConformanceReportWriter.MARKDOWN));
        assertThat(md)
                .startsWith("# Conformance: dualpath\n\n**PASSED**")
                .contains(
                        "| errors/429-request-quota |",
                        "| **✓ pass** |",
                        (3 * paths) + " ✓ pass, 0 ✗ fail");
    }

    /**
     * A failed, an excused and a stale cell each refuse their path, the refusal says which scenario
     * and why, and neither report says PASSED.
     */
    @Test
    void failedExcusedAndStaleCells_refuseTheirPath_andTheReportNeverSaysPassed(@TempDir Path dir)
            throws Exception {
        ConformanceGate.Result gate = ConformanceGate.run(dir, s -> s.id().equals("minimal"));
        ScenarioResult minimal = gate.result().scenarios().get(0);
        List<PathResult> cells =
                minimal.paths().stream()
                        .map(
                                p ->
                                        switch (p.path()) {
                                            case "jdk/SHARED_LOOP" ->
                                                    p.withMoreMismatches(List.of("content: x vs y"))
                                                            .withVerdict(Verdict.FAIL, null);
                                            case "apache/DIRECT" ->
                                                    p.withVerdict(
                                                            Verdict.DIVERGED,
                                                            "observed — the reason");
                                            case "jdk/invoke" ->
                                                    p.withVerdict(Verdict.STALE, "old — entry");
                                            default -> p;
                                        })
                        .toList();
        ConformanceResult mixed =
                new ConformanceResult(
                        "dualpath",
                        gate.result().paths(),
                        List.of(
                                new ScenarioResult(
                                        minimal.scenario(), cells, Verdict.PASS, List.of())),
                        gate.result().wall());
        ConformanceGate.Result refused =
                new ConformanceGate.Result(mixed, ConformanceReportWriter.write(mixed, dir));

        assertThatThrownBy(() -> refused.requirePassed("jdk/SHARED_LOOP"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to benchmark jdk/SHARED_LOOP: failed minimal");
        assertThatThrownBy(() -> refused.requirePassed("apache/DIRECT"))
                .hasMessageContaining("excused minimal (observed — the reason)");
        assertThatThrownBy(() -> refused.requirePassed("jdk/invoke"))
                .hasMessageContaining("stale divergence entry for minimal");
        refused.requirePassed("apache/SHARED_LOOP");
        assertThat(refused.refusalsByPath())
                .containsOnlyKeys("jdk/SHARED_LOOP", "apache/DIRECT", "jdk/invoke");
        assertThat(mixed.status()).isEqualTo(ConformanceResult.Status.FAILED);
        assertThatThrownBy(() -> refused.passed("no/such"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(dir.resolve(ConformanceReportWriter.MARKDOWN)))
                .startsWith("# Conformance: dualpath\n\n**FAILED**")
                .doesNotContain("PASSED**");
        assertThat(
                        new ObjectMapper()
                                .readTree(dir.resolve(ConformanceReportWriter.JSON).toFile())
                                .path("status")
                                .asText())
                .isEqualTo("FAILED");

        ConformanceResult onlyExcused =
                new ConformanceResult(
                        "dualpath",
                        gate.result().paths(),
                        List.of(
                                new ScenarioResult(
                                        minimal.scenario(),
                                        minimal.paths().stream()
                                                .map(
                                                        p ->
                                                                p.path().equals("apache/DIRECT")
                                                                        ? p.withVerdict(
                                                                                Verdict.DIVERGED,
                                                                                "o — r")
                                                                        : p)
                                                .toList(),
                                        Verdict.PASS,
                                        List.of())),
                        gate.result().wall());
        assertThat(onlyExcused.status()).isEqualTo(ConformanceResult.Status.DIVERGED);
        ConformanceReportWriter.write(onlyExcused, dir);
        assertThat(Files.readString(dir.resolve(ConformanceReportWriter.MARKDOWN)))
                .startsWith("# Conformance: dualpath\n\n**DIVERGED**");
    }
}
