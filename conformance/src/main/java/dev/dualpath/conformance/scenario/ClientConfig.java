package dev.dualpath.conformance.scenario;

import dev.dualpath.adapter.core.RetryPolicy;
import dev.dualpath.adapter.transport.TransportConfig;
import dev.dualpath.conformance.fake.InvalidFieldException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How the runner configures the adapter for one scenario.
 *
 * @param connectTimeout TCP connect limit; positive
 * @param readTimeout longest silence while waiting for headers or between body bytes; positive
 * @param requestTimeout limit for one attempt, headers and body; positive
 * @param maxRetries retries after the first attempt, 0..5
 * @param clock the instant the retry policy's clock is fixed at (for HTTP-date {@code
 *     retry-after}), or null for the system clock
 */
public record ClientConfig(
        Duration connectTimeout,
        Duration readTimeout,
        Duration requestTimeout,
        int maxRetries,
        Instant clock) {

    /**
     * Connect 5 s, read 10 s, request 20 s, no retries, system clock. Generous on purpose: in a
     * scenario that does not set them, timeouts are not what is tested, and no healthy call comes
     * near them even on a machine running two builds at once (100 parallel calls on 2 busy CPUs
     * took over a second to connect and to answer with the earlier 1 s limits); a scenario about
     * timeouts sets its own, tight ones.
     */
    public static final ClientConfig DEFAULTS =
            new ClientConfig(
                    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), 0, null);

    /**
     * The backoff before jitter, as the official SDKs (docs/provider.md#retries): 0.5 s · 2^(n-1),
     * capped at 8 s.
     */
    public static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);

    /** The cap on the exponential backoff. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    /** The largest server-requested delay honoured. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    /**
     * Validates every field.
     *
     * @throws InvalidFieldException naming the field as the scenario file spells it (e.g. {@code
     *     "connectTimeoutMs"} or {@code "maxRetries"})
     */
    public ClientConfig {
        requirePositive(connectTimeout, "connectTimeoutMs");
        requirePositive(readTimeout, "readTimeoutMs");
        requirePositive(requestTimeout, "requestTimeoutMs");
        if (maxRetries < 0 || maxRetries > 5) {
            throw new InvalidFieldException("maxRetries", "must be 0..5, was " + maxRetries);
        }
    }

    /**
     * These limits as a transport configuration with {@code maxConnections} pooled connections per
     * route.
     */
    public TransportConfig transportConfig(int maxConnections) {
        return new TransportConfig(connectTimeout, readTimeout, requestTimeout, maxConnections);
    }

    /**
     * The retry policy every scenario expectation assumes: the SDK defaults, {@code maxRetries}
     * from here, this clock, and a fixed jitter of 1.0 so that {@code expect.sleepsMs} is exact.
     */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(
                maxRetries, INITIAL_BACKOFF, MAX_BACKOFF, MAX_RETRY_AFTER, retryClock(), () -> 1.0);
    }

    /** A clock fixed at {@link #clock()}, or the system UTC clock when it is null. */
    public Clock retryClock() {
        return clock == null ? Clock.systemUTC() : Clock.fixed(clock, ZoneOffset.UTC);
    }

    private static void requirePositive(Duration d, String field) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new InvalidFieldException(
                    field, "must be positive, was " + (d == null ? null : d.toMillis()));
        }
    }
}
