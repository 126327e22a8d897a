package dev.dualpath.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.conformance.scenario.ScenarioCatalog;
import org.junit.jupiter.api.Test;

class ExpectedDivergencesTest {

    @Test
    void theShippedLists_nameOnlyScenariosOfTheCatalogue_withAReason() {
        ScenarioCatalog catalog = ScenarioCatalog.load();
        for (ExpectedDivergences list :
                new ExpectedDivergences[] {
                    ConformanceGate.knownFailures(),
                    ExpectedDivergences.load(
                            getClass().getClassLoader(), "divergences/openai-java.json")
                }) {
            assertThat(list.all()).isNotEmpty();
            list.all()
                    .forEach(
                            (id, reason) -> {
                                assertThat(catalog.find(id)).as("scenario %s", id).isPresent();
                                assertThat(reason).isNotBlank();
                            });
        }
    }

    @Test
    void aMissingFile_isReportedByName() {
        assertThatThrownBy(
                        () ->
                                ExpectedDivergences.load(
                                        getClass().getClassLoader(), "divergences/nope.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("divergences/nope.json");
    }
}
