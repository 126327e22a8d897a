package dev.dualpath.adapter.error;

/** 409 — a conflicting request; retried by default. */
public final class ConflictException extends ProviderException {

    public ConflictException(ErrorDetails details, Throwable cause) {
        super(details, cause);
    }

    public ConflictException(ErrorDetails details) {
        this(details, null);
    }
}
