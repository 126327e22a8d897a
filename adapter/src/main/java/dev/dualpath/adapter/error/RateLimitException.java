package dev.dualpath.adapter.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** 429 — requests, tokens or queue limit exceeded; retried by default. */
public final class RateLimitException extends ProviderException {

    private final transient RateLimitInfo rateLimit;

    public RateLimitException(
            ErrorDetails details, RateLimitInfo rateLimit, @Nullable Throwable cause) {
        super(details, cause);
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
    }

    public RateLimitException(ErrorDetails details, RateLimitInfo rateLimit) {
        this(details, rateLimit, null);
    }

    /** The server's retry-after and rate-limit headers. */
    public RateLimitInfo rateLimit() {
        return rateLimit;
    }
}
