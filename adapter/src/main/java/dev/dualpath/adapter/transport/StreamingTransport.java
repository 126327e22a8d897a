package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireRequest;
import java.util.concurrent.CompletableFuture;

/**
 * A transport that can hand over a response as its head arrives and its body as it streams, in both
 * deliveries. Limits for a stream: the time to the response headers is bounded by {@code
 * min(readTimeout, requestTimeout)}; the body by {@code readTimeout} of silence while bytes are
 * awaited — never by a total, as a stream may rightly last longer than any request, and never while
 * the consumer pauses.
 */
public interface StreamingTransport {

    /**
     * Sends the request and blocks until the response headers arrive.
     *
     * @return the head and the body to read; the caller closes the body
     * @throws TransportFailure if no headers arrived ({@code CANCELLED} with the interrupt flag set
     *     if the caller was interrupted)
     * @throws IllegalStateException if the transport was closed
     */
    BlockingStream openStream(WireRequest request);

    /**
     * Sends the request without blocking.
     *
     * @return a future completing when the headers arrive, or exceptionally with an unwrapped
     *     {@link TransportFailure}; cancelling it before then aborts the exchange. The caller
     *     subscribes to or aborts the body.
     * @throws IllegalStateException if the transport was closed
     */
    CompletableFuture<AsyncStream> openStreamAsync(WireRequest request);
}
