package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/** 403 — the key may not use this resource (also {@code {"detail":"Not authenticated"}}). */
public final class PermissionDeniedException extends ProviderException {

    public PermissionDeniedException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public PermissionDeniedException(ErrorDetails details) {
        this(details, null);
    }
}
