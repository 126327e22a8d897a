package dev.dualpath.conformance.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.conformance.fake.AttemptScript;
import dev.dualpath.conformance.fake.Backend;
import dev.dualpath.conformance.fake.FakeProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalogue scenario's script can be applied to the fake provider; where the first attempt is
 * a plain immediate response, the fake serves exactly its status and body.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CatalogScriptsPlayTest {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    private static FakeProvider fake;

    @BeforeAll
    static void start() {
        fake = FakeProvider.start(FakeProvider.Options.test());
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    static Stream<Scenario> scenarios() {
        return ScenarioCatalog.load().all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void script_appliesAndPlaysItsFirstAttempt(Scenario scenario) throws Exception {
        if (scenario.run().isMix()) {
            ScenarioCatalog catalog = ScenarioCatalog.load();
            Map<String, dev.dualpath.conformance.fake.ServerScript> routes = new LinkedHashMap<>();
            catalog.mixMembers(scenario).forEach(m -> routes.put(m.id() + "#", m.server()));
            assertThat(fake.applyRouted(routes)).isEqualTo(fake.wireMockBaseUrl());
            return;
        }
        URI base = fake.apply(scenario.server());
        assertThat(base).isEqualTo(fake.baseUrl());
        assertThat(base.getHost()).isEqualTo("127.0.0.1");

        AttemptScript first = scenario.server().attempts().get(0);
        if (first.fault() == null
                && first.delay().isZero()
                && first.dribble() == null
                && scenario.server().backend() == Backend.WIREMOCK) {
            HttpResponse<byte[]> response =
                    CLIENT.send(
                            HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                                    .timeout(Duration.ofSeconds(5))
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(first.status());
            assertThat(response.body()).isEqualTo(first.body());
            assertThat(fake.chatRequestCount()).isEqualTo(1);
        }
    }
}
