package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/**
 * The call was cancelled by the caller: its future was cancelled, or the calling thread was
 * interrupted. When thrown because of an interrupt, the thread's interrupt flag has been restored.
 * Never retried.
 */
public final class CancelledException extends ProviderException {

    public CancelledException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public CancelledException(ErrorDetails details) {
        this(details, null);
    }

    /** The one message every path uses, so that two paths' cancellations compare equal. */
    public static final String MESSAGE = "the call was cancelled";

    /**
     * The cancellation error of a call, identical on every path.
     *
     * @param requestId the call's correlation id, or null
     * @param cause what signalled the cancellation (an interrupt, a cancelled future), or null
     */
    public static CancelledException of(@Nullable String requestId, @Nullable Throwable cause) {
        return new CancelledException(ErrorDetails.noResponse(MESSAGE, requestId, false), cause);
    }
}
