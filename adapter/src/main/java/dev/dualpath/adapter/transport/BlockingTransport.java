package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.WireRequest;
import dev.dualpath.adapter.wire.WireResponse;

/** Sends one request and blocks the caller until its whole response has arrived. */
@FunctionalInterface
public interface BlockingTransport {

    /**
     * Sends one request and blocks the calling thread until the whole response has arrived.
     *
     * @return the response, whatever its status
     * @throws TransportFailure if no complete response was received; with kind {@code CANCELLED}
     *     when the calling thread was interrupted, in which case its interrupt flag is set again
     */
    WireResponse execute(WireRequest request);
}
