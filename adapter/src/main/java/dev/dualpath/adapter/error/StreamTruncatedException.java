package dev.dualpath.adapter.error;

import org.jspecify.annotations.Nullable;

/**
 * A streamed response ended early: the connection closed cleanly before {@code data: [DONE]}, or
 * {@code [DONE]} came while a choice still had no finish reason. Never a success: the chunks
 * delivered before it are all the caller gets. Status is the stream's (2xx); retryable, as a cut
 * connection is, but the adapter itself never retries a stream once a chunk was delivered (the
 * caller would see text twice).
 */
public final class StreamTruncatedException extends ProviderException {

    public StreamTruncatedException(ErrorDetails details, @Nullable Throwable cause) {
        super(details, cause);
    }

    public StreamTruncatedException(ErrorDetails details) {
        this(details, null);
    }
}
