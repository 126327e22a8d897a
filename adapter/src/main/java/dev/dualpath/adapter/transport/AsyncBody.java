package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.TransportFailure;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * The body of a streamed response, pushed to one subscriber as it asks: each {@code request(n)}
 * allows at most {@code n} more {@code onNext} signals, and the connection is not read beyond what
 * the client buffers while no demand is outstanding. Signals are serialised. The body fails with a
 * {@link TransportFailure} ({@code BODY_TIMEOUT} after the read timeout of silence while bytes are
 * awaited, {@code CONNECTION_FAILED}); cancelling the subscription closes the connection.
 *
 * <p>A second subscriber gets {@code onError(IllegalStateException)}. A body nobody will subscribe
 * to must be {@link #abort()}ed.
 */
public interface AsyncBody extends Flow.Publisher<List<ByteBuffer>> {

    /**
     * Closes the connection unless the body was received in full, and stops all signals.
     * Idempotent; never throws.
     */
    void abort();
}
