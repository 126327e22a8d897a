package dev.dualpath.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.error.RateLimitInfo;
import dev.dualpath.adapter.error.TimeoutPhase;
import dev.dualpath.adapter.model.Choice;
import dev.dualpath.adapter.model.ProviderMetadata;
import dev.dualpath.adapter.model.ResponseMetrics;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.testkit.Normaliser;
import dev.dualpath.testkit.Outcome;
import dev.dualpath.testkit.RecordingSleeper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class NormaliserTest {

    private static final RecordingSleeper.Waits NO_WAITS = new RecordingSleeper.Waits(List.of(), 0);

    private static UnifiedChatResponse response(
            Duration duration, Duration ttfb, Double roundTrip, Double total) {
        return new UnifiedChatResponse(
                "id",
                "m",
                1L,
                null,
                null,
                List.of(new Choice(0, "stop", "assistant", "Hi", null, List.of())),
                null,
                new ResponseMetrics(duration, ttfb, roundTrip, 0.1, 0.2, 0.3, total, 10.0),
                new ProviderMetadata("cerebras", "r#0", null, 2, Map.of()));
    }

    @Test
    void responses_thatDifferOnlyInClientTiming_normaliseEqual() {
        Outcome a =
                Normaliser.normalise(
                        response(Duration.ofMillis(5), Duration.ofMillis(1), 0.001, 0.6),
                        null,
                        NO_WAITS);
        Outcome b =
                Normaliser.normalise(
                        response(Duration.ofMillis(900), null, 0.3, 0.6), null, NO_WAITS);

        assertThat(a).isEqualTo(b);
        assertThat(a.attempts()).as("from metadata").isEqualTo(2);
    }

    @Test
    void serverTimeInfo_isKept_soPathsThatParseItDifferentlyDisagree() {
        Outcome a = Normaliser.normalise(response(Duration.ZERO, null, null, 0.6), null, NO_WAITS);
        Outcome b = Normaliser.normalise(response(Duration.ZERO, null, null, 0.7), null, NO_WAITS);

        assertThat(a).isNotEqualTo(b);
        assertThat(OutcomeDiff.describe(a, b))
                .containsExactly("response.metrics.totalTimeSeconds: 0.6 vs 0.7");
    }

    @Test
    void errors_keepClassDetailsPhaseAndRateLimit_andCountAttemptsByFinishedWaits() {
        ErrorDetails d = ErrorDetails.noResponse("timed out", "r#0", true);
        RecordingSleeper.Waits waits =
                new RecordingSleeper.Waits(List.of(Duration.ofMillis(500)), 1);

        Outcome timeout =
                Normaliser.normalise(
                        null, new ProviderTimeoutException(d, TimeoutPhase.BODY), waits);
        Outcome limited =
                Normaliser.normalise(
                        null,
                        new RateLimitException(
                                new ErrorDetails(429, null, null, null, "m", "r#0", true),
                                new RateLimitInfo(
                                        Duration.ofSeconds(3), Map.of("x-ratelimit-a", "1"))),
                        NO_WAITS);

        assertThat(timeout.error().className()).isEqualTo("ProviderTimeoutException");
        assertThat(timeout.error().details()).isEqualTo(d);
        assertThat(timeout.error().phase()).isEqualTo(TimeoutPhase.BODY);
        assertThat(timeout.attempts()).isEqualTo(2);
        assertThat(timeout.sleeps()).containsExactly(Duration.ofMillis(500));
        assertThat(limited.error().rateLimit().retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aWrapperLeakedToTheCaller_isAForeignFailure_notAProviderException() {
        Outcome o =
                Normaliser.normalise(
                        null, new CompletionException(new IllegalStateException("x")), NO_WAITS);

        assertThat(o.error().isProviderException()).isFalse();
        assertThat(o.error().className()).isEqualTo("java.util.concurrent.CompletionException");
    }

    @Test
    void normalise_requiresExactlyOneOfResponseAndFailure() {
        assertThatThrownBy(() -> Normaliser.normalise(null, null, NO_WAITS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
