package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/** 500 and other 5xx without a more specific class; retried by default. */
public final class ServerErrorException extends ProviderException {

    public ServerErrorException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public ServerErrorException(ErrorDetails details) {
        this(details, null);
    }
}
