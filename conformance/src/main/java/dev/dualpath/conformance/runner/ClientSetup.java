package dev.dualpath.conformance.runner;

import dev.dualpath.conformance.scenario.ClientConfig;
import dev.dualpath.testkit.RecordingSleeper;
import java.net.URI;
import java.util.Objects;

/**
 * What a path needs to build its client for one scenario.
 *
 * @param baseUrl the fake provider's base URL for this scenario ({@code http://127.0.0.1:PORT}, no
 *     trailing slash; chat requests go to {@code /v1/chat/completions})
 * @param config timeouts, retries (use {@link ClientConfig#retryPolicy()}: jitter 1.0 and the
 *     scenario's clock)
 * @param sleeper the sleeper every retry wait must go through, so the runner sees the waits and can
 *     act during a backoff; it really waits
 * @param maxConnections connections the client's pool should allow per route (≥ the run's
 *     concurrent calls)
 * @param apiKey a dummy key to send; never a real secret
 */
public record ClientSetup(
        URI baseUrl,
        ClientConfig config,
        RecordingSleeper sleeper,
        int maxConnections,
        String apiKey) {

    /** The key every runner-built client sends; the fake accepts any key. */
    public static final String TEST_API_KEY = "sk-conformance-test-key";

    /**
     * @throws NullPointerException naming the field, if one is null
     * @throws IllegalArgumentException if {@code maxConnections < 1}
     */
    public ClientSetup {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(apiKey, "apiKey");
        if (maxConnections < 1) {
            throw new IllegalArgumentException(
                    "maxConnections must be >= 1, was " + maxConnections);
        }
    }

    @Override
    public String toString() {
        return "ClientSetup["
                + baseUrl
                + ", "
                + config
                + ", maxConnections="
                + maxConnections
                + "]";
    }
}
