package dev.dualpath.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dualpath.adapter.compat.SyncStrategy;
import dev.dualpath.adapter.transport.TransportKind;
import dev.dualpath.conformance.report.ConformanceReportWriter;
import dev.dualpath.conformance.result.ConformanceResult;
import dev.dualpath.conformance.result.ScenarioResult;
import dev.dualpath.conformance.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
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

        assertThat(gate.failuresByPath()).isEmpty();
        gate.requirePassed(DualpathPlugin.pathName(TransportKind.APACHE, SyncStrategy.DIRECT));
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve(ConformanceReportWriter.JSON).toFile());
        assertThat(json.path("scenarios")).hasSize(3);
        int paths = new DualpathPlugin().paths().size();
        assertThat(paths).as("2 transports × 9 ways").isEqualTo(18);
        assertThat(json.path("paths")).hasSize(paths);
        assertThat(json.at("/scenarios/0/paths/jdk~1invoke/verdict").asText()).isEqualTo("PASS");
        String md = Files.readString(dir.resolve(ConformanceReportWriter.MARKDOWN));
        assertThat(md)
                .contains(
                        "| errors/429-request-quota |",
                        "| **✓ pass** |",
                        (3 * paths) + " ✓ pass, 0 ✗ fail");
    }

    @Test
    void requirePassed_namesThePathAndScenario_whenAPathFailed(@TempDir Path dir) {
        // slow-body-dribble is a known failure (reported ≈); no path fails it in the gate's sense
        ConformanceGate.Result gate =
                ConformanceGate.run(dir, s -> s.id().equals("slow-body-dribble"));
        assertThat(gate.result().scenarios().get(0).paths())
                .allMatch(p -> p.verdict() == Verdict.DIVERGED);

        ConformanceResult failed =
                new ConformanceResult(
                        "dualpath",
                        gate.result().paths(),
                        java.util.List.of(
                                new ScenarioResult(
                                        gate.result().scenarios().get(0).scenario(),
                                        gate.result().scenarios().get(0).paths().stream()
                                                .map(p -> p.withVerdict(Verdict.FAIL))
                                                .toList(),
                                        Verdict.PASS,
                                        java.util.List.of(),
                                        null)),
                        gate.result().wall());
        ConformanceGate.Result refused = new ConformanceGate.Result(failed, dir);

        assertThatThrownBy(() -> refused.requirePassed("jdk/SHARED_LOOP"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jdk/SHARED_LOOP")
                .hasMessageContaining("slow-body-dribble");
        assertThatThrownBy(() -> refused.passed("no/such"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
