/**
 * The sealed {@code ProviderException} hierarchy: one final class per kind of outcome
 * (authentication, permission, not found, bad request, unprocessable, conflict, payment required,
 * rate limited, server error, service unavailable, unexpected status, timeout, connection failure,
 * malformed response, cancelled), each carrying {@code ErrorDetails} (status, provider type, code,
 * param, message, request id, whether it is retryable); {@code RateLimitInfo} and {@code
 * TimeoutPhase}. Which status maps to which class is in
 * docs/provider.md#statuses-and-error-classes.
 *
 * <p>A leaf: depends on no other package of the project, so every layer can throw and catch these.
 */
package dev.dualpath.adapter.error;
