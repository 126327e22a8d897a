package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.MalformedResponseException;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.ServerErrorException;
import dev.dualpath.adapter.model.ChatMessage;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Properties of the pure helpers over generated inputs. */
class CorePropertiesTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final List<String> KNOWN_BODIES =
            List.of(
                    ProviderBodies.WRONG_API_KEY,
                    ProviderBodies.OPENAI_NESTED,
                    ProviderBodies.VLLM,
                    ProviderBodies.DETAIL_ARRAY,
                    ProviderBodies.OBJECT_MESSAGE,
                    ProviderBodies.HTML_502,
                    ResponseProcessorTest.FULL,
                    ResponseProcessorTest.MINIMAL);

    /** Random bytes, and every known body cut at a random point. */
    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        Arbitrary<byte[]> cut =
                Arbitraries.of(KNOWN_BODIES)
                        .map(s -> s.getBytes(StandardCharsets.UTF_8))
                        .flatMap(
                                b ->
                                        Arbitraries.integers()
                                                .between(0, b.length)
                                                .map(n -> Arrays.copyOf(b, n)));
        return Arbitraries.oneOf(random, cut);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(
                "application/json",
                "text/html",
                "text/plain; charset=utf-8",
                "application/octet-stream",
                "");
    }

    @Property(tries = 500)
    void mapperNeverThrowsAndAlwaysKeepsTheStatus(
            @ForAll("bodies") byte[] body,
            @ForAll @IntRange(min = 100, max = 599) int status,
            @ForAll("contentTypes") String contentType) {
        WireResponse response = Wire.response(status, body, "content-type", contentType);

        ProviderException e =
                new ErrorMapper(new ApiKey("sk-prop"), CLOCK).fromResponse(response, "r");

        assertThat(e.status()).isEqualTo(status);
        assertThat(e.details().message())
                .isNotBlank()
                .hasSizeLessThanOrEqualTo(Messages.MAX_MESSAGE_CHARS + 20);
        assertThat(e.getMessage()).startsWith("HTTP " + status + ": ");
    }

    @Property(tries = 500)
    void processorEitherSucceedsOrReportsMalformedWithTheStatus(
            @ForAll("bodies") byte[] body, @ForAll @IntRange(min = 200, max = 299) int status) {
        WireResponse response = Wire.response(status, body, "content-type", "application/json");
        try {
            assertThat(new ResponseProcessor().process(response, Duration.ofMillis(1), "r", 1))
                    .isNotNull();
        } catch (MalformedResponseException e) {
            assertThat(e.details())
                    .extracting(ErrorDetails::status, ErrorDetails::retryable)
                    .containsExactly(status, false);
        }
    }

    @Property(tries = 200)
    void throwableMappingUnwrapsAnyNestingOfWrappers(
            @ForAll @IntRange(max = 20) int depth,
            @ForAll TransportFailure.Kind kind,
            @ForAll boolean executionFirst) {
        TransportFailure inner = new TransportFailure(kind, "x", null);
        Throwable t = inner;
        boolean execution = executionFirst;
        for (int i = 0; i < depth; i++) {
            t = execution ? new ExecutionException(t) : new CompletionException(t);
            execution = !execution;
        }

        ProviderException e = new ErrorMapper(new ApiKey("k")).fromThrowable(t, "r");

        assertThat(e.getCause()).isSameAs(inner);
        // A cancel and a request the client refused before sending are not worth another attempt.
        assertThat(e.retryable())
                .isEqualTo(
                        kind != TransportFailure.Kind.CANCELLED
                                && kind != TransportFailure.Kind.REJECTED);
    }

    @Property(tries = 500)
    void backoffIsAlwaysWithinTheJitterBandOfTheCappedExponential(
            @ForAll @IntRange(min = 1, max = 200) int attempt,
            @ForAll @DoubleRange(min = 0.75, max = 1.0) double jitter) {
        RetryPolicy policy = RetryPolicy.defaults().withMaxRetries(1000).withJitter(() -> jitter);
        double cappedSeconds = Math.min(0.5 * Math.pow(2, attempt - 1), 8.0);

        RetryDecision decision = policy.decide(attempt, serverError(), null);

        Duration delay = ((RetryDecision.RetryAfter) decision).delay();
        assertThat(delay.toNanos() / 1e9)
                .isBetween(0.75 * cappedSeconds - 1e-9, cappedSeconds + 1e-9)
                .isCloseTo(cappedSeconds * jitter, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Property(tries = 500)
    void anyRetryAfterValueGivesAnHonouredDelayOrTheBackoff(
            @ForAll("retryAfterValues") String value, @ForAll boolean millis) {
        RetryPolicy policy = RetryPolicy.defaults().withClock(CLOCK);
        WireResponse response =
                Wire.response(503, "", millis ? "retry-after-ms" : "retry-after", value);

        Duration delay =
                ((RetryDecision.RetryAfter) policy.decide(1, serverError(), response)).delay();

        assertThat(delay).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Provide
    Arbitrary<String> retryAfterValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.-+eE ,:GMTSunJ").ofMaxLength(12),
                Arbitraries.doubles().between(-1e6, 1e6).map(String::valueOf),
                Arbitraries.strings().ofMaxLength(30));
    }

    @Property(tries = 300)
    void anyMessageTextRoundTripsThroughTheEncoder(@ForAll String content) throws IOException {
        RequestEncoder encoder =
                new RequestEncoder(URI.create("http://127.0.0.1:1"), new ApiKey("k"));

        byte[] body = encoder.encodeBody(ChatRequest.of("m", List.of(ChatMessage.user(content))));

        assertThat(Json.MAPPER.readTree(body).at("/messages/0/content").textValue())
                .isEqualTo(content);
    }

    private static ProviderException serverError() {
        return new ServerErrorException(new ErrorDetails(500, null, null, null, "boom", "r", true));
    }
}
