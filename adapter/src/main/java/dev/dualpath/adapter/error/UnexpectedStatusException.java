package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/**
 * A status outside the documented taxonomy (e.g. 408, 418, or any non-2xx the mapper has no class
 * for). 408 is retried by default, others are not.
 */
public final class UnexpectedStatusException extends ProviderException {

    public UnexpectedStatusException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public UnexpectedStatusException(ErrorDetails details) {
        this(details, null);
    }
}
