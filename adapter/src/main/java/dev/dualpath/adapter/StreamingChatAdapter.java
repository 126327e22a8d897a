package dev.dualpath.adapter;

import dev.dualpath.adapter.model.ChatRequest;
import java.util.concurrent.Executor;

/** A chat adapter that can stream a completion asynchronously, chunk by chunk. */
public interface StreamingChatAdapter extends ChatAdapter {

    /**
     * A streamed call; its signals run on the adapter's own executor.
     *
     * @return a cold publisher: the request is sent when it is subscribed
     * @throws IllegalArgumentException if the request cannot be encoded (before any I/O)
     * @throws UnsupportedOperationException if the adapter's transport cannot stream
     */
    ChatStreamPublisher stream(ChatRequest request);

    /**
     * As {@link #stream(ChatRequest)}, with decoding and every signal run on {@code continuations}
     * (e.g. a per-call "event loop").
     */
    ChatStreamPublisher stream(ChatRequest request, Executor continuations);
}
