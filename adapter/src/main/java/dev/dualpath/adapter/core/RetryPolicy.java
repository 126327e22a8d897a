package dev.dualpath.adapter.core;

import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.RateLimitException;
import dev.dualpath.adapter.wire.WireResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Which failed attempts are tried again and after how long; one policy for the sync loop and the
 * async chain. Pure: the clock (for HTTP-date {@code retry-after}) and the jitter source are
 * injected.
 *
 * <p>Defaults, as the official SDKs: 2 retries; retry what {@link ProviderException#retryable()}
 * says (connection errors, timeouts, 408, 409, 429, ≥500, with {@code x-should-retry} already
 * applied by the mapper); delay from {@code retry-after-ms}, else {@code retry-after} (seconds or
 * an HTTP date), honoured only when 0 &lt; delay ≤ {@code maxRetryAfter}; otherwise {@code
 * initialBackoff · 2^(attempt-1)} capped at {@code maxBackoff}, times a jitter in [0.75, 1.0].
 * Numbers never fall through to date parsing; negative, zero and garbage values fall back to
 * backoff. A server asking for more than {@code maxRetryAfter} (e.g. {@code Retry-After: 86399} on
 * a daily token quota) also gets the capped backoff, never a day's sleep.
 *
 * @param maxRetries retries after the first attempt; ≥ 0
 * @param initialBackoff first backoff before jitter; positive
 * @param maxBackoff cap on the exponential backoff; ≥ initialBackoff
 * @param maxRetryAfter largest server-requested delay honoured; positive
 * @param clock for HTTP-date {@code retry-after}
 * @param jitter returns a factor in [0.75, 1.0]
 */
public record RetryPolicy(
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        Clock clock,
        DoubleSupplier jitter) {

    static final double MIN_JITTER = 0.75;
    static final double MAX_JITTER = 1.0;

    /** One shared instance, so that {@code defaults().equals(defaults())}. */
    private static final DoubleSupplier RANDOM_JITTER = RetryPolicy::randomJitter;

    private static double randomJitter() {
        return MIN_JITTER + (MAX_JITTER - MIN_JITTER) * ThreadLocalRandom.current().nextDouble();
    }

    /**
     * @throws IllegalArgumentException naming the field, on a negative count or non-positive
     *     duration
     */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(maxRetryAfter, "maxRetryAfter");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff must be >= initialBackoff, was "
                            + maxBackoff
                            + " < "
                            + initialBackoff);
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        if (jitter == null) {
            throw new IllegalArgumentException("jitter must not be null");
        }
    }

    private static void requirePositive(Duration d, String field) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(field + " must be a positive duration, was " + d);
        }
    }

    /**
     * The SDK defaults with the system clock and random jitter: 2 retries, 0.5 s initial backoff, 8
     * s cap, server delays honoured up to 60 s, jitter uniform in [0.75, 1.0).
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(
                2,
                Duration.ofMillis(500),
                Duration.ofSeconds(8),
                Duration.ofSeconds(60),
                Clock.systemUTC(),
                RANDOM_JITTER);
    }

    /** No retries at all (otherwise as {@link #defaults()}). */
    public static RetryPolicy none() {
        return defaults().withMaxRetries(0);
    }

    /**
     * This policy with another retry count.
     *
     * @throws IllegalArgumentException if negative
     */
    public RetryPolicy withMaxRetries(int value) {
        return new RetryPolicy(value, initialBackoff, maxBackoff, maxRetryAfter, clock, jitter);
    }

    /**
     * This policy with another jitter source, e.g. {@code () -> 1.0} for exact, repeatable delays.
     *
     * @throws IllegalArgumentException if null
     */
    public RetryPolicy withJitter(DoubleSupplier value) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxRetryAfter, clock, value);
    }

    /**
     * This policy measuring HTTP-date {@code retry-after} from another clock.
     *
     * @throws IllegalArgumentException if null
     */
    public RetryPolicy withClock(Clock value) {
        return new RetryPolicy(
                maxRetries, initialBackoff, maxBackoff, maxRetryAfter, value, jitter);
    }

    /**
     * Decides whether to retry after an attempt, and how long to wait first.
     *
     * @param attemptsMade attempts made so far, ≥ 1
     * @param failure what the last attempt ended with
     * @param response the last attempt's response, or null when there was none
     * @return {@link RetryDecision#STOP} when attempts are used up ({@code attemptsMade >
     *     maxRetries}), the failure is not retryable, or it is a cancellation; otherwise how long
     *     to wait
     * @throws IllegalArgumentException if {@code attemptsMade < 1} or {@code failure} is null
     * @throws IllegalStateException if the jitter source returns a factor outside [0.75, 1.0]
     */
    public RetryDecision decide(
            int attemptsMade, ProviderException failure, @Nullable WireResponse response) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attemptsMade must be >= 1, was " + attemptsMade);
        }
        if (failure == null) {
            throw new IllegalArgumentException("failure must not be null");
        }
        if (attemptsMade > maxRetries
                || !failure.retryable()
                || failure instanceof CancelledException) {
            return RetryDecision.STOP;
        }
        Duration asked = serverDelay(failure, response);
        if (asked != null && !asked.isZero() && asked.compareTo(maxRetryAfter) <= 0) {
            return new RetryDecision.RetryAfter(asked);
        }
        return new RetryDecision.RetryAfter(backoff(attemptsMade));
    }

    /**
     * From the response headers (a 503 may carry them too), else from a 429's already-parsed info.
     */
    private @Nullable Duration serverDelay(
            ProviderException failure, @Nullable WireResponse response) {
        if (response != null) {
            return RetryAfterParser.parse(response, clock);
        }
        return failure instanceof RateLimitException rateLimitException
                ? rateLimitException.rateLimit().retryAfter()
                : null;
    }

    /** {@code min(initialBackoff · 2^(attemptsMade-1), maxBackoff) · jitter}, without overflow. */
    Duration backoff(int attemptsMade) {
        Duration capped = initialBackoff;
        for (int i = 1; i < attemptsMade && capped.compareTo(maxBackoff) < 0; i++) {
            capped = capped.multipliedBy(2);
        }
        if (capped.compareTo(maxBackoff) > 0) {
            capped = maxBackoff;
        }
        double factor = jitter.getAsDouble();
        if (!(factor >= MIN_JITTER && factor <= MAX_JITTER)) {
            throw new IllegalStateException(
                    "jitter must return a factor in [0.75, 1.0], returned " + factor);
        }
        return Duration.ofNanos(Math.round(capped.toNanos() * factor));
    }
}
