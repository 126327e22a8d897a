package dev.dualpath.testkit;

import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.RateLimitInfo;
import dev.dualpath.adapter.error.TimeoutPhase;

/**
 * How a call failed, as compared between paths.
 *
 * @param className the simple class name of the {@code ProviderException} subclass, or the full
 *     class name of anything else thrown (a "foreign" failure, always a mismatch)
 * @param details the exception's details; null for a foreign failure
 * @param phase the timeout phase of a {@code ProviderTimeoutException}, else null
 * @param rateLimit the retry-after and headers of a {@code RateLimitException}, else null
 * @param foreign the message of a foreign failure, else null
 */
public record ErrorOutcome(
        String className,
        ErrorDetails details,
        TimeoutPhase phase,
        RateLimitInfo rateLimit,
        String foreign) {

    /** Whether this failure is a {@code ProviderException}, the only kind the contract allows. */
    public boolean isProviderException() {
        return details != null;
    }
}
