package dev.dualpath.conformance.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deliberately broken fixtures under {@code src/test/resources/broken}: each message names file and
 * field.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ScenarioParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    broken/errors/bad-status.json            | server.attempts[0].status      | must be 100..599, was 7
                    broken/errors/typo-in-expect.json        | expect.response.contnet        | is not a known field
                    broken/errors/delay-as-string.json       | server.attempts[0].delayMs     | must be an integer, was STRING
                    broken/errors/id-mismatch.json           | id                             | must match the file name 'id-mismatch.json'
                    broken/errors/wrong-group.json           | group                          | must match the folder 'errors'
                    broken/errors/undeclared-retries.json    | capabilities                   | must include 'retries' because client.maxRetries > 0
                    broken/errors/unknown-error-class.json   | expect.error.class             | was TeapotException
                    broken/errors/refused-mixed.json         | server.attempts[1].fault       | must be REFUSED
                    broken/errors/two-bodies.json            | server.attempts[0].bodyJson    | cannot be combined with body
                    broken/errors/timeout-without-phase.json | expect.error.phase             | is required for ProviderTimeoutException
                    broken/errors/dribble-zero-chunks.json   | server.attempts[0].dribble.chunks | must be >= 1, was 0
                    broken/errors/unknown-fault.json         | server.attempts[0].fault       | was SOLAR_FLARE
                    broken/retries/too-many-sleeps.json      | expect.sleepsMs                | has 2 sleeps for 1 attempts
                    broken/batch/undeclared-batch.json       | capabilities                   | must include 'batch' because the scenario has a batch
                    broken/batch/limit-zero.json             | batch.limit                    | must be 1..64, was 0
                    broken/batch/statuses-count.json         | expect.batch                   | names 2 items but the batch has 3 calls
                    broken/batch/unknown-status.json         | expect.batch.statuses[1]       | was "LOST"
                    broken/batch/parallel-batch.json         | run                            | of a batch is its calls (and mix) only
                    broken/batch/expect-batch-without-batch.json | expect.batch               | needs a batch section
                    broken/batch/count-without-server-received.json | action.count            | applies only to from SERVER_RECEIVED
                    """)
    void brokenFile_failsNamingTheFileAndTheField(String file, String field, String problem) {
        assertThatThrownBy(() -> ScenarioCatalog.parse(file, resource(file)))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageStartingWith(file + ": field '" + field + "' ")
                .hasMessageContaining(problem)
                .satisfies(
                        e -> {
                            assertThat(((ScenarioFormatException) e).file()).isEqualTo(file);
                            assertThat(((ScenarioFormatException) e).field()).isEqualTo(field);
                        });
    }

    @Test
    void invalidJson_failsNamingTheFile() {
        String file = "broken/errors/not-json.json";

        assertThatThrownBy(() -> ScenarioCatalog.parse(file, resource(file)))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageStartingWith(file + ": is not valid JSON");
    }

    @Test
    void duplicateIds_failNamingBothFiles() {
        assertThatThrownBy(
                        () ->
                                ScenarioCatalog.load(
                                        getClass().getClassLoader(),
                                        "broken/catalog/duplicate-index.txt"))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessage(
                        "broken/catalog/b/dup.json: field 'id' duplicates the id of"
                                + " broken/catalog/a/dup.json");
    }

    @Test
    void mixNamingAMissingScenario_failsNamingTheMixEntry() {
        assertThatThrownBy(
                        () ->
                                ScenarioCatalog.load(
                                        getClass().getClassLoader(),
                                        "broken/catalog/mix-index.txt"))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessage(
                        "broken/catalog/mix/bad-mix.json: field 'run.mix[1]' names no scenario:"
                                + " 'missing'");
    }

    @Test
    void missingIndex_failsSayingWhichResource() {
        assertThatThrownBy(
                        () ->
                                ScenarioCatalog.load(
                                        getClass().getClassLoader(), "nowhere/index.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'nowhere/index.txt' is missing");
    }

    @Test
    void bodyJson_keepsTheDecimalDigitsOfTheFile() {
        String json =
                """
                {"id":"floats","description":"d","group":"g",
                 "server":{"attempts":[{"bodyJson":{"created":1735689600.7712147,"t":0.000112,"x":1.50}}]},
                 "expect":{"response":{}}}\
                """;

        Scenario s =
                ScenarioCatalog.parse(
                        "scenarios/g/floats.json",
                        json.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(
                        new String(
                                s.server().attempts().get(0).body(),
                                java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"created\":1735689600.7712147,\"t\":0.000112,\"x\":1.50}");
        assertThat(s.server().attempts().get(0).headers())
                .containsEntry("Content-Type", "application/json");
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = ScenarioParserTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
