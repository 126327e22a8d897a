package dev.dualpath.adapter.core;

import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.WireRequest;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a {@link ChatRequest} into the bytes and headers of {@code POST /v1/chat/completions}.
 * Pure: no I/O, thread-safe.
 *
 * <p>The body is UTF-8 JSON, byte-for-byte deterministic for equal requests. {@code stream} is left
 * out rather than sent as {@code false} (non-streaming is the API's default) and is sent as {@code
 * true} by {@link #encodeStream}; whether a call streams is decided by the method called, so a
 * {@code stream} entry in {@code extraBody} is rejected.
 */
public final class RequestEncoder {

    static final String PATH = "/v1/chat/completions";

    private final URI endpoint;

    /**
     * {@code apiKey.bearer()}, built once rather than per call; never printed (no toString here).
     */
    private final String bearer;

    /**
     * @param baseUrl the provider's base URL, e.g. {@code http://127.0.0.1:8080}; a trailing {@code
     *     /v1} or slash is accepted
     * @param apiKey the key sent as a bearer token
     * @throws IllegalArgumentException if {@code baseUrl} is null, not an absolute http(s) URI with
     *     a host, or has a query or fragment; or {@code apiKey} is null
     */
    public RequestEncoder(URI baseUrl, ApiKey apiKey) {
        this.endpoint = endpointFor(baseUrl);
        if (apiKey == null) {
            throw new IllegalArgumentException("apiKey must not be null");
        }
        this.bearer = apiKey.bearer();
    }

    static URI endpointFor(URI baseUrl) {
        if (baseUrl == null) {
            throw new IllegalArgumentException("baseUrl must not be null");
        }
        String scheme = baseUrl.getScheme();
        if (!baseUrl.isAbsolute()
                || baseUrl.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(
                    "baseUrl must be an absolute http(s) URI with a host, was " + baseUrl);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "baseUrl must not have a query or fragment, was " + baseUrl);
        }
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.endsWith("/v1")) {
            base = base.substring(0, base.length() - 3);
        }
        return URI.create(base + PATH);
    }

    /** The absolute URI of the chat-completions endpoint. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * The JSON body: {@code model}, {@code messages}, each optional field that is set ({@code
     * max_completion_tokens}, {@code temperature}, {@code top_p}, {@code seed}, {@code stop},
     * {@code n}, {@code reasoning_effort}, {@code reasoning_format}), then {@code extraBody}
     * entries. {@code stream} is always false here (left out, the API's default).
     *
     * <p>{@code extraBody} entries come in key order (the request's map has no stable order of its
     * own) and replace a field of the same name in its place, as the SDKs' {@code extra_body} does.
     *
     * @return UTF-8 JSON bytes
     * @throws IllegalArgumentException naming the field, if {@code temperature} or {@code topP} is
     *     not finite, {@code extraBody} has a {@code stream} entry, or an {@code extraBody} value
     *     cannot be written as JSON
     */
    public byte[] encodeBody(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        return RequestBodyWriter.write(request);
    }

    /**
     * The whole request: body plus {@code Authorization}, {@code Content-Type: application/json},
     * {@code Accept: application/json}, {@code X-Request-Id: requestId}.
     *
     * @throws IllegalArgumentException as {@link #encodeBody}, or if {@code requestId} is blank or
     *     holds a control character (it would split the header)
     */
    public WireRequest encode(ChatRequest request, String requestId) {
        return encode(request, requestId, false);
    }

    /**
     * As {@link #encode}, asking for an event stream: {@code "stream":true} in the body (after the
     * standard fields, before the {@code extraBody} entries) and {@code Accept: text/event-stream}.
     *
     * @throws IllegalArgumentException as {@link #encode}
     */
    public WireRequest encodeStream(ChatRequest request, String requestId) {
        return encode(request, requestId, true);
    }

    private WireRequest encode(ChatRequest request, String requestId, boolean stream) {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("requestId must not be blank");
        }
        for (int i = 0; i < requestId.length(); i++) {
            if (Character.isISOControl(requestId.charAt(i))) {
                throw new IllegalArgumentException("requestId must not contain control characters");
            }
        }
        Objects.requireNonNull(request, "request");
        byte[] body = RequestBodyWriter.write(request, stream);
        // Map.of is immutable already, so WireRequest (which keeps an unordered copy anyway)
        // does not copy it again.
        return new WireRequest(
                endpoint,
                "POST",
                Map.of(
                        "Authorization",
                        bearer,
                        "Content-Type",
                        "application/json",
                        "Accept",
                        stream ? "text/event-stream" : "application/json",
                        "X-Request-Id",
                        requestId),
                body);
    }
}
