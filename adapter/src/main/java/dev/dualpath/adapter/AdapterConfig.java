package dev.dualpath.adapter;

import dev.dualpath.adapter.core.RetryPolicy;
import dev.dualpath.adapter.core.Sleeper;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.transport.TransportConfig;
import java.net.URI;
import java.util.Objects;

/**
 * Everything a {@link CerebrasAdapter} is built from, apart from its transport.
 *
 * @param baseUrl the provider's base URL, e.g. {@code https://api.cerebras.ai}
 * @param apiKey the secret; never printed
 * @param retries the retry policy shared by both paths
 * @param sleeper how retries wait (real time, or recorded in tests)
 * @param continuations which executor runs the async path's continuations
 */
public record AdapterConfig(
        URI baseUrl,
        ApiKey apiKey,
        RetryPolicy retries,
        Sleeper sleeper,
        ContinuationExecutor continuations) {

    /**
     * @throws NullPointerException naming the field, if any is null
     */
    public AdapterConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(continuations, "continuations");
    }

    /** Defaults: SDK retry policy, real sleeps, an adapter-owned continuation pool. */
    public static AdapterConfig of(URI baseUrl, ApiKey apiKey) {
        return new AdapterConfig(
                baseUrl,
                apiKey,
                RetryPolicy.defaults(),
                Sleeper.REAL,
                ContinuationExecutor.OWNED_POOL);
    }

    public AdapterConfig withRetries(RetryPolicy value) {
        return new AdapterConfig(baseUrl, apiKey, value, sleeper, continuations);
    }

    public AdapterConfig withSleeper(Sleeper value) {
        return new AdapterConfig(baseUrl, apiKey, retries, value, continuations);
    }

    public AdapterConfig withContinuations(ContinuationExecutor value) {
        return new AdapterConfig(baseUrl, apiKey, retries, sleeper, value);
    }

    /**
     * The official SDKs' transport defaults (connect 5 s, 60 s per attempt, see {@link
     * TransportConfig#DEFAULTS} and docs/provider.md#retries), unless a caller says otherwise.
     */
    public static TransportConfig defaultTransportConfig() {
        return TransportConfig.DEFAULTS;
    }
}
