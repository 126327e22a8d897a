package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.WireResponse;
import java.util.Objects;

/**
 * A streamed response as the blocking side receives it.
 *
 * @param head status, headers and time to first byte; its body is empty
 * @param body the body, read by the caller; the caller must close it
 */
public record BlockingStream(WireResponse head, BlockingBody body) {

    /**
     * Checks both parts are there.
     *
     * @throws NullPointerException naming the field
     */
    public BlockingStream {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(body, "body");
    }
}
