package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/**
 * What every {@link ProviderException} carries, as one comparable value: two paths that met the
 * same server behaviour produce exceptions of the same class with equal details.
 *
 * @param status the HTTP status, or 0 when no response was received
 * @param type the provider's error {@code type}, or null
 * @param code the provider's error {@code code} (a numeric code as its decimal string), or null
 * @param param the provider's error {@code param}, or null
 * @param message a human-readable message, never null; never contains the API key
 * @param requestId the client's correlation id for the call, or null
 * @param retryable whether the retry policy would try this outcome again
 */
public record ErrorDetails(
        int status,
        @Nullable String type,
        @Nullable String code,
        @Nullable String param,
        String message,
        @Nullable String requestId,
        boolean retryable) {

    public ErrorDetails {
        message = message == null ? "" : message;
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
        return new ErrorDetails(status, type, code, param, message, requestId, value);
    }
}
