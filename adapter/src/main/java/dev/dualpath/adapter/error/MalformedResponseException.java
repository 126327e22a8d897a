package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/**
 * A response that could not be understood: truncated or invalid JSON, HTML or an empty body on a
 * 200, wrong field types, or a 200 that carries an error object.
 */
public final class MalformedResponseException extends ProviderException {

    public MalformedResponseException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public MalformedResponseException(ErrorDetails details) {
        this(details, null);
    }
}
