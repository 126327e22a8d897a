package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/**
 * No HTTP response at all: connection refused or reset, an empty or garbage response, a malformed
 * chunk; retried by default.
 */
public final class ConnectionFailureException extends ProviderException {

    public ConnectionFailureException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public ConnectionFailureException(ErrorDetails details) {
        this(details, null);
    }
}
