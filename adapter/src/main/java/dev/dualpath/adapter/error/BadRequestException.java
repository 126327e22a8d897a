package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/** 400 — the request was rejected as malformed or invalid. */
public final class BadRequestException extends ProviderException {

    public BadRequestException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public BadRequestException(ErrorDetails details) {
        this(details, null);
    }
}
