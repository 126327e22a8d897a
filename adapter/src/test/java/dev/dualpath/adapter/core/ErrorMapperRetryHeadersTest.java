package dev.dualpath.adapter.core;

import static dev.dualpath.adapter.core.ErrorMapperFixtures.REQUEST_ID;
import static dev.dualpath.adapter.core.ProviderBodies.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.wire.WireResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The response headers that say when to retry: {@code x-should-retry} over the status rule, {@code
 * retry-after} and {@code retry-after-ms} parsed into a rate limit's delay, and the {@code
 * x-ratelimit-*} headers a {@link RateLimitException} carries. What the status and the body make of
 * an error is in {@link ErrorMapperResponseTest}.
 */
class ErrorMapperRetryHeadersTest {

    private final ErrorMapper mapper = ErrorMapperFixtures.mapper();

    @ParameterizedTest(name = "{0} with x-should-retry: {1} -> {2}")
    @CsvSource({
        "400, true, true",
        "400, TRUE, true",
        "401, ' true ', true",
        "500, false, false",
        "429, False, false",
        "503, false, false",
        "408, false, false",
        "500, maybe, true",
        "400, 1, false",
        "400, '', false"
    })
    void shouldRetryHeaderOverridesTheStatusRule(int status, String header, boolean retryable) {
        ProviderException e =
                mapper.fromResponse(
                        Wire.json(status, WRONG_API_KEY, "X-Should-Retry", header), REQUEST_ID);

        assertThat(e.retryable()).isEqualTo(retryable);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} ms")
    @CsvSource(
            nullValues = "null",
            value = {
                "retry-after-ms, 1500, 1500",
                "retry-after-ms, 0.5, 0.5",
                "retry-after, 2, 2000",
                "retry-after, 1.5, 1500",
                "retry-after, 86399, 86399000",
                "retry-after, 0, 0",
                "retry-after, -1, null",
                "retry-after-ms, -5, null",
                "retry-after, soon, null",
                "retry-after, 'Sun, 01 Jun 2025 12:00:30 GMT', 30000",
                "retry-after, 'Sun, 01 Jun 2025 11:59:00 GMT', null"
            })
    void rateLimitCarriesTheServerDelayAsParsed(
            String header, String value, Double expectedMillis) {
        RateLimitException e =
                (RateLimitException)
                        mapper.fromResponse(
                                Wire.json(429, TOKENS_PER_DAY, header, value), REQUEST_ID);

        Duration expected =
                expectedMillis == null
                        ? null
                        : Duration.ofNanos(Math.round(expectedMillis * 1_000_000));
        assertThat(e.rateLimit().retryAfter()).isEqualTo(expected);
    }

    @Test
    void rateLimitCarriesEveryRateLimitHeaderLowerCased() {
        WireResponse response =
                Wire.json(
                        429,
                        REQUESTS_PER_MINUTE,
                        "X-RateLimit-Limit-Requests-Day",
                        "14400",
                        "x-ratelimit-limit-tokens-minute",
                        "60000",
                        "X-RATELIMIT-REMAINING-REQUESTS-DAY",
                        "0",
                        "x-ratelimit-reset-tokens-minute",
                        "12.5",
                        "x-request-id",
                        "srv-1",
                        "retry-after",
                        "3");

        RateLimitException e = (RateLimitException) mapper.fromResponse(response, REQUEST_ID);

        assertThat(e.rateLimit().headers())
                .isEqualTo(
                        Map.of(
                                "x-ratelimit-limit-requests-day", "14400",
                                "x-ratelimit-limit-tokens-minute", "60000",
                                "x-ratelimit-remaining-requests-day", "0",
                                "x-ratelimit-reset-tokens-minute", "12.5"));
        assertThat(e.rateLimit().retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void rateLimitWithoutHeadersHasEmptyInfo() {
        RateLimitException e =
                (RateLimitException)
                        mapper.fromResponse(Wire.json(429, QUEUE_EXCEEDED), REQUEST_ID);

        assertThat(e.rateLimit().retryAfter()).isNull();
        assertThat(e.rateLimit().headers()).isEmpty();
    }
}
