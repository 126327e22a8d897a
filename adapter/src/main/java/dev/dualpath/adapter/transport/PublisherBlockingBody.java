package dev.dualpath.adapter.transport;

import dev.dualpath.adapter.flow.BlockingHandoff;
import dev.dualpath.adapter.wire.TransportFailure;
import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link BlockingBody} over an {@link AsyncBody}: each {@link #read()} that has nothing left asks
 * for exactly one more item and waits for it ({@link BlockingHandoff}), so the body is read no
 * faster than the caller reads. The wait is interruptible (a JDK 17 {@code
 * BodyHandlers.ofInputStream()} read is not): an interrupted reader aborts the body and gets {@code
 * CANCELLED} with its flag set again. Timeouts are the body's own (it fails with {@code
 * BODY_TIMEOUT}).
 */
final class PublisherBlockingBody implements BlockingBody {

    private final AsyncBody body;
    private final BlockingHandoff<List<ByteBuffer>> handoff = new BlockingHandoff<>();
    private boolean subscribed; // reader thread only
    private @Nullable List<ByteBuffer> current; // reader thread only
    private int index; // reader thread only
    private boolean atEnd; // reader thread only

    PublisherBlockingBody(AsyncBody body) {
        this.body = body;
    }

    @Override
    public @Nullable ByteBuffer read() {
        while (true) {
            List<ByteBuffer> items = current;
            while (items != null && index < items.size()) {
                ByteBuffer b = items.get(index++);
                if (b.hasRemaining()) {
                    return b;
                }
            }
            current = null;
            if (atEnd) {
                return null;
            }
            List<ByteBuffer> next = awaitNext();
            if (next == null) {
                atEnd = true;
                return null;
            }
            current = next;
            index = 0;
        }
    }

    /** Asks for one item and waits for it; null at the end. */
    private @Nullable List<ByteBuffer> awaitNext() {
        if (handoff.isClosed()) {
            throw Failures.cancelled(null);
        }
        if (!subscribed) {
            subscribed = true;
            body.subscribe(handoff);
        }
        List<ByteBuffer> next;
        try {
            next = handoff.await();
        } catch (InterruptedException e) {
            handoff.close();
            body.abort();
            throw Failures.interrupted(e);
        }
        if (next != null) {
            return next;
        }
        if (handoff.isClosed()) {
            throw Failures.cancelled(null);
        }
        Throwable failure = handoff.failure();
        if (failure != null) {
            throw failure instanceof TransportFailure f ? f : Failures.connectionFailed(failure);
        }
        return null;
    }

    @Override
    public void close() {
        handoff.close();
        if (!atEnd) {
            body.abort();
        }
    }
}
