package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.adapter.error.BadRequestException;
import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ConnectionFailureException;
import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.error.RateLimitInfo;
import dev.dualpath.adapter.error.ServiceUnavailableException;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.WireResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final ProviderException UNAVAILABLE =
            new ServiceUnavailableException(
                    new ErrorDetails(503, null, null, null, "busy", "r", true));

    private final RetryPolicy policy =
            RetryPolicy.defaults().withClock(CLOCK).withJitter(() -> 1.0);

    @ParameterizedTest(name = "{0}: ''{1}'' -> {2}")
    @CsvSource(
            nullValues = "backoff",
            value = {
                "retry-after-ms, 1500, PT1.5S",
                "retry-after-ms, 250.5, PT0.2505S",
                "retry-after-ms, 60000, PT60S",
                "retry-after, 2, PT2S",
                "retry-after, 1.5, PT1.5S",
                "retry-after, ' 3 ', PT3S",
                "retry-after, 1e1, PT10S",
                "retry-after, 60, PT60S",
                "retry-after, 'Sun, 01 Jun 2025 12:00:30 GMT', PT30S",
                "retry-after, 'Sun, 01 Jun 2025 12:01:00 GMT', PT60S",
                "retry-after, 60.001, backoff",
                "retry-after, 86399, backoff",
                "retry-after-ms, 60001, backoff",
                "retry-after, 0, backoff",
                "retry-after-ms, 0, backoff",
                "retry-after, -1, backoff",
                "retry-after, -0.5, backoff",
                "retry-after, soon, backoff",
                "retry-after, '', backoff",
                "retry-after, NaN, backoff",
                "retry-after, Infinity, backoff",
                "retry-after, 0x10, backoff",
                "retry-after, 12abc, backoff",
                "retry-after, 'Sun, 01 Jun 2025 11:59:00 GMT', backoff",
                "retry-after, 'Sun, 01 Jun 2025 13:00:00 GMT', backoff",
                // Valid RFC 1123 without the day name, 30 s ahead: it starts like a number,
                // so it is never read as a date.
                "retry-after, '01 Jun 2025 12:00:30 GMT', backoff"
            })
    void serverDelayIsHonouredOnlyWhenPositiveAndAtMostAMinute(
            String header, String value, Duration expected) {
        RetryDecision decision =
                policy.decide(1, UNAVAILABLE, Wire.response(503, "", header, value));

        assertThat(decision)
                .isEqualTo(
                        new RetryDecision.RetryAfter(expected == null ? FIRST_BACKOFF : expected));
    }

    @ParameterizedTest(name = "retry-after-ms ''{0}'' with retry-after 3 -> {1}")
    @CsvSource(
            nullValues = "backoff",
            value = {
                "garbage, PT3S",
                "'', PT3S",
                "2000, PT2S",
                // A number, even a negative one, is the answer: the SDKs do not fall through then.
                "-5, backoff"
            })
    void millisecondsHeaderWinsWhenItIsANumber(String millis, Duration expected) {
        WireResponse response =
                Wire.response(429, "", "retry-after-ms", millis, "retry-after", "3");

        assertThat(policy.decide(1, UNAVAILABLE, response))
                .isEqualTo(
                        new RetryDecision.RetryAfter(expected == null ? FIRST_BACKOFF : expected));
    }

    @Test
    void backoffDoublesFromHalfASecondUpToEightSeconds() {
        RetryPolicy many = policy.withMaxRetries(10);

        assertThat(Stream.of(1, 2, 3, 4, 5, 6, 7).map(n -> many.decide(n, UNAVAILABLE, null)))
                .containsExactly(
                        retryAfterMillis(500),
                        retryAfterMillis(1000),
                        retryAfterMillis(2000),
                        retryAfterMillis(4000),
                        retryAfterMillis(8000),
                        retryAfterMillis(8000),
                        retryAfterMillis(8000));
    }

    @Test
    void jitterScalesTheBackoff() {
        RetryPolicy lowJitter = policy.withMaxRetries(10).withJitter(() -> 0.75);

        assertThat(lowJitter.decide(1, UNAVAILABLE, null)).isEqualTo(retryAfterMillis(375));
        assertThat(lowJitter.decide(9, UNAVAILABLE, null)).isEqualTo(retryAfterMillis(6000));
    }

    @Test
    void backoffDoesNotOverflowOnAHugeAttemptCount() {
        RetryPolicy endless = policy.withMaxRetries(Integer.MAX_VALUE);

        assertThat(endless.decide(Integer.MAX_VALUE, UNAVAILABLE, null))
                .isEqualTo(retryAfterMillis(8000));
    }

    @ParameterizedTest(name = "maxRetries {0}, attempts made {1} -> retry {2}")
    @CsvSource({
        "2, 1, true",
        "2, 2, true",
        "2, 3, false",
        "0, 1, false",
        "1, 1, true",
        "1, 2, false"
    })
    void stopsWhenTheRetriesAreUsedUp(int maxRetries, int attemptsMade, boolean retries) {
        RetryDecision decision =
                policy.withMaxRetries(maxRetries).decide(attemptsMade, UNAVAILABLE, null);

        assertThat(decision instanceof RetryDecision.RetryAfter).isEqualTo(retries);
    }

    @Test
    void noneNeverRetries() {
        assertThat(RetryPolicy.none().maxRetries()).isZero();
        assertThat(RetryPolicy.none().decide(1, UNAVAILABLE, null)).isEqualTo(RetryDecision.STOP);
    }

    @Test
    void shouldRetryFalseOnA500StopsThroughTheMapper() {
        WireResponse response =
                Wire.json(
                        500,
                        "{\"message\":\"boom\"}",
                        "x-should-retry",
                        "false",
                        "retry-after",
                        "1");
        ProviderException failure =
                new ErrorMapper(new ApiKey("k"), CLOCK).fromResponse(response, "r");

        assertThat(policy.decide(1, failure, response)).isEqualTo(RetryDecision.STOP);
    }

    @Test
    void shouldRetryTrueOnA400RetriesThroughTheMapper() {
        WireResponse response = Wire.json(400, "{\"message\":\"bad\"}", "x-should-retry", "true");
        ProviderException failure =
                new ErrorMapper(new ApiKey("k"), CLOCK).fromResponse(response, "r");

        assertThat(policy.decide(1, failure, response)).isEqualTo(retryAfterMillis(500));
    }

    static Stream<Arguments> stoppingFailures() {
        return Stream.of(
                Arguments.of(
                        new BadRequestException(
                                new ErrorDetails(400, null, null, null, "bad", "r", false))),
                // Even if something marked a cancellation retryable, it must stop.
                Arguments.of(
                        new CancelledException(
                                ErrorDetails.noResponse("the call was cancelled", "r", true))),
                Arguments.of(
                        new CancelledException(
                                ErrorDetails.noResponse("the call was cancelled", "r", false))));
    }

    @ParameterizedTest
    @MethodSource("stoppingFailures")
    void nonRetryableAndCancelledFailuresStop(ProviderException failure) {
        assertThat(policy.decide(1, failure, Wire.response(503, "", "retry-after", "1")))
                .isEqualTo(RetryDecision.STOP);
    }

    @Test
    void withoutAResponseTheRateLimitInfoDelayIsUsed() {
        RateLimitException limited =
                new RateLimitException(
                        new ErrorDetails(429, null, null, null, "slow", "r", true),
                        new RateLimitInfo(Duration.ofSeconds(4), Map.of()));

        assertThat(policy.decide(1, limited, null))
                .isEqualTo(new RetryDecision.RetryAfter(Duration.ofSeconds(4)));
    }

    @Test
    void aConnectionFailureWithoutAResponseBacksOff() {
        ProviderException failure =
                new ConnectionFailureException(ErrorDetails.noResponse("refused", "r", true));

        assertThat(policy.decide(2, failure, null)).isEqualTo(retryAfterMillis(1000));
    }

    @Test
    void defaultsAreTheSdkDefaults() {
        RetryPolicy d = RetryPolicy.defaults();

        assertThat(d.maxRetries()).isEqualTo(2);
        assertThat(d.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(d.maxBackoff()).isEqualTo(Duration.ofSeconds(8));
        assertThat(d.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d).isEqualTo(RetryPolicy.defaults());
        for (int i = 0; i < 1000; i++) {
            assertThat(d.jitter().getAsDouble()).isBetween(0.75, 1.0);
        }
    }

    @Test
    void withersChangeOnlyTheirField() {
        DoubleSupplier jitter = () -> 0.8;
        RetryPolicy changed =
                RetryPolicy.defaults().withMaxRetries(5).withJitter(jitter).withClock(CLOCK);

        assertThat(changed)
                .isEqualTo(
                        new RetryPolicy(
                                5,
                                Duration.ofMillis(500),
                                Duration.ofSeconds(8),
                                Duration.ofSeconds(60),
                                CLOCK,
                                jitter));
    }

    static Stream<Arguments> invalidPolicies() {
        Duration s = Duration.ofSeconds(1);
        DoubleSupplier j = () -> 1.0;
        return Stream.of(
                Arguments.of((Runnable) () -> new RetryPolicy(-1, s, s, s, CLOCK, j), "maxRetries"),
                Arguments.of(
                        (Runnable) () -> new RetryPolicy(1, null, s, s, CLOCK, j),
                        "initialBackoff"),
                Arguments.of(
                        (Runnable) () -> new RetryPolicy(1, Duration.ZERO, s, s, CLOCK, j),
                        "initialBackoff"),
                Arguments.of(
                        (Runnable) () -> new RetryPolicy(1, s, s.negated(), s, CLOCK, j),
                        "maxBackoff"),
                Arguments.of(
                        (Runnable) () -> new RetryPolicy(1, s, s, Duration.ZERO, CLOCK, j),
                        "maxRetryAfter"),
                Arguments.of(
                        (Runnable) () -> new RetryPolicy(1, s.multipliedBy(2), s, s, CLOCK, j),
                        "maxBackoff must be >= initialBackoff"),
                Arguments.of((Runnable) () -> new RetryPolicy(1, s, s, s, null, j), "clock"),
                Arguments.of((Runnable) () -> new RetryPolicy(1, s, s, s, CLOCK, null), "jitter"),
                Arguments.of(
                        (Runnable) () -> RetryPolicy.defaults().withMaxRetries(-3), "maxRetries"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidPolicies")
    void invalidPoliciesAreRejectedNamingTheField(Runnable build, String field) {
        assertThatThrownBy(build::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(field);
    }

    @Test
    void badArgumentsToDecideAreRejected() {
        assertThatThrownBy(() -> policy.decide(0, UNAVAILABLE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attemptsMade");
        assertThatThrownBy(() -> policy.decide(1, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failure");
        assertThatThrownBy(() -> policy.withJitter(() -> 1.5).decide(1, UNAVAILABLE, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jitter");
    }

    private static RetryDecision retryAfterMillis(long millis) {
        return new RetryDecision.RetryAfter(Duration.ofMillis(millis));
    }
}
