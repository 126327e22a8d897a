package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;
import java.util.concurrent.CompletableFuture;

/** Sends one request without blocking the caller. */
@FunctionalInterface
public interface AsyncTransport {

    /**
     * Returns a future of the response, whatever its status. It completes exceptionally with a
     * {@link TransportFailure} (never wrapped) when no complete response was received. Cancelling
     * it aborts the exchange and releases its connection.
     */
    CompletableFuture<WireResponse> executeAsync(WireRequest request);
}
