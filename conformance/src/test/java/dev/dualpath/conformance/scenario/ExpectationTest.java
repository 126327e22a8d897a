package dev.dualpath.conformance.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.error.RateLimitInfo;
import dev.dualpath.adapter.error.TimeoutPhase;
import dev.dualpath.adapter.model.Choice;
import dev.dualpath.adapter.model.ProviderMetadata;
import dev.dualpath.adapter.model.ResponseMetrics;
import dev.dualpath.adapter.model.ToolCall;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.model.Usage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The partial matching the runner relies on, checked against hand-built outcomes. */
class ExpectationTest {

    private static final UnifiedChatResponse RESPONSE =
            new UnifiedChatResponse(
                    "chatcmpl-1",
                    "llama-3.3-70b",
                    1735689600L,
                    "fp_1",
                    null,
                    List.of(
                            new Choice(
                                    0,
                                    "tool_calls",
                                    "assistant",
                                    null,
                                    "thinking",
                                    List.of(
                                            new ToolCall(
                                                    "call_1",
                                                    "function",
                                                    "get_weather",
                                                    "{\"city\":\"Paris\"}")))),
                    new Usage(10, 3, 13, null, 5L),
                    new ResponseMetrics(
                            Duration.ofMillis(5), null, 0.001, 0.0001, 0.002, 0.5, 0.51, 6.0),
                    new ProviderMetadata(
                            "cerebras",
                            "rid",
                            "req-9",
                            1,
                            Map.of("x-ratelimit-remaining-requests-day", "7")));

    private static Scenario scenario(String expectJson) {
        String json =
                "{\"id\":\"s\",\"description\":\"d\",\"group\":\"g\",\"server\":{\"attempts\":[{}]},\"expect\":"
                        + expectJson
                        + "}";
        return ScenarioCatalog.parse("scenarios/g/s.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static Observation success(UnifiedChatResponse r) {
        return new Observation(r, null, 1, List.of(), 1, 0);
    }

    @Test
    void matchingPartialResponse_hasNoMismatches() {
        Expectation e =
                scenario(
                                """
                                {"response":{"id":"chatcmpl-1","content":null,"reasoning":"thinking","serviceTier":null,
                                 "choices":[{"finishReason":"tool_calls","toolCalls":[{"functionName":"get_weather",
                                 "argumentsJson":"{\\"city\\":\\"Paris\\"}"}]}],
                                 "usage":{"totalTokens":13,"cachedTokens":null,"reasoningTokens":5},
                                 "timeInfo":{"completionTimeSeconds":0.5,"completionTokensPerSecond":6.0},
                                 "providerRequestId":"req-9","rateLimit":{"x-ratelimit-remaining-requests-day":"7"}},
                                 "attempts":1,"serverRequests":1}\
                                """)
                        .expect();

        assertThat(e.mismatches(success(RESPONSE))).isEmpty();
    }

    @Test
    void everyDifferingField_isNamed() {
        Expectation e =
                scenario(
                                """
                                {"response":{"content":"Hello","usage":null,"timeInfo":null,"choices":2,
                                 "rateLimit":{"x-ratelimit-remaining-requests-day":"8"}},"attempts":2}\
                                """)
                        .expect();

        assertThat(e.mismatches(success(RESPONSE)))
                .containsExactly(
                        "response.content: expected \"Hello\" but was null",
                        "response.choices.size: expected 2 but was 1",
                        "response.usage: expected no usage but was " + RESPONSE.usage(),
                        "response.metrics: expected no server timing but metrics were "
                                + RESPONSE.metrics(),
                        "response.metadata.rateLimit.x-ratelimit-remaining-requests-day: expected 8"
                                + " but was 7",
                        "attempts: expected 2 but was 1");
    }

    @Test
    void textShape_checksLengthAndPrefixOfLargeContent() {
        Expectation matching =
                scenario("{\"response\":{\"reasoning\":{\"length\":8,\"startsWith\":\"think\"}}}")
                        .expect();
        Expectation tooLong = scenario("{\"response\":{\"reasoning\":{\"length\":9}}}").expect();

        assertThat(matching.mismatches(success(RESPONSE))).isEmpty();
        assertThat(tooLong.mismatches(success(RESPONSE)))
                .containsExactly("response.reasoning: expected length 9 but was 8");
    }

    @Test
    void expectedResponse_butAnError_saysWhichError() {
        Expectation e = scenario("{\"response\":{\"content\":\"x\"}}").expect();
        RateLimitException error =
                new RateLimitException(
                        new ErrorDetails(
                                429,
                                "too_many_requests_error",
                                "request_quota_exceeded",
                                "quota",
                                "slow down",
                                null,
                                true),
                        new RateLimitInfo(null, Map.of()));

        assertThat(e.mismatches(new Observation(null, error, 1, List.of(), 1, 0)))
                .singleElement()
                .asString()
                .startsWith("expected a response but the call failed with RateLimitException");
    }

    @Test
    void expectedError_checksClassDetailsAndRetryAfter() {
        Expectation e =
                scenario(
                                """
                                {"error":{"class":"RateLimitException","status":429,"code":"request_quota_exceeded","param":"quota",
                                 "retryable":true,"retryAfterMs":86399000,"rateLimit":{"x-ratelimit-limit-requests-day":"14400"}},
                                 "sleepsMs":[500]}\
                                """)
                        .expect();
        RateLimitException error =
                new RateLimitException(
                        new ErrorDetails(
                                429,
                                "too_many_tokens_error",
                                "token_quota_exceeded",
                                "quota",
                                "m",
                                null,
                                true),
                        new RateLimitInfo(null, Map.of("x-ratelimit-limit-requests-day", "14400")));

        assertThat(
                        e.mismatches(
                                new Observation(
                                        null, error, 2, List.of(Duration.ofMillis(500)), 2, 0)))
                .containsExactly(
                        "error.code: expected \"request_quota_exceeded\" but was"
                                + " \"token_quota_exceeded\"",
                        "error.retryAfter: expected PT23H59M59S but was null");
    }

    @Test
    void expectedTimeout_checksThePhase() {
        Expectation e =
                scenario("{\"error\":{\"class\":\"ProviderTimeoutException\",\"phase\":\"BODY\"}}")
                        .expect();
        ProviderTimeoutException error =
                new ProviderTimeoutException(
                        ErrorDetails.noResponse("slow", null, true), TimeoutPhase.HEADERS);

        assertThat(e.mismatches(new Observation(null, error, 1, List.of(), 1, 0)))
                .containsExactly("error.phase: expected BODY but was HEADERS");
    }

    @Test
    void clientClosedSocket_requiresAnAbortSeenByTheServer() {
        Expectation e =
                scenario(
                                "{\"error\":{\"class\":\"CancelledException\"},\"clientClosedSocket\":true}")
                        .expect();
        var error =
                new dev.dualpath.adapter.error.CancelledException(
                        ErrorDetails.noResponse("cancelled", null, false));

        assertThat(e.mismatches(new Observation(null, error, 1, List.of(), 1, 0)))
                .containsExactly(
                        "clientClosedSocket: expected the server to see the socket closed, it did"
                                + " not");
        assertThat(e.mismatches(new Observation(null, error, 1, List.of(), 1, 1))).isEmpty();
    }

    @Test
    void runMismatches_checkTheServerCountOfTheWholeRun() {
        Expectation e = scenario("{\"response\":{},\"serverRequests\":2}").expect();

        assertThat(e.callMismatches(new Observation(RESPONSE, null, 1, List.of(), 1, 0))).isEmpty();
        assertThat(e.runMismatches(1)).containsExactly("serverRequests: expected 2 but was 1");
        assertThat(e.runMismatches(2)).isEmpty();
    }
}
