package dev.dualpath.adapter;

import dev.dualpath.adapter.wire.WireResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The body of a streamed call's response that is read whole (an error status, or a provider that
 * answered with a whole JSON body rather than an event stream), gathered as it arrives and then
 * joined to the response's head. Both deliveries use it — the blocking one ({@link
 * BlockingChatStream}) as it reads, the publisher ({@link WholeBodyReader}) as bytes are pushed —
 * so that both hand the error mapper the same response. Not thread-safe: one reader at a time.
 */
final class WholeBody {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Appends what remains of {@code buffer}, consuming it. */
    void add(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            bytes.write(
                    buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            buffer.position(buffer.limit());
        } else {
            byte[] copy = new byte[buffer.remaining()];
            buffer.get(copy);
            bytes.writeBytes(copy);
        }
    }

    /** {@code head}'s status, headers and time to first byte, with the bytes gathered as body. */
    WireResponse joinedTo(WireResponse head) {
        return new WireResponse(
                head.status(), head.headers(), bytes.toByteArray(), head.timeToFirstByte());
    }
}
