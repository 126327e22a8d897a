package dev.dualpath.adapter.error;

/** 402 — the account has no credit. */
public final class PaymentRequiredException extends ProviderException {

    public PaymentRequiredException(ErrorDetails details, Throwable cause) {
        super(details, cause);
    }

    public PaymentRequiredException(ErrorDetails details) {
        this(details, null);
    }
}
