package dev.dualpath.adapter.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The call ran out of time in a known {@link TimeoutPhase}; retried by default as a connection
 * error is.
 */
public final class ProviderTimeoutException extends ProviderException {

    private final TimeoutPhase phase;

    public ProviderTimeoutException(
            ErrorDetails details, TimeoutPhase phase, @Nullable Throwable cause) {
        super(details, cause);
        this.phase = Objects.requireNonNull(phase, "phase");
    }

    public ProviderTimeoutException(ErrorDetails details, TimeoutPhase phase) {
        this(details, phase, null);
    }

    /** The phase that timed out. */
    public TimeoutPhase phase() {
        return phase;
    }
}
