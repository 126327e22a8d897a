package dev.dualpath.adapter.core;

import dev.dualpath.adapter.error.MalformedResponseException;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import dev.dualpath.adapter.transport.WireResponse;
import java.time.Duration;

/**
 * Turns a 2xx response into a {@link UnifiedChatResponse} with metrics. Pure: no I/O, thread-safe.
 */
public final class ResponseProcessor {

    /** The provider name written into {@code ProviderMetadata}. */
    public static final String PROVIDER = "cerebras";

    /**
     * @param response  a 2xx response
     * @param duration  client wall time of the whole call so far
     * @param requestId the call's correlation id
     * @param attempts  how many attempts the call made
     * @return the unified response: reasoning from {@code message.reasoning}, else a leading
     *     {@code <think>…</think>} block (removed from the content); an absent or null content stays
     *     null; metrics from {@code time_info}; rate-limit headers and {@code x-request-id} in the metadata
     * @throws MalformedResponseException if the body is empty, not JSON, truncated, of wrong types,
     *     or an error object on a 2xx (status preserved in the details)
     */
    public UnifiedChatResponse process(WireResponse response, Duration duration, String requestId, int attempts) {
        throw new UnsupportedOperationException("TODO");
    }
}
