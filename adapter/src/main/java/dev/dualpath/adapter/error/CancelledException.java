package dev.dualpath.adapter.error;

/**
 * The call was cancelled by the caller: its future was cancelled, or the calling thread was
 * interrupted. When thrown because of an interrupt, the thread's interrupt flag has been restored.
 * Never retried.
 */
public final class CancelledException extends ProviderException {

    public CancelledException(ErrorDetails details, Throwable cause) {
        super(details, cause);
    }

    public CancelledException(ErrorDetails details) {
        this(details, null);
    }
}
