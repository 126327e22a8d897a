package dev.dualpath.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.conformance.fake.AttemptScript;
import dev.dualpath.conformance.fake.CannedBodies;
import dev.dualpath.conformance.fake.Dribble;
import dev.dualpath.conformance.fake.FakeProvider;
import dev.dualpath.conformance.fake.ServerScript;
import dev.dualpath.conformance.scenario.ClientConfig;
import dev.dualpath.testkit.Normaliser;
import dev.dualpath.testkit.Outcome;
import dev.dualpath.testkit.RecordingSleeper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Differential property: for any generated server behaviour — status × body mutation × chunk split
 * × delay, with or without a retry — every path produces the same normalised outcome. Nothing is
 * expected of the outcome itself; only that the paths agree.
 *
 * <p>1,000 tries on four representative paths (apache/DIRECT, apache/invoke, jdk/LOOP_PER_CALL,
 * jdk/SHARED_LOOP: both transports, blocking, future, per-call loop and shared loop); all twelve
 * would take three times as long for little more coverage, since the catalogue suite runs every
 * scenario on all twelve. The clients are built once and reused across tries (the fake keeps its
 * port), which also exercises connection reuse after every kind of failure.
 *
 * <p>On failure jqwik prints the seed and the shrunk script; replay it with {@code @Property(tries
 * = 1000, seed = "<printed seed>")}.
 */
class DifferentialPropertyTest {

    private static final List<String> PATHS =
            List.of("apache/DIRECT", "apache/invoke", "jdk/LOOP_PER_CALL", "jdk/SHARED_LOOP");

    // No generated script asks for a timeout (delays and dribbles stay under 10 ms), so the
    // timeouts only bound a broken call; they are far from anything a loaded machine takes to
    // serve one (a 1 s read timeout fired on LOOP_PER_CALL at load average 14 on 2 cores).
    private static final ClientConfig CONFIG =
            new ClientConfig(
                    Duration.ofSeconds(15),
                    Duration.ofSeconds(15),
                    Duration.ofSeconds(30),
                    1,
                    null);

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final AtomicInteger TRY = new AtomicInteger();

    private static FakeProvider fake;
    private static RecordingSleeper sleeper;
    private static Map<String, ClientUnderTest> clients;

    @BeforeContainer
    static void start() {
        fake = FakeProvider.start(new FakeProvider.Options(false, 20, 0));
        URI base = fake.wireMockBaseUrl();
        sleeper = RecordingSleeper.capped(Duration.ofMillis(5));
        clients = new LinkedHashMap<>();
        for (PathUnderTest path : new DualpathPlugin().paths()) {
            if (PATHS.contains(path.name())) {
                clients.put(
                        path.name(),
                        path.open(
                                new ClientSetup(
                                        base, CONFIG, sleeper, 4, ClientSetup.TEST_API_KEY)));
            }
        }
    }

    @AfterContainer
    static void stop() {
        clients.values().forEach(ClientUnderTest::close);
        fake.close();
    }

    @Property(tries = 1000)
    void everyPathProducesTheSameOutcome(@ForAll("scripts") ServerScript script) {
        URI base = fake.apply(script);
        assertThat(base).isEqualTo(fake.wireMockBaseUrl());
        ChatRequest request =
                ChatRequest.of("llama-3.3-70b", List.of(ChatMessage.user("hi")))
                        .withRequestId("prop#" + TRY.incrementAndGet());
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<Integer> serverRequests = new ArrayList<>();
        for (Map.Entry<String, ClientUnderTest> e : clients.entrySet()) {
            fake.apply(script); // fresh per-attempt state and counter for each path
            StartedCall.Result r =
                    StartedCall.start(e.getValue(), request, "prop-" + e.getKey())
                            .await(System.nanoTime() + BOUND.toNanos(), BOUND);
            outcomes.put(
                    e.getKey(), Normaliser.normalise(r.response(), r.failure(), sleeper.drain()));
            serverRequests.add(fake.chatRequestCount());
        }
        Outcome reference = outcomes.get(PATHS.get(0));
        outcomes.forEach(
                (path, outcome) ->
                        assertThat(OutcomeDiff.describe(reference, outcome))
                                .as("%s vs %s for %s", path, PATHS.get(0), script)
                                .isEmpty());
        assertThat(serverRequests)
                .as("server requests per path")
                .allMatch(n -> n.equals(serverRequests.get(0)));
        assertThat(reference.error())
                .as("no foreign failure")
                .satisfiesAnyOf(
                        e -> assertThat(e).isNull(),
                        e -> assertThat(e.isProviderException()).isTrue());
    }

    @Provide
    Arbitrary<ServerScript> scripts() {
        Arbitrary<AttemptScript> attempt =
                Combinators.combine(statuses(), bodies(), chunks(), delays(), retryHeaders())
                        .as(DifferentialPropertyTest::attempt);
        return Combinators.combine(attempt, attempt, Arbitraries.of(true, false))
                .as(
                        (first, second, twoAttempts) ->
                                twoAttempts
                                        ? ServerScript.sequence(first, second)
                                        : ServerScript.always(first));
    }

    private static AttemptScript attempt(
            int status, byte[] body, int chunks, int delayMs, Map<String, String> headers) {
        Dribble dribble =
                chunks > 1 && body.length >= chunks
                        // WireMock's mode: the clients were built for WireMock's port
                        ? new Dribble(
                                chunks, Duration.ofMillis(chunks), Dribble.Mode.WITH_FIRST_PIECE)
                        : null;
        return new AttemptScript(status, headers, body, Duration.ofMillis(delayMs), dribble, null);
    }

    private static Arbitrary<Integer> statuses() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(200)),
                net.jqwik.api.Tuple.of(
                        4,
                        Arbitraries.of(
                                400, 401, 402, 403, 404, 408, 409, 418, 422, 429, 500, 502, 503,
                                504, 201, 204, 302)));
    }

    /**
     * Body mutations: valid, truncated, emptied, HTML, error shapes, wrong types, a trailing byte.
     */
    private static Arbitrary<byte[]> bodies() {
        String ok = CannedBodies.success();
        Arbitrary<String> valid =
                Arbitraries.strings()
                        .withCharRange(' ', '~')
                        .ofMaxLength(40)
                        .map(CannedBodies::success);
        Arbitrary<String> truncated =
                Arbitraries.integers().between(0, ok.length() - 1).map(n -> ok.substring(0, n));
        Arbitrary<String> fixed =
                Arbitraries.of(
                        "",
                        "<html><body>502 Bad Gateway</body></html>",
                        "{\"message\":\"Wrong API"
                            + " Key\",\"type\":\"invalid_request_error\",\"param\":\"api_key\",\"code\":\"wrong_api_key\"}",
                        "{\"error\":{\"message\":\"nested\",\"type\":\"server_error\",\"code\":null}}",
                        "{\"detail\":\"Not authenticated\"}",
                        "{\"object\":\"error\",\"message\":\"m\",\"code\":400}",
                        "{\"id\":7,\"choices\":\"no\"}",
                        "null",
                        "[]",
                        ok + "x",
                        "{\"error\":{\"message\":\"on a 200\"}}");
        return Arbitraries.oneOf(valid, truncated, fixed)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    private static Arbitrary<Integer> chunks() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(1)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(2, 4)));
    }

    private static Arbitrary<Integer> delays() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 5)));
    }

    private static Arbitrary<Map<String, String>> retryHeaders() {
        return Arbitraries.of(
                Map.of(),
                Map.of("Content-Type", "application/json"),
                Map.of("retry-after-ms", "3"),
                Map.of("retry-after", "0"),
                Map.of("x-should-retry", "true"),
                Map.of("x-should-retry", "false"),
                Map.of("x-request-id", "req-1", "x-ratelimit-remaining-requests-day", "9"));
    }
}
