package dev.dualpath.adapter.transport;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * A streamed body served from memory in pieces: one per server-sent event (split after each blank
 * line, {@code \n\n}), as a provider flushes them. Readable in both deliveries: {@link #read()}
 * hands out the pieces on the caller's thread; as an {@link AsyncBody} each piece is offered when
 * asked for, on the asking thread or on an executor. No connection, nothing to time out.
 */
final class InMemoryStreamBody extends BodyRelay implements BlockingBody {

    private final ByteBuffer[] pieces;
    private final @Nullable Executor executor;
    private int next;

    /**
     * A body of {@code body}'s events.
     *
     * @param executor where async pieces are offered, or null for the asking thread
     */
    InMemoryStreamBody(byte[] body, @Nullable Executor executor) {
        super(InFlightCall.forStream(Long.MAX_VALUE, 0));
        this.pieces = split(body);
        this.executor = executor;
    }

    private static ByteBuffer[] split(byte[] body) {
        List<ByteBuffer> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < body.length; i++) {
            if (body[i] == '\n' && body[i - 1] == '\n') {
                out.add(ByteBuffer.wrap(body, start, i + 1 - start).slice());
                start = i + 1;
            }
        }
        if (start < body.length) {
            out.add(ByteBuffer.wrap(body, start, body.length - start).slice());
        }
        return out.toArray(new ByteBuffer[0]);
    }

    @Override
    public @Nullable ByteBuffer read() {
        return next < pieces.length ? pieces[next++].duplicate() : null;
    }

    @Override
    public void close() {
        next = pieces.length;
    }

    @Override
    void askUpstream() {
        if (executor == null) {
            serveNext();
        } else {
            executor.execute(this::serveNext);
        }
    }

    private void serveNext() {
        if (isOver()) {
            return;
        }
        ByteBuffer piece = read();
        if (piece == null) {
            complete();
        } else {
            offer(List.of(piece));
        }
    }

    @Override
    void cancelUpstream() {
        next = pieces.length;
    }
}
