package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.wire.TransportFailure;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The body of a streamed response, read by the caller's own thread as it wants it: nothing is read
 * from the connection between two calls of {@link #read()} beyond what the client buffers.
 */
public interface BlockingBody extends AutoCloseable {

    /**
     * Blocks until more bytes arrive or the body ends.
     *
     * @return the next bytes, valid until the next call; null at the end of the body
     * @throws TransportFailure {@code BODY_TIMEOUT} after the read timeout of silence, {@code
     *     CONNECTION_FAILED} if the connection broke, {@code CANCELLED} if the reading thread was
     *     interrupted (its interrupt flag set again) or the body was closed meanwhile
     */
    @Nullable ByteBuffer read();

    /**
     * Ends the exchange: a body read to its end gives its connection back to the pool, any other is
     * aborted and its connection closed. Idempotent; never throws.
     */
    @Override
    void close();
}
