package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/** 422 — the request was well-formed but could not be processed. */
public final class UnprocessableEntityException extends ProviderException {

    public UnprocessableEntityException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public UnprocessableEntityException(ErrorDetails details) {
        this(details, null);
    }
}
