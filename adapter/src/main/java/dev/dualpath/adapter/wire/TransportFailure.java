package dev.dualpath.adapter.wire;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A transport could not produce a {@link WireResponse}. Transports throw (or complete exceptionally
 * with) this and nothing else, so that one shared mapper turns every transport's failures into the
 * same {@code ProviderException}s.
 *
 * <p><b>Messages are part of the contract.</b> The same server behaviour yields the same kind and
 * the same message from every transport (the conformance suite compares them field by field):
 *
 * <ul>
 *   <li>{@code CONNECT_TIMEOUT}: "connect timed out"
 *   <li>{@code HEADERS_TIMEOUT}: "timed out waiting for response headers"
 *   <li>{@code BODY_TIMEOUT}: "timed out reading response body"
 *   <li>{@code CONNECTION_FAILED}: "connection failed"
 *   <li>{@code CANCELLED}: "call cancelled"
 *   <li>{@code REJECTED}: "request rejected by the HTTP client (" + the client exception's class
 *       name + ")"
 * </ul>
 *
 * The client-specific exception, whose type and text differ between clients, is kept only as the
 * {@linkplain #getCause() cause} (null when there was none, e.g. a caller already interrupted
 * before the call). Messages never contain header values, so never an API key.
 */
public final class TransportFailure extends RuntimeException {

    /** What went wrong, in transport-independent terms. */
    public enum Kind {
        /** The TCP connection could not be established in time. */
        CONNECT_TIMEOUT,
        /** No status line and headers within the read or request timeout. */
        HEADERS_TIMEOUT,
        /** The body stalled or took longer than allowed. */
        BODY_TIMEOUT,
        /**
         * Refused, reset, closed early, garbage, malformed chunk, fewer bytes than Content-Length.
         */
        CONNECTION_FAILED,
        /** The exchange was aborted because the caller cancelled or was interrupted. */
        CANCELLED,
        /**
         * The client refused to send the request at all (e.g. a header value it considers invalid):
         * nothing reached the network, and another attempt would be refused alike. Its exception is
         * not kept as the cause, since such exceptions quote the offending value.
         */
        REJECTED
    }

    private final Kind kind;

    public TransportFailure(Kind kind, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
