package dev.dualpath.adapter.core;

import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.transport.WireResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Which failed attempts are tried again and after how long; one policy for the sync loop and the
 * async chain. Pure: the clock (for HTTP-date {@code retry-after}) and the jitter source are injected.
 *
 * <p>Defaults, as the official SDKs: 2 retries; retry what {@link ProviderException#retryable()}
 * says (connection errors, timeouts, 408, 409, 429, ≥500, with {@code x-should-retry} already
 * applied by the mapper); delay from {@code retry-after-ms}, else {@code retry-after} (seconds or an
 * HTTP date), honoured only when 0 &lt; delay ≤ {@code maxRetryAfter}; otherwise
 * {@code initialBackoff · 2^(attempt-1)} capped at {@code maxBackoff}, times a jitter in [0.75, 1.0].
 * Numbers never fall through to date parsing; negative, zero and garbage values fall back to backoff.
 *
 * @param maxRetries     retries after the first attempt; ≥ 0
 * @param initialBackoff first backoff before jitter; positive
 * @param maxBackoff     cap on the exponential backoff; ≥ initialBackoff
 * @param maxRetryAfter  largest server-requested delay honoured; positive
 * @param clock          for HTTP-date {@code retry-after}
 * @param jitter         returns a factor in [0.75, 1.0]
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
        Clock clock, DoubleSupplier jitter) {

    /** @throws IllegalArgumentException naming the field, on a negative count or non-positive duration */
    public RetryPolicy {
        // TODO validation
    }

    /** The SDK defaults with the system clock and random jitter. */
    public static RetryPolicy defaults() {
        throw new UnsupportedOperationException("TODO");
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * @param attemptsMade attempts made so far, ≥ 1
     * @param failure      what the last attempt ended with
     * @param response     the last attempt's response, or null when there was none
     */
    public RetryDecision decide(int attemptsMade, ProviderException failure, WireResponse response) {
        throw new UnsupportedOperationException("TODO");
    }
}
