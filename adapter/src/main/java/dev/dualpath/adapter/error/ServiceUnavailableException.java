package dev.dualpath.adapter.error;

/** 503 — the provider is overloaded or down; retried by default. */
public final class ServiceUnavailableException extends ProviderException {

    public ServiceUnavailableException(ErrorDetails details, Throwable cause) {
        super(details, cause);
    }

    public ServiceUnavailableException(ErrorDetails details) {
        this(details, null);
    }
}
