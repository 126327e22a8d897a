package dev.dualpath.adapter.compat;

import dev.dualpath.adapter.ChatStream;
import dev.dualpath.adapter.ChatStreamPublisher;
import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.flow.BlockingHandoff;
import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ChatStream} over a {@link ChatStreamPublisher}: the caller blocks in {@link #hasNext()}
 * while one chunk is requested and delivered on the publisher's executor — a thread hand-off per
 * chunk, which is what the sync-over-async strategies cost when streaming. Failures are thrown
 * unwrapped, an interrupt cancels the subscription (closing the connection) and surfaces as a
 * {@link CancelledException} with the flag restored, and {@code onEnd} (e.g. shutting down a
 * per-call loop) runs once, when the stream ends or is closed, on the caller's thread.
 */
final class PublisherChatStream implements ChatStream {

    private final ChatStreamPublisher publisher;
    private final @Nullable String requestId;
    private final Runnable onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final BlockingHandoff<ChatChunk> handoff = new BlockingHandoff<>();
    private @Nullable ChatChunk next; // caller only

    private PublisherChatStream(
            ChatStreamPublisher publisher, @Nullable String requestId, Runnable onEnd) {
        this.publisher = publisher;
        this.requestId = requestId;
        this.onEnd = onEnd;
    }

    /** Subscribes to {@code publisher}, which starts the call. */
    static ChatStream open(
            ChatStreamPublisher publisher, @Nullable String requestId, Runnable onEnd) {
        PublisherChatStream stream = new PublisherChatStream(publisher, requestId, onEnd);
        publisher.subscribe(stream.handoff);
        return stream;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (handoff.isClosed()) {
            return false;
        }
        try {
            next = handoff.await();
        } catch (InterruptedException e) {
            // Close before the flag is set again: closing may wait (bounded) for a per-call loop
            // to run the stream's abort, and a wait on an interrupted thread returns at once.
            close();
            Thread.currentThread().interrupt();
            throw CancelledException.of(requestId, e);
        }
        if (next != null) {
            return true;
        }
        end();
        Throwable failure = handoff.failure();
        if (failure != null) {
            throw Await.unwrap(failure);
        }
        return false;
    }

    @Override
    public ChatChunk next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the stream has no more chunks");
        }
        ChatChunk chunk = Objects.requireNonNull(next, "next");
        next = null;
        return chunk;
    }

    @Override
    public UnifiedChatResponse response() {
        if (!handoff.isCompleted() || handoff.isClosed()) {
            throw new IllegalStateException("the stream has not completed");
        }
        // The publisher signals onComplete before (or while) it completes its response future, so
        // the future may still be finishing on the publisher's thread: wait for it.
        return Await.result(publisher.response(), requestId);
    }

    @Override
    public void close() {
        Flow.Subscription s = handoff.close();
        if (s != null) {
            s.cancel();
        }
        end();
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            onEnd.run();
        }
    }
}
