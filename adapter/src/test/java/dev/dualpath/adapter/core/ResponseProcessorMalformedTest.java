package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.MalformedResponseException;
import dev.dualpath.adapter.wire.WireResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResponseProcessorMalformedTest {

    private final ResponseProcessor processor = new ResponseProcessor();

    private static final String OK_CHOICE =
            "{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"c\"}}";

    static Stream<Arguments> malformedBodies() {
        String html =
                "<html><head><title>Just a moment...</title></head><body>checking</body></html>";
        return Stream.of(
                Arguments.of("empty", Wire.json(200, ""), "empty response body"),
                Arguments.of("whitespace", Wire.json(200, "  \n"), "empty response body"),
                Arguments.of(
                        "html on 200",
                        Wire.response(200, html, "Content-Type", "text/html"),
                        "non-JSON response body (text/html, "
                                + html.length()
                                + " bytes): Just a moment..."),
                Arguments.of(
                        "plain text",
                        Wire.response(200, "OK", "Content-Type", "text/plain"),
                        "non-JSON response body (text/plain, 2 bytes): OK"),
                Arguments.of(
                        "truncated",
                        Wire.json(200, "{\"id\":\"x\",\"choices\":[{\"index\":0,"),
                        "truncated JSON response body (32 bytes)"),
                Arguments.of(
                        "truncated after a key",
                        Wire.json(200, "{\"id\":\"x\",\"choices\""),
                        "truncated JSON response body (19 bytes)"),
                Arguments.of(
                        "truncated in a literal",
                        Wire.json(200, "{\"choices\":[],\"x\":tr"),
                        "truncated JSON response body (20 bytes)"),
                Arguments.of(
                        "truncated before whitespace",
                        Wire.json(200, "{\"choices\":[], \n"),
                        "truncated JSON response body (16 bytes)"),
                Arguments.of(
                        "truncated in a string",
                        Wire.json(200, "{\"id\":\"x"),
                        "truncated JSON response body (8 bytes)"),
                Arguments.of(
                        "invalid json",
                        Wire.json(200, "{\"id\":\"x\",}"),
                        "invalid JSON response body at line 1, column 11 (11 bytes)"),
                Arguments.of(
                        "trailing garbage",
                        Wire.json(200, "{\"choices\":[]} extra"),
                        "invalid JSON response body at line 1, column 21 (20 bytes)"),
                Arguments.of(
                        "array",
                        Wire.json(200, "[1,2]"),
                        "response body is an array, expected a JSON object"),
                Arguments.of(
                        "string",
                        Wire.json(200, "\"hi\""),
                        "response body is a string, expected a JSON object"),
                Arguments.of(
                        "number",
                        Wire.json(200, "42"),
                        "response body is a number, expected a JSON object"),
                Arguments.of(
                        "null",
                        Wire.json(200, "null"),
                        "response body is null, expected a JSON object"),
                Arguments.of(
                        "no choices",
                        Wire.json(200, "{\"id\":\"x\"}"),
                        "malformed response body: choices: missing"),
                Arguments.of(
                        "choices null",
                        Wire.json(200, "{\"choices\":null}"),
                        "malformed response body: choices: missing"),
                Arguments.of(
                        "choices object",
                        Wire.json(200, "{\"choices\":{}}"),
                        "malformed response body: choices: expected an array, got an object"),
                Arguments.of(
                        "choice a string",
                        Wire.json(200, "{\"choices\":[\"x\"]}"),
                        "malformed response body: choices[0]: expected an object, got a string"),
                Arguments.of(
                        "content a number",
                        Wire.json(
                                200,
                                "{\"choices\":[" + OK_CHOICE + ",{\"message\":{\"content\":42}}]}"),
                        "malformed response body: choices[1].message.content: expected a string,"
                                + " got a number"),
                Arguments.of(
                        "content parts array",
                        Wire.json(
                                200,
                                "{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\"}]}}]}"),
                        "malformed response body: choices[0].message.content: expected a string,"
                                + " got an array"),
                Arguments.of(
                        "message a string",
                        Wire.json(200, "{\"choices\":[{\"message\":\"hi\"}]}"),
                        "malformed response body: choices[0].message: expected an object, got a"
                                + " string"),
                Arguments.of(
                        "index a string",
                        Wire.json(200, "{\"choices\":[{\"index\":\"0\"}]}"),
                        "malformed response body: choices[0].index: expected an integer, got a"
                                + " string"),
                Arguments.of(
                        "index fractional",
                        Wire.json(200, "{\"choices\":[{\"index\":0.5}]}"),
                        "malformed response body: choices[0].index: expected an integer, got a"
                                + " number"),
                Arguments.of(
                        "finish reason a number",
                        Wire.json(200, "{\"choices\":[{\"finish_reason\":1}]}"),
                        "malformed response body: choices[0].finish_reason: expected a string, got"
                                + " a number"),
                Arguments.of(
                        "tool arguments an object",
                        Wire.json(
                                200,
                                "{\"choices\":[{\"message\":{\"tool_calls\":"
                                    + "[{\"id\":\"t\",\"function\":{\"name\":\"f\",\"arguments\":{}}}]}}]}"),
                        "malformed response body:"
                                + " choices[0].message.tool_calls[0].function.arguments: expected a"
                                + " string, got an object"),
                Arguments.of(
                        "tool calls an object",
                        Wire.json(200, "{\"choices\":[{\"message\":{\"tool_calls\":{}}}]}"),
                        "malformed response body: choices[0].message.tool_calls: expected an array,"
                                + " got an object"),
                Arguments.of(
                        "prompt tokens non-numeric string",
                        Wire.json(200, "{\"choices\":[],\"usage\":{\"prompt_tokens\":\"many\"}}"),
                        "malformed response body: usage.prompt_tokens: expected an integer, got a"
                                + " string"),
                Arguments.of(
                        "prompt tokens numeric string",
                        Wire.json(200, "{\"choices\":[],\"usage\":{\"prompt_tokens\":\"12\"}}"),
                        "malformed response body: usage.prompt_tokens: expected an integer, got a"
                                + " string"),
                Arguments.of(
                        "cached tokens a boolean",
                        Wire.json(
                                200,
                                "{\"choices\":[],\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\":true}}}"),
                        "malformed response body: usage.prompt_tokens_details.cached_tokens:"
                                + " expected an integer, got a boolean"),
                Arguments.of(
                        "usage an array",
                        Wire.json(200, "{\"choices\":[],\"usage\":[]}"),
                        "malformed response body: usage: expected an object, got an array"),
                Arguments.of(
                        "total time a string",
                        Wire.json(200, "{\"choices\":[],\"time_info\":{\"total_time\":\"0.1\"}}"),
                        "malformed response body: time_info.total_time: expected a number, got a"
                                + " string"),
                Arguments.of(
                        "created a string",
                        Wire.json(200, "{\"choices\":[],\"created\":\"1700000000\"}"),
                        "malformed response body: created: expected a number, got a string"),
                Arguments.of(
                        "created too big",
                        Wire.json(200, "{\"choices\":[],\"created\":1e300}"),
                        "malformed response body: created: number out of range"),
                Arguments.of(
                        "id a number",
                        Wire.json(200, "{\"choices\":[],\"id\":5}"),
                        "malformed response body: id: expected a string, got a number"),
                Arguments.of(
                        "tokens too big",
                        Wire.json(
                                200,
                                "{\"choices\":[],\"usage\":{\"total_tokens\":99999999999999999999}}"),
                        "malformed response body: usage.total_tokens: integer out of range"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodiesAreRejectedWithTheStatusKept(
            String name, WireResponse response, String message) {
        MalformedResponseException e =
                catchThrowableOfType(
                        MalformedResponseException.class,
                        () -> processor.process(response, Duration.ofMillis(3), "req-5", 2));

        assertThat(e.details())
                .isEqualTo(
                        new ErrorDetails(200, null, null, null, message, "req-5", false)
                                .withHeaders(response.headers()));
    }

    static Stream<Arguments> errorObjectsOnA200() {
        return Stream.of(
                Arguments.of(
                        "openai nested",
                        ProviderBodies.OPENAI_NESTED,
                        200,
                        new ErrorDetails(
                                200,
                                "invalid_request_error",
                                "invalid_api_key",
                                null,
                                "error object in a 2xx response: Incorrect API key provided",
                                "req-5",
                                false)),
                Arguments.of(
                        "stream-style error with status_code",
                        "{\"error\":{\"message\":\"Requests per minute limit"
                            + " exceeded\",\"type\":\"too_many_requests_error\","
                            + "\"param\":\"quota\",\"code\":\"request_quota_exceeded\"},\"status_code\":429}",
                        200,
                        new ErrorDetails(
                                200,
                                "too_many_requests_error",
                                "request_quota_exceeded",
                                "quota",
                                "error object in a 2xx response: Requests per minute limit"
                                        + " exceeded",
                                "req-5",
                                false)),
                Arguments.of(
                        "cerebras top level",
                        ProviderBodies.WRONG_API_KEY,
                        200,
                        new ErrorDetails(
                                200,
                                "invalid_request_error",
                                "wrong_api_key",
                                "api_key",
                                "error object in a 2xx response: Wrong API Key",
                                "req-5",
                                false)),
                Arguments.of(
                        "vllm on 201",
                        ProviderBodies.VLLM,
                        201,
                        new ErrorDetails(
                                201,
                                "BadRequestError",
                                "400",
                                null,
                                "error object in a 2xx response: max_tokens must be at least 1, got"
                                        + " 0.",
                                "req-5",
                                false)),
                Arguments.of(
                        "vllm without type",
                        "{\"object\":\"error\",\"message\":\"oom\",\"code\":500}",
                        200,
                        new ErrorDetails(
                                200,
                                null,
                                "500",
                                null,
                                "error object in a 2xx response: oom",
                                "req-5",
                                false)),
                Arguments.of(
                        "error beside choices",
                        "{\"choices\":[],\"error\":{\"message\":\"partial\"}}",
                        200,
                        new ErrorDetails(
                                200,
                                null,
                                null,
                                null,
                                "error object in a 2xx response: partial",
                                "req-5",
                                false)),
                Arguments.of(
                        "detail",
                        ProviderBodies.NOT_AUTHENTICATED,
                        200,
                        new ErrorDetails(
                                200,
                                null,
                                null,
                                null,
                                "error object in a 2xx response: Not authenticated",
                                "req-5",
                                false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorObjectsOnA200")
    void anErrorObjectOnASuccessStatusCarriesTheProviderFields(
            String name, String body, int status, ErrorDetails expected) {
        WireResponse response = Wire.json(status, body);
        MalformedResponseException e =
                catchThrowableOfType(
                        MalformedResponseException.class,
                        () -> processor.process(response, Duration.ofMillis(3), "req-5", 2));

        assertThat(e.details()).isEqualTo(expected.withHeaders(response.headers()));
    }
}
