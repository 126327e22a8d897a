package dev.dualpath.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.openai.OpenAiJavaPlugins;
import dev.dualpath.conformance.result.ScenarioResult;
import dev.dualpath.conformance.result.Verdict;
import dev.dualpath.conformance.scenario.Scenario;
import dev.dualpath.conformance.scenario.ScenarioCatalog;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A plug-in that throws while turning the client's outcome into dualpath's terms is reported as the
 * plug-in's own failure, on the blocking and on the future path, and never hangs a cell until its
 * bound: openai-java's {@code code()} throws on a 502 whose nested {@code code} is a number, inside
 * the async plug-in's completion callback.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PluginOwnFailureTest {

    @Test
    void aPluginThatThrowsWhileMapping_isReportedAsItsOwnFailure_notAsATimeout() {
        ScenarioCatalog catalog = ScenarioCatalog.load();
        Scenario scenario = catalog.get("502-json-numeric-nested-code");
        try (FakeProvider fake = FakeProvider.start(FakeProvider.Options.test())) {
            ConformanceRunner runner =
                    new ConformanceRunner(
                            OpenAiJavaPlugins.plugin(), fake, catalog, ExpectedDivergences.NONE);

            ScenarioResult result = runner.run(scenario);

            assertThat(result.paths())
                    .hasSize(2)
                    .allSatisfy(
                            p -> {
                                assertThat(p.verdict()).isEqualTo(Verdict.FAIL);
                                assertThat(p.mismatches())
                                        .anySatisfy(
                                                m ->
                                                        assertThat(m)
                                                                .startsWith(
                                                                        "the plug-in itself threw")
                                                                .contains(
                                                                        "OpenAIInvalidDataException"))
                                        .noneSatisfy(
                                                m -> assertThat(m).contains("scenario's bound"));
                                // One-sided: a hang would last the whole bound.
                                assertThat(p.wall()).isLessThan(PathRun.bound(scenario));
                            });
        }
    }
}
