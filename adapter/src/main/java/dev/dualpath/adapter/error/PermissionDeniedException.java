package dev.dualpath.adapter.error;

/** 403 — the key may not use this resource (also {@code {"detail":"Not authenticated"}}). */
public final class PermissionDeniedException extends ProviderException {

    public PermissionDeniedException(ErrorDetails details, Throwable cause) {
        super(details, cause);
    }

    public PermissionDeniedException(ErrorDetails details) {
        this(details, null);
    }
}
