package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/** 401 — the API key is missing, wrong or revoked. */
public final class AuthenticationException extends ProviderException {

    public AuthenticationException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public AuthenticationException(ErrorDetails details) {
        this(details, null);
    }
}
