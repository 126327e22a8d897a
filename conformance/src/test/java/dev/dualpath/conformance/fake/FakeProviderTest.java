package dev.dualpath.conformance.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FakeProviderTest {

    private static FakeProvider fake;

    @BeforeAll
    static void startFake() {
        fake = FakeProvider.start(FakeProvider.Options.test());
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
    }

    @Test
    void baseUrl_isLoopbackWithTheDynamicPort() {
        assertThat(fake.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(fake.baseUrl()).isEqualTo(fake.wireMockBaseUrl());
    }

    @Test
    void stubSuccess_servesTheCannedBodyOverHttp11() throws Exception {
        fake.stubSuccess(CannedBodies.success(), Latency.NONE);

        HttpResponse<String> response = Http.post(fake.baseUrl());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
        assertThat(response.body()).isEqualTo(CannedBodies.success()).contains("\"time_info\"");
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(fake.chatRequestCount()).isEqualTo(1);
    }

    @Test
    void acceptedConnections_areCountedPerTcpConnection_andServedToOtherProcesses()
            throws Exception {
        fake.stubSuccess(CannedBodies.success(), Latency.NONE);
        long before = fake.acceptedConnectionCount();

        // Two fresh connections of one request each (Connection: close), then two requests on one
        // kept-alive connection.
        for (int i = 0; i < 2; i++) {
            try (java.net.Socket s =
                    new java.net.Socket(
                            java.net.InetAddress.getLoopbackAddress(), fake.baseUrl().getPort())) {
                s.getOutputStream()
                        .write(
                                ("GET /v1/tcp_warming HTTP/1.1\r\nHost: x\r\nConnection:"
                                                + " close\r\n\r\n")
                                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                s.getInputStream().readAllBytes();
            }
        }
        java.net.http.HttpClient pooled =
                java.net.http.HttpClient.newBuilder()
                        .version(java.net.http.HttpClient.Version.HTTP_1_1)
                        .build();
        for (int i = 0; i < 2; i++) {
            pooled.send(
                    Http.chat(fake.baseUrl(), Duration.ofSeconds(5)),
                    HttpResponse.BodyHandlers.discarding());
        }

        await().atMost(Duration.ofSeconds(5))
                .until(() -> fake.acceptedConnectionCount() - before == 3);
        String served =
                new String(
                        fake.connectionCountUrl().toURL().openStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
        // the query's own connection is counted before it is answered
        assertThat(served).matches("\\{\\s*\"accepted\"\\s*:\\s*" + (before + 4) + "\\s*}");
    }

    @Test
    void fixedLatency_delaysTheResponseAtLeastThatLong() throws Exception {
        assertLatencyAtLeast(new Latency.Fixed(Duration.ofMillis(150)), Duration.ofMillis(150));
    }

    @Test
    void uniformLatency_delaysTheResponseAtLeastTheMinimum() throws Exception {
        assertLatencyAtLeast(
                new Latency.Uniform(Duration.ofMillis(100), Duration.ofMillis(150)),
                Duration.ofMillis(100));
    }

    /** With sigma 0.1 a draw below half the median is a six-sigma event: the bound cannot flake. */
    @Test
    void logNormalLatency_delaysTheResponseAtLeastHalfTheMedian() throws Exception {
        assertLatencyAtLeast(
                new Latency.LogNormal(Duration.ofMillis(100), 0.1), Duration.ofMillis(50));
    }

    private static void assertLatencyAtLeast(Latency latency, Duration lowerBound)
            throws Exception {
        fake.stubSuccess(CannedBodies.success(), latency);
        long start = System.nanoTime();

        HttpResponse<String> response = Http.post(fake.baseUrl());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(lowerBound);
    }

    @Test
    void dribble_sendsTheHeadersFirstAndTheBodySlowly() throws Exception {
        byte[] body = CannedBodies.success().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        fake.apply(
                ServerScript.always(
                        new AttemptScript(
                                200,
                                Map.of("Content-Type", "application/json"),
                                body,
                                Duration.ZERO,
                                new Dribble(4, Duration.ofMillis(400)),
                                null)));

        HttpResponse<InputStream> response =
                Http.CLIENT.send(
                        Http.chat(fake.baseUrl(), Duration.ofSeconds(5)),
                        HttpResponse.BodyHandlers.ofInputStream());
        long headersAt = System.nanoTime();
        byte[] received;
        try (InputStream in = response.body()) {
            received = in.readAllBytes();
        }

        assertThat(received).isEqualTo(body);
        assertThat(Duration.ofNanos(System.nanoTime() - headersAt))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {
                "CONNECTION_RESET_BY_PEER",
                "EMPTY_RESPONSE",
                "MALFORMED_RESPONSE_CHUNK",
                "RANDOM_DATA_THEN_CLOSE"
            })
    void wireMockFault_failsTheExchangeWithoutAResponse(Fault fault) {
        fake.apply(ServerScript.always(AttemptScript.fault(fault)));

        assertThatThrownBy(
                        () ->
                                Http.CLIENT.send(
                                        Http.chat(fake.baseUrl(), Duration.ofSeconds(3)),
                                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(fake.chatRequestCount()).isEqualTo(1);
    }

    @Test
    void perAttemptScript_answersEachAttemptInOrderThenRepeatsTheLast() throws Exception {
        fake.apply(
                ServerScript.sequence(
                        AttemptScript.respond(
                                429, Map.of("retry-after-ms", "20"), "{\"message\":\"slow down\"}"),
                        AttemptScript.json(200, CannedBodies.success())));

        assertThat(Http.post(fake.baseUrl()).statusCode()).isEqualTo(429);
        HttpResponse<String> second = Http.post(fake.baseUrl());
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(Http.post(fake.baseUrl()).statusCode()).isEqualTo(200);
        assertThat(fake.chatRequestCount()).isEqualTo(3);
    }

    @Test
    void perAttemptScript_withoutRepeatLast_answersExhaustedAfterTheLast() throws Exception {
        fake.apply(
                new ServerScript(
                        java.util.List.of(AttemptScript.json(200, CannedBodies.success())),
                        false,
                        null));

        assertThat(Http.post(fake.baseUrl()).statusCode()).isEqualTo(200);
        HttpResponse<String> extra = Http.post(fake.baseUrl());
        assertThat(extra.statusCode()).isEqualTo(500);
        assertThat(extra.body()).contains("script exhausted");
    }

    @Test
    void apply_restartsTheScriptAndTheCount() throws Exception {
        ServerScript script =
                ServerScript.sequence(AttemptScript.json(503, "{}"), AttemptScript.json(200, "{}"));
        fake.apply(script);
        Http.post(fake.baseUrl());

        fake.apply(script);

        assertThat(fake.chatRequestCount()).isZero();
        assertThat(Http.post(fake.baseUrl()).statusCode()).isEqualTo(503);
    }

    @Test
    void tcpWarming_isAnsweredAndNotCounted() throws Exception {
        fake.apply(ServerScript.always(AttemptScript.json(200, CannedBodies.success())));

        assertThat(Http.warm(fake.baseUrl()).statusCode()).isEqualTo(200);
        Http.post(fake.baseUrl());
        assertThat(Http.warm(fake.baseUrl()).statusCode()).isEqualTo(200);

        assertThat(fake.chatRequestCount()).isEqualTo(1);
    }

    @Test
    void chatRequestCount_countsARequestOnArrivalBeforeItsDelayEnds() throws Exception {
        fake.apply(
                ServerScript.always(
                        AttemptScript.json(200, "{}").withDelay(Duration.ofSeconds(2))));

        CompletableFuture<HttpResponse<String>> call =
                Http.CLIENT.sendAsync(
                        Http.chat(fake.baseUrl(), Duration.ofSeconds(5)),
                        HttpResponse.BodyHandlers.ofString());

        await().atMost(Duration.ofSeconds(20)).until(() -> fake.chatRequestCount() == 1);
        assertThat(call).isNotDone();
        assertThat(call.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void applyRouted_choosesTheScriptByRequestIdPrefix() throws Exception {
        Map<String, ServerScript> routes = new LinkedHashMap<>();
        routes.put("ok#", ServerScript.always(AttemptScript.json(200, "{\"route\":\"ok\"}")));
        routes.put(
                "limited#",
                ServerScript.always(AttemptScript.json(429, "{\"route\":\"limited\"}")));
        URI base = fake.applyRouted(routes);

        HttpResponse<String> ok =
                Http.CLIENT.send(
                        java.net.http.HttpRequest.newBuilder(
                                        Http.chat(base, Duration.ofSeconds(5)), (n, v) -> true)
                                .header("X-Request-Id", "ok#3")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> limited =
                Http.CLIENT.send(
                        java.net.http.HttpRequest.newBuilder(
                                        Http.chat(base, Duration.ofSeconds(5)), (n, v) -> true)
                                .header("X-Request-Id", "limited#4")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(fake.chatRequestCount()).isEqualTo(2);
    }

    @Test
    void refusedScript_pointsAtAPortThatRefusesConnections() {
        URI base = fake.apply(ServerScript.always(AttemptScript.fault(Fault.REFUSED)));

        assertThat(base).isNotEqualTo(fake.wireMockBaseUrl());
        assertThatThrownBy(() -> Http.post(base)).isInstanceOf(java.net.ConnectException.class);
        assertThat(fake.chatRequestCount()).isZero();
    }

    @Test
    void rawScript_isPlayedByTheRawServerAndCounted() throws Exception {
        URI base =
                fake.apply(
                        ServerScript.always(
                                AttemptScript.json(200, CannedBodies.success())
                                        .withFault(Fault.CLOSE_KEEPALIVE)));

        assertThat(base).isNotEqualTo(fake.wireMockBaseUrl());
        assertThat(Http.post(base).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> fake.serverClosedConnectionCount() == 1);
        assertThat(Http.post(base).statusCode()).isEqualTo(200);
        assertThat(fake.chatRequestCount()).isEqualTo(2);

        fake.reset();
        assertThat(fake.baseUrl()).isEqualTo(fake.wireMockBaseUrl());
    }

    @Test
    void benchmarkMode_servesAndCountsWithoutAJournal() throws Exception {
        try (FakeProvider bench = FakeProvider.start(FakeProvider.Options.benchmark())) {
            bench.stubSuccess(CannedBodies.success(), Latency.fixedMillis(20));

            assertThat(Http.post(bench.baseUrl()).statusCode()).isEqualTo(200);
            assertThat(Http.warm(bench.baseUrl()).statusCode()).isEqualTo(200);
            assertThat(bench.chatRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void options_rejectAnUnusableThreadCount() {
        assertThatThrownBy(() -> new FakeProvider.Options(true, 2, 0))
                .hasMessageContaining("containerThreads");
    }
}
