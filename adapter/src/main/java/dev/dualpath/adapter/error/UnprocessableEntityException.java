package dev.dualpath.adapter.error;

/** 422 — the request was well-formed but could not be processed. */
public final class UnprocessableEntityException extends ProviderException {

    public UnprocessableEntityException(ErrorDetails details, Throwable cause) {
        super(details, cause);
    }

    public UnprocessableEntityException(ErrorDetails details) {
        this(details, null);
    }
}
