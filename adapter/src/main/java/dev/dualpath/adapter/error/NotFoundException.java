package dev.dualpath.adapter.error;

/** 404 — unknown model or path. */
public final class NotFoundException extends ProviderException {

    public NotFoundException(ErrorDetails details, Throwable cause) {
        super(details, cause);
    }

    public NotFoundException(ErrorDetails details) {
        this(details, null);
    }
}
