package dev.dualpath.adapter.core;

import dev.dualpath.adapter.ApiKey;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.transport.WireRequest;
import java.net.URI;

/**
 * Turns a {@link ChatRequest} into the bytes and headers of {@code POST /v1/chat/completions}.
 * Pure: no I/O, thread-safe.
 */
public final class RequestEncoder {

    private final URI endpoint;
    private final ApiKey apiKey;

    /**
     * @param baseUrl the provider's base URL, e.g. {@code http://127.0.0.1:8080}; a trailing
     *                {@code /v1} or slash is accepted
     * @param apiKey  the key sent as a bearer token
     */
    public RequestEncoder(URI baseUrl, ApiKey apiKey) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The absolute URI of the chat-completions endpoint. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * The JSON body: {@code model}, {@code messages}, each optional field that is set
     * ({@code max_completion_tokens}, {@code temperature}, {@code top_p}, {@code seed}, {@code stop},
     * {@code n}, {@code reasoning_effort}, {@code reasoning_format}), then {@code extraBody} entries.
     * {@code stream} is always false here.
     */
    public byte[] encodeBody(ChatRequest request) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * The whole request: body plus {@code Authorization}, {@code Content-Type: application/json},
     * {@code Accept: application/json}, {@code X-Request-Id: requestId}.
     */
    public WireRequest encode(ChatRequest request, String requestId) {
        throw new UnsupportedOperationException("TODO");
    }
}
