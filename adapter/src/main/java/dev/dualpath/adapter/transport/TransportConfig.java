package dev.dualpath.adapter.transport;

import java.time.Duration;

/**
 * Limits for one transport.
 *
 * @param connectTimeout time allowed to establish a connection; positive
 * @param readTimeout longest silence allowed while waiting for headers or between body bytes;
 *     positive. This is what stops a stalled body: the JDK client's own request timeout covers only
 *     the headers.
 * @param requestTimeout time allowed for one attempt, headers and body; positive
 * @param maxConnections pool size per route; positive, at least the number of concurrent callers
 */
public record TransportConfig(
        Duration connectTimeout,
        Duration readTimeout,
        Duration requestTimeout,
        int maxConnections) {

    /**
     * The official SDKs' timeouts (docs/provider.md#retries): connect 5 s, request 60 s per
     * attempt, and a read timeout of 60 s (the longest silence between bytes). 64 pooled
     * connections per route: a pool smaller than the number of concurrent callers makes a benchmark
     * measure the wait for a connection (docs/calibration.md#pool-sizes).
     */
    public static final TransportConfig DEFAULTS =
            new TransportConfig(
                    Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(60), 64);

    /**
     * @throws IllegalArgumentException naming the field, if a timeout is null or not positive, or
     *     the pool is empty
     */
    public TransportConfig {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxConnections <= 0) {
            throw new IllegalArgumentException(
                    "maxConnections must be positive, was " + maxConnections);
        }
    }

    static void requirePositive(Duration d, String field) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(field + " must be a positive duration, was " + d);
        }
    }

    public TransportConfig withReadTimeout(Duration value) {
        return new TransportConfig(connectTimeout, value, requestTimeout, maxConnections);
    }

    public TransportConfig withRequestTimeout(Duration value) {
        return new TransportConfig(connectTimeout, readTimeout, value, maxConnections);
    }

    public TransportConfig withConnectTimeout(Duration value) {
        return new TransportConfig(value, readTimeout, requestTimeout, maxConnections);
    }

    public TransportConfig withMaxConnections(int value) {
        return new TransportConfig(connectTimeout, readTimeout, requestTimeout, value);
    }
}
