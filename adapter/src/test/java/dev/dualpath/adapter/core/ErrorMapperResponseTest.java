package dev.dualpath.adapter.core;

import static dev.dualpath.adapter.core.ErrorMapperFixtures.REQUEST_ID;
import static dev.dualpath.adapter.core.ProviderBodies.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.error.AuthenticationException;
import dev.dualpath.adapter.error.BadRequestException;
import dev.dualpath.adapter.error.ConflictException;
import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.NotFoundException;
import dev.dualpath.adapter.error.PaymentRequiredException;
import dev.dualpath.adapter.error.PermissionDeniedException;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.error.ServerErrorException;
import dev.dualpath.adapter.error.ServiceUnavailableException;
import dev.dualpath.adapter.error.UnexpectedStatusException;
import dev.dualpath.adapter.error.UnprocessableEntityException;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.WireResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link ErrorMapper#fromResponse} makes of an error response: the status decides the
 * exception's class and whether the SDK rule retries it, the body fills the details, whatever its
 * shape (every status with every body); a huge provider message is bounded; and the same response
 * always maps to equal details. The headers that say when to retry are in {@link
 * ErrorMapperRetryHeadersTest}.
 */
class ErrorMapperResponseTest {

    private final ErrorMapper mapper = ErrorMapperFixtures.mapper();

    /** A status, the class it must map to, and whether the SDK rule retries it. */
    record StatusCase(int status, Class<? extends ProviderException> type, boolean retryable) {}

    /** A body shape and the details it must yield (message as the mapper words it). */
    record BodyCase(
            String name,
            String contentType,
            String body,
            String type,
            String code,
            String param,
            String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<StatusCase> statuses() {
        return List.of(
                new StatusCase(400, BadRequestException.class, false),
                new StatusCase(401, AuthenticationException.class, false),
                new StatusCase(402, PaymentRequiredException.class, false),
                new StatusCase(403, PermissionDeniedException.class, false),
                new StatusCase(404, NotFoundException.class, false),
                new StatusCase(408, UnexpectedStatusException.class, true),
                new StatusCase(409, ConflictException.class, true),
                new StatusCase(418, UnexpectedStatusException.class, false),
                new StatusCase(422, UnprocessableEntityException.class, false),
                new StatusCase(429, RateLimitException.class, true),
                new StatusCase(500, ServerErrorException.class, true),
                new StatusCase(502, ServerErrorException.class, true),
                new StatusCase(503, ServiceUnavailableException.class, true),
                new StatusCase(504, ServerErrorException.class, true),
                new StatusCase(599, ServerErrorException.class, true),
                new StatusCase(302, UnexpectedStatusException.class, false),
                new StatusCase(451, UnexpectedStatusException.class, false));
    }

    static List<BodyCase> bodies() {
        String json = "application/json";
        return List.of(
                new BodyCase(
                        "cerebras 401",
                        json,
                        WRONG_API_KEY,
                        "invalid_request_error",
                        "wrong_api_key",
                        "api_key",
                        "Wrong API Key"),
                new BodyCase(
                        "cerebras 404",
                        json,
                        MODEL_NOT_FOUND,
                        "not_found_error",
                        "model_not_found",
                        "model",
                        "Model … does not exist or you do not have access to it."),
                new BodyCase(
                        "cerebras rpm",
                        json,
                        REQUESTS_PER_MINUTE,
                        "too_many_requests_error",
                        "request_quota_exceeded",
                        "quota",
                        "Requests per minute limit exceeded - too many requests sent."),
                new BodyCase(
                        "cerebras tpd",
                        json,
                        TOKENS_PER_DAY,
                        "too_many_tokens_error",
                        "token_quota_exceeded",
                        "quota",
                        "Tokens per day limit exceeded - too many tokens processed."),
                new BodyCase(
                        "cerebras queue",
                        json,
                        QUEUE_EXCEEDED,
                        "too_many_requests_error",
                        "queue_exceeded",
                        "queue",
                        "We're experiencing high traffic right now! Please try again soon."),
                new BodyCase(
                        "detail text",
                        json,
                        NOT_AUTHENTICATED,
                        null,
                        null,
                        null,
                        "Not authenticated"),
                new BodyCase(
                        "detail array",
                        json,
                        DETAIL_ARRAY,
                        "value_error.missing",
                        null,
                        "model",
                        "field required"),
                new BodyCase(
                        "detail object",
                        json,
                        "{\"detail\":{\"reason\":\"nope\"}}",
                        null,
                        null,
                        null,
                        "{\"reason\":\"nope\"}"),
                new BodyCase(
                        "openai nested",
                        json,
                        OPENAI_NESTED,
                        "invalid_request_error",
                        "invalid_api_key",
                        null,
                        "Incorrect API key provided"),
                new BodyCase(
                        "error as text",
                        json,
                        "{\"error\":\"model overloaded\"}",
                        null,
                        null,
                        null,
                        "model overloaded"),
                new BodyCase(
                        "vllm numeric code",
                        json,
                        VLLM,
                        "BadRequestError",
                        "400",
                        null,
                        "max_tokens must be at least 1, got 0."),
                new BodyCase(
                        "object message",
                        json,
                        OBJECT_MESSAGE,
                        "invalid_request_error",
                        "validation_error",
                        "messages",
                        "{\"loc\":[\"body\",\"messages\"],\"msg\":\"field required\"}"),
                new BodyCase(
                        "no message",
                        json,
                        "{\"type\":\"weird\",\"code\":7}",
                        "weird",
                        "7",
                        null,
                        "error body: {\"type\":\"weird\",\"code\":7}"),
                new BodyCase(
                        "json string",
                        json,
                        "\"Internal Server Error\"",
                        null,
                        null,
                        null,
                        "Internal Server Error"),
                new BodyCase(
                        "json array",
                        json,
                        "[1,2]",
                        null,
                        null,
                        null,
                        "unrecognised error body: [1,2]"),
                new BodyCase(
                        "truncated json",
                        json,
                        "{\"message\":\"Wro",
                        null,
                        null,
                        null,
                        "non-JSON response body (application/json, 15 bytes)"),
                new BodyCase(
                        "html 502",
                        "text/html",
                        HTML_502,
                        null,
                        null,
                        null,
                        "non-JSON response body (text/html, "
                                + bytes(HTML_502)
                                + " bytes): 502 Bad Gateway"),
                new BodyCase(
                        "html 504",
                        "text/html; charset=UTF-8",
                        HTML_504,
                        null,
                        null,
                        null,
                        "non-JSON response body (text/html, "
                                + bytes(HTML_504)
                                + " bytes): example.com | 504: Gateway time-out"),
                new BodyCase(
                        "html without content type",
                        null,
                        HTML_502,
                        null,
                        null,
                        null,
                        "non-JSON response body (no content type, "
                                + bytes(HTML_502)
                                + " bytes): 502 Bad Gateway"),
                new BodyCase(
                        "plain text",
                        "text/plain",
                        "upstream connect error\nor disconnect",
                        null,
                        null,
                        null,
                        "non-JSON response body (text/plain, 36 bytes): upstream connect error or"
                                + " disconnect"),
                new BodyCase(
                        "binary",
                        "application/octet-stream",
                        "\u0001\u0002",
                        null,
                        null,
                        null,
                        "non-JSON response body (application/octet-stream, 2 bytes)"),
                new BodyCase(
                        "empty text/plain",
                        "text/plain",
                        "",
                        null,
                        null,
                        null,
                        "empty response body"),
                new BodyCase(
                        "whitespace only", json, " \r\n", null, null, null, "empty response body"));
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    static Stream<Arguments> everyStatusTimesEveryBody() {
        List<Arguments> all = new ArrayList<>();
        for (StatusCase s : statuses()) {
            for (BodyCase b : bodies()) {
                all.add(Arguments.of(s.status(), b, s));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("everyStatusTimesEveryBody")
    void statusDecidesTheClassAndTheBodyFillsTheDetails(
            int status, BodyCase body, StatusCase expected) {
        WireResponse response =
                body.contentType() == null
                        ? Wire.response(status, body.body())
                        : Wire.response(status, body.body(), "Content-Type", body.contentType());

        ProviderException e = mapper.fromResponse(response, REQUEST_ID);

        assertThat(e).isExactlyInstanceOf(expected.type());
        assertThat(e.details())
                .isEqualTo(
                        new ErrorDetails(
                                        status,
                                        body.type(),
                                        body.code(),
                                        body.param(),
                                        body.message(),
                                        REQUEST_ID,
                                        expected.retryable())
                                .withHeaders(response.headers()));
        assertThat(e.getMessage()).startsWith("HTTP " + status + ": ");
    }

    @Test
    void aHugeProviderMessageIsBoundedWithoutSplittingASurrogatePair() {
        String longMessage = "a".repeat(Messages.MAX_MESSAGE_CHARS - 1) + "😀" + "b".repeat(5000);
        String body = "{\"message\":\"" + longMessage + "\",\"type\":\"t\"}";

        ProviderException e = mapper.fromResponse(Wire.json(500, body), REQUEST_ID);

        String message = e.details().message();
        assertThat(message)
                .startsWith("a".repeat(Messages.MAX_MESSAGE_CHARS - 1) + "…")
                .endsWith("(" + longMessage.length() + " chars)");
        assertThat(message.chars().filter(c -> Character.isSurrogate((char) c)).count()).isZero();
    }

    @Test
    void theSameResponseMapsToEqualDetailsEveryTime() {
        WireResponse response = Wire.response(502, HTML_502, "Content-Type", "text/html");

        assertThat(mapper.fromResponse(response, REQUEST_ID).details())
                .isEqualTo(
                        new ErrorMapper(new ApiKey("sk-other"))
                                .fromResponse(response, REQUEST_ID)
                                .details());
    }
}
