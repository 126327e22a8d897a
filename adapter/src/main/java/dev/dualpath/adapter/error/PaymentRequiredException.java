package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/** 402 — the account has no credit. */
public final class PaymentRequiredException extends ProviderException {

    public PaymentRequiredException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public PaymentRequiredException(ErrorDetails details) {
        this(details, null);
    }
}
