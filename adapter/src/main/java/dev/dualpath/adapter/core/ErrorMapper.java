package dev.dualpath.adapter.core;

import dev.dualpath.adapter.ApiKey;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.transport.WireResponse;

/**
 * Maps every way a call can fail to one {@link ProviderException}. It <em>returns</em> the
 * exception for the caller to throw, so no path can fall through without one (the Python
 * original's handler could return and leave {@code raw} unbound). Pure: no I/O, thread-safe.
 */
public final class ErrorMapper {

    private final ApiKey apiKey;

    /** @param apiKey removed from every message, in case a provider echoes it */
    public ErrorMapper(ApiKey apiKey) {
        this.apiKey = apiKey;
    }

    /**
     * Maps a non-2xx response. The status decides the class (400 bad request, 401 authentication,
     * 402 payment required, 403 permission denied, 404 not found, 409 conflict, 422 unprocessable,
     * 429 rate limit, 503 service unavailable, other ≥500 server error, anything else unexpected
     * status); the body only fills in the details, and a body that does not parse never hides the
     * status. Accepts Cerebras top-level bodies, OpenAI nested {@code {"error":{…}}},
     * {@code {"detail":…}}, vLLM numeric {@code code}, an object {@code message}, HTML and empty bodies.
     * Retryable: 408, 409, 429, ≥500, overridden by {@code x-should-retry: true|false}.
     *
     * @param response  a response whose status is not 2xx
     * @param requestId the call's correlation id
     * @return the exception to throw; never null
     */
    public ProviderException fromResponse(WireResponse response, String requestId) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Maps anything thrown or completed exceptionally on the way to a response: a
     * {@code TransportFailure} by its kind (timeouts keep their phase), a {@code ProviderException}
     * as itself, {@code CompletionException}/{@code ExecutionException} by their cause,
     * {@code CancellationException} and {@code InterruptedException} as cancelled, anything else
     * as a connection failure.
     *
     * @return the exception to throw; never null, never a wrapper
     */
    public ProviderException fromThrowable(Throwable failure, String requestId) {
        throw new UnsupportedOperationException("TODO");
    }

    /** A cancelled error for this call, e.g. after an interrupt while waiting. */
    public ProviderException cancelled(String requestId, Throwable cause) {
        throw new UnsupportedOperationException("TODO");
    }
}
