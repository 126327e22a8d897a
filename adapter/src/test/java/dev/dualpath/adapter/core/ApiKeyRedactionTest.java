package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dualpath.adapter.error.MalformedResponseException;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A provider may echo the key it was sent; no helper may let it into an exception. */
class ApiKeyRedactionTest {

    private static final String CANARY = "sk-CANARY-4f1d9c2e7b8a";
    private static final ApiKey KEY = new ApiKey(CANARY);

    static Stream<WireResponse> errorResponsesEchoingTheKey() {
        return Stream.of(
                Wire.json(
                        401,
                        "{\"message\":\"Wrong API Key "
                                + CANARY
                                + "\",\"type\":\"invalid_request_error\","
                                + "\"param\":\""
                                + CANARY
                                + "\",\"code\":\""
                                + CANARY
                                + "\"}"),
                Wire.json(
                        401,
                        "{\"error\":{\"message\":\"Incorrect API key provided: " + CANARY + "\"}}"),
                Wire.json(403, "{\"detail\":\"Not authenticated: " + CANARY + "\"}"),
                Wire.json(422, "{\"message\":{\"key\":\"" + CANARY + "\"},\"type\":\"x\"}"),
                Wire.response(
                        502,
                        "<html><title>bad key " + CANARY + "</title></html>",
                        "Content-Type",
                        "text/html"),
                Wire.response(400, "Authorization: Bearer " + CANARY, "Content-Type", "text/plain"),
                // The key straddles the point where long messages are cut.
                Wire.json(
                        500,
                        "{\"message\":\""
                                + "x".repeat(Messages.MAX_MESSAGE_CHARS - 5)
                                + CANARY
                                + "\"}"));
    }

    @ParameterizedTest
    @MethodSource("errorResponsesEchoingTheKey")
    void errorMapperRedactsEchoedKeys(WireResponse response) {
        assertNoCanary(new ErrorMapper(KEY).fromResponse(response, "req-1"));
    }

    static Stream<Throwable> failuresEchoingTheKey() {
        return Stream.of(
                new TransportFailure(
                        TransportFailure.Kind.CONNECTION_FAILED, "bad header " + CANARY, null),
                new TransportFailure(TransportFailure.Kind.BODY_TIMEOUT, "stalled " + CANARY, null),
                new IOException("Bearer " + CANARY));
    }

    @ParameterizedTest
    @MethodSource("failuresEchoingTheKey")
    void throwableMappingRedactsEchoedKeys(Throwable failure) {
        assertNoCanary(new ErrorMapper(KEY).fromThrowable(failure, "req-1"));
    }

    static Stream<String> successBodiesEchoingTheKey() {
        return Stream.of(
                "{\"error\":{\"message\":\"key "
                        + CANARY
                        + "\",\"type\":\""
                        + CANARY
                        + "\",\"param\":\""
                        + CANARY
                        + "\",\"code\":\""
                        + CANARY
                        + "\"}}",
                "{\"message\":\"key " + CANARY + "\",\"type\":\"auth\"}",
                "{\"detail\":\"" + CANARY + "\"}");
    }

    @ParameterizedTest
    @MethodSource("successBodiesEchoingTheKey")
    void responseProcessorRedactsEchoedKeysInAnErrorOnA200(String body) {
        MalformedResponseException e =
                catchThrowableOfType(
                        MalformedResponseException.class,
                        () ->
                                new ResponseProcessor(KEY)
                                        .process(
                                                Wire.json(200, body),
                                                Duration.ofMillis(5),
                                                "req-1",
                                                1));

        assertNoCanary(e);
    }

    private static void assertNoCanary(ProviderException e) {
        assertThat(e.getMessage()).doesNotContain(CANARY).contains("***");
        assertThat(e.toString()).doesNotContain(CANARY);
        assertThat(e.details().toString()).doesNotContain(CANARY);
    }
}
