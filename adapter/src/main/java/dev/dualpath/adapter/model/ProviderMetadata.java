package dev.dualpath.adapter.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a response came from.
 *
 * @param provider the provider name, e.g. {@code cerebras}
 * @param requestId the client's correlation id for the call
 * @param providerRequestId the server's {@code x-request-id} header, or null
 * @param attempts how many HTTP attempts the call made (1 without retries)
 * @param rateLimit the {@code x-ratelimit-*} response headers, lower-cased names; never null
 */
public record ProviderMetadata(
        String provider,
        String requestId,
        @Nullable String providerRequestId,
        int attempts,
        Map<String, String> rateLimit) {

    public ProviderMetadata {
        rateLimit = rateLimit == null ? Map.of() : Map.copyOf(rateLimit);
    }
}
