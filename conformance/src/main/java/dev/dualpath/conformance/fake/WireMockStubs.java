package dev.dualpath.conformance.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/** Turns scripts and latencies into WireMock stubs. */
final class WireMockStubs {

    private static final String WARMING_PATH = "/v1/tcp_warming";

    private WireMockStubs() {}

    /**
     * {@code GET /v1/tcp_warming} → 200 {@code {}}, whatever else is stubbed; on a server in this
     * JVM or, through its admin API, in another.
     */
    static void stubWarming(Admin admin) {
        admin.addStubMapping(
                get(urlPathEqualTo(WARMING_PATH))
                        .atPriority(1)
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{}"))
                        .build());
    }

    /**
     * A 200 JSON body after {@code latency}, for every chat request; on a server in this JVM or,
     * through its admin API, in another.
     */
    static void stubSuccess(Admin admin, String body, Latency latency) {
        ResponseDefinitionBuilder response =
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body);
        admin.addStubMapping(chat().willReturn(withLatency(response, latency)).build());
    }

    /**
     * Stubs {@code script}: one stub per attempt, chained through a WireMock scenario named {@code
     * scenarioName} so that attempt n answers the n-th request.
     *
     * @param requestIdPrefix when not null, only requests whose {@code X-Request-Id} starts with it
     *     match
     */
    static void stubScript(
            WireMockServer server,
            ServerScript script,
            String scenarioName,
            String requestIdPrefix) {
        List<AttemptScript> attempts = script.attempts();
        if (attempts.size() == 1 && script.repeatLast()) {
            server.stubFor(chat(requestIdPrefix).willReturn(response(attempts.get(0))));
            return;
        }
        for (int i = 0; i < attempts.size(); i++) {
            boolean last = i == attempts.size() - 1;
            var mapping =
                    chat(requestIdPrefix).inScenario(scenarioName).whenScenarioStateIs(state(i));
            if (!(last && script.repeatLast())) {
                mapping = mapping.willSetStateTo(state(i + 1));
            }
            server.stubFor(mapping.willReturn(response(attempts.get(i))));
        }
        if (!script.repeatLast()) {
            server.stubFor(
                    chat(requestIdPrefix)
                            .inScenario(scenarioName)
                            .whenScenarioStateIs(state(attempts.size()))
                            .willReturn(
                                    aResponse()
                                            .withStatus(500)
                                            .withHeader("Content-Type", "application/json")
                                            .withBody(ServerScript.EXHAUSTED_BODY)));
        }
    }

    private static String state(int attemptIndex) {
        return attemptIndex == 0 ? Scenario.STARTED : "attempt-" + (attemptIndex + 1);
    }

    private static MappingBuilder chat() {
        return post(urlPathEqualTo(ChatRequestCounter.CHAT_PATH));
    }

    private static MappingBuilder chat(String requestIdPrefix) {
        MappingBuilder mapping = chat();
        return requestIdPrefix == null
                ? mapping
                : mapping.withHeader(
                        "X-Request-Id", matching(Pattern.quote(requestIdPrefix) + ".*"));
    }

    static ResponseDefinitionBuilder response(AttemptScript attempt) {
        ResponseDefinitionBuilder response = aResponse().withStatus(attempt.status());
        attempt.headers().forEach(response::withHeader);
        if (attempt.fault() != null) {
            try {
                attempt.fault().playOn(new StubStage(response));
            } catch (IOException e) {
                throw new UncheckedIOException(e); // stubbing writes to no socket
            }
        } else {
            response.withBody(attempt.body());
        }
        if (!attempt.delay().isZero()) {
            response.withFixedDelay(Math.toIntExact(attempt.delay().toMillis()));
        }
        if (attempt.dribble() != null) {
            try {
                attempt.dribble().mode().playOn(new StubStage(response), attempt.dribble());
            } catch (IOException e) {
                throw new UncheckedIOException(e); // stubbing writes to no socket
            }
        }
        return response;
    }

    static ResponseDefinitionBuilder withLatency(
            ResponseDefinitionBuilder response, Latency latency) {
        return latency.applyTo(response);
    }

    /** WireMock's own faults, set on a response stub. */
    private record StubStage(ResponseDefinitionBuilder response)
            implements Fault.Stage<ResponseDefinitionBuilder> {
        @Override
        public ResponseDefinitionBuilder wireMock(com.github.tomakehurst.wiremock.http.Fault f) {
            return response.withFault(f);
        }

        @Override
        public ResponseDefinitionBuilder contentLengthMismatch() {
            throw Fault.Stage.cannotPlay("CONTENT_LENGTH_MISMATCH", "WireMock");
        }

        @Override
        public ResponseDefinitionBuilder stallMidBody() {
            throw Fault.Stage.cannotPlay("STALL_MID_BODY", "WireMock");
        }

        @Override
        public ResponseDefinitionBuilder resetMidBody() {
            throw Fault.Stage.cannotPlay("RESET_MID_BODY", "WireMock");
        }

        @Override
        public ResponseDefinitionBuilder closeKeepAlive() {
            throw Fault.Stage.cannotPlay("CLOSE_KEEPALIVE", "WireMock");
        }

        @Override
        public ResponseDefinitionBuilder refused() {
            throw Fault.Stage.cannotPlay("REFUSED", "WireMock");
        }

        @Override
        public ResponseDefinitionBuilder dribbleHeadersFirst(Dribble dribble) {
            throw Fault.Stage.cannotPlay(
                    "dribble HEADERS_FIRST (WireMock sends the headers with the first piece)",
                    "WireMock");
        }

        @Override
        public ResponseDefinitionBuilder dribbleWithFirstPiece(Dribble dribble) {
            return response.withChunkedDribbleDelay(
                    dribble.chunks(), Math.toIntExact(dribble.total().toMillis()));
        }
    }
}
