package dev.dualpath.adapter.error;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What every {@link ProviderException} carries, as one comparable value: two paths that met the
 * same server behaviour produce exceptions of the same class with equal details (response headers
 * that differ per exchange, such as {@code date}, aside).
 *
 * @param status the HTTP status, or 0 when no response was received
 * @param type the provider's error {@code type}, or null
 * @param code the provider's error {@code code} (a numeric code as its decimal string), or null
 * @param param the provider's error {@code param}, or null
 * @param message a human-readable message, never null; never contains the API key
 * @param requestId the client's correlation id for the call, or null
 * @param providerRequestId the server's own id for the request (its {@code x-request-id} response
 *     header), or null when there was no response or no such header: what the provider's support
 *     asks for
 * @param headers the response headers, lower-cased names to their values in order, read-only (the
 *     API key masked in any value that echoes it); empty when no response was received; never null
 * @param retryable whether the retry policy would try this outcome again
 */
public record ErrorDetails(
        int status,
        @Nullable String type,
        @Nullable String code,
        @Nullable String param,
        String message,
        @Nullable String requestId,
        @Nullable String providerRequestId,
        Map<String, List<String>> headers,
        boolean retryable) {

    /** Copies {@code headers} into a read-only map sorted by lower-cased name. */
    public ErrorDetails {
        message = message == null ? "" : message;
        headers = readOnly(headers);
    }

    /** Details without a provider request id or headers (no response, or none kept). */
    public ErrorDetails(
            int status,
            @Nullable String type,
            @Nullable String code,
            @Nullable String param,
            String message,
            @Nullable String requestId,
            boolean retryable) {
        this(status, type, code, param, message, requestId, null, Map.of(), retryable);
    }

    /**
     * Details for an outcome with no HTTP response (timeouts, connection failures, cancellation).
     */
    public static ErrorDetails noResponse(
            String message, @Nullable String requestId, boolean retryable) {
        return new ErrorDetails(0, null, null, null, message, requestId, retryable);
    }

    /** A copy with another retryable flag (e.g. after an {@code x-should-retry} override). */
    public ErrorDetails withRetryable(boolean value) {
        return new ErrorDetails(
                status, type, code, param, message, requestId, providerRequestId, headers, value);
    }

    /** A copy with other headers (read-only, as in the canonical constructor). */
    public ErrorDetails withHeaders(Map<String, List<String>> value) {
        return new ErrorDetails(
                status, type, code, param, message, requestId, providerRequestId, value, retryable);
    }

    /** The first value of a response header (any case), or null. */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> readOnly(Map<String, List<String>> headers) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, List<String>> copy = new TreeMap<>();
        headers.forEach(
                (name, values) -> {
                    if (name != null && values != null) {
                        copy.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values));
                    }
                });
        return Collections.unmodifiableMap(copy);
    }
}
