package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.TransportFailure;
import org.jspecify.annotations.Nullable;

/**
 * The one place that spells {@link TransportFailure} messages. Every transport builds its failures
 * here, so the same server behaviour yields the same kind and the same message from every
 * transport; the client-specific exception travels only as the cause.
 */
final class Failures {

    static final String CONNECT_TIMEOUT = "connect timed out";
    static final String HEADERS_TIMEOUT = "timed out waiting for response headers";
    static final String BODY_TIMEOUT = "timed out reading response body";
    static final String CONNECTION_FAILED = "connection failed";
    static final String CANCELLED = "call cancelled";
    static final String REJECTED = "request rejected by the HTTP client";

    private Failures() {}

    static TransportFailure connectTimeout(@Nullable Throwable cause) {
        return new TransportFailure(TransportFailure.Kind.CONNECT_TIMEOUT, CONNECT_TIMEOUT, cause);
    }

    static TransportFailure headersTimeout(@Nullable Throwable cause) {
        return new TransportFailure(TransportFailure.Kind.HEADERS_TIMEOUT, HEADERS_TIMEOUT, cause);
    }

    static TransportFailure bodyTimeout(@Nullable Throwable cause) {
        return new TransportFailure(TransportFailure.Kind.BODY_TIMEOUT, BODY_TIMEOUT, cause);
    }

    /** A timeout in the phase the exchange had reached: before or after the response headers. */
    static TransportFailure timeout(boolean headersReceived, @Nullable Throwable cause) {
        return headersReceived ? bodyTimeout(cause) : headersTimeout(cause);
    }

    static TransportFailure connectionFailed(@Nullable Throwable cause) {
        return new TransportFailure(
                TransportFailure.Kind.CONNECTION_FAILED, CONNECTION_FAILED, cause);
    }

    static TransportFailure cancelled(@Nullable Throwable cause) {
        return new TransportFailure(TransportFailure.Kind.CANCELLED, CANCELLED, cause);
    }

    /**
     * The client refused the request before sending it. {@code clientFailure} is named by class
     * only and not kept as the cause: a client quotes the header value it refused, which may be the
     * API key.
     */
    static TransportFailure rejected(Throwable clientFailure) {
        return new TransportFailure(
                TransportFailure.Kind.REJECTED,
                REJECTED + " (" + clientFailure.getClass().getName() + ")",
                null);
    }

    /**
     * Returns true if a blocking call failed because its thread was interrupted: the flag is set,
     * or the failure was caused by an {@link InterruptedException} (some clients swallow the flag
     * and wrap the exception).
     */
    static boolean isInterruption(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a blocking caller that was interrupted: restores its interrupt flag (clients tend to
     * swallow it) and builds the failure to throw.
     */
    static TransportFailure interrupted(@Nullable Throwable cause) {
        Thread.currentThread().interrupt();
        return cancelled(cause);
    }
}
