package dev.dualpath.adapter.error;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a 429 said about when to come back.
 *
 * @param retryAfter the delay the server asked for ({@code retry-after-ms} or {@code retry-after}),
 *     as parsed, uncapped; null when absent or unparseable. The retry policy decides whether to
 *     honour it.
 * @param headers the {@code x-ratelimit-*} headers, lower-cased names; never null
 */
public record RateLimitInfo(@Nullable Duration retryAfter, Map<String, String> headers) {

    public RateLimitInfo {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
