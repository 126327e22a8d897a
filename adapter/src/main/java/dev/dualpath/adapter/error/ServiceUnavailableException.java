package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/** 503 — the provider is overloaded or down; retried by default. */
public final class ServiceUnavailableException extends ProviderException {

    public ServiceUnavailableException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public ServiceUnavailableException(ErrorDetails details) {
        this(details, null);
    }
}
