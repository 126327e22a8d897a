package dev.dualpath.adapter.error;

/** 400 — the request was rejected as malformed or invalid. */
public final class BadRequestException extends ProviderException {

    public BadRequestException(ErrorDetails details, Throwable cause) {
        super(details, cause);
    }

    public BadRequestException(ErrorDetails details) {
        this(details, null);
    }
}
