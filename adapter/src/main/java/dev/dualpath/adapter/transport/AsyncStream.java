package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.WireResponse;
import java.util.Objects;

/**
 * A streamed response as the async side receives it.
 *
 * @param head status, headers and time to first byte; its body is empty
 * @param body the body, pushed on demand; the caller must subscribe to it or abort it
 */
public record AsyncStream(WireResponse head, AsyncBody body) {

    /**
     * Checks both parts are there.
     *
     * @throws NullPointerException naming the field
     */
    public AsyncStream {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(body, "body");
    }
}
