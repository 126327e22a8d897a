package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/** 404 — unknown model or path. */
public final class NotFoundException extends ProviderException {

    public NotFoundException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public NotFoundException(ErrorDetails details) {
        this(details, null);
    }
}
