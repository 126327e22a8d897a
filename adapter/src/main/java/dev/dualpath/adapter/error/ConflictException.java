package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/** 409 — a conflicting request; retried by default. */
public final class ConflictException extends ProviderException {

    public ConflictException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public ConflictException(ErrorDetails details) {
        this(details, null);
    }
}
