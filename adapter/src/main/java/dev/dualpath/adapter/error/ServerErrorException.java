package dev.dualpath.adapter.error;

/** 500 and other 5xx without a more specific class; retried by default. */
public final class ServerErrorException extends ProviderException {

    public ServerErrorException(ErrorDetails details, Throwable cause) {
        super(details, cause);
    }

    public ServerErrorException(ErrorDetails details) {
        this(details, null);
    }
}
