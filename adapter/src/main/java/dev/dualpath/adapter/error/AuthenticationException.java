package dev.dualpath.adapter.error;

/** 401 — the API key is missing, wrong or revoked. */
public final class AuthenticationException extends ProviderException {

    public AuthenticationException(ErrorDetails details, Throwable cause) {
        super(details, cause);
    }

    public AuthenticationException(ErrorDetails details) {
        this(details, null);
    }
}
