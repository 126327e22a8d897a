package dev.dualpath.adapter;

import dev.dualpath.adapter.model.ChatRequest;

/**
 * A streaming chat adapter with a real synchronous stream as well: chunks read on the caller's
 * thread, no executor between caller and socket.
 */
public interface SyncStreamingChatAdapter extends SyncChatAdapter, StreamingChatAdapter {

    /**
     * Sends a streamed call and blocks until its response headers arrive (retrying an error status
     * as {@link #invokeSync} would).
     *
     * @return the chunks, read as the caller asks for them; the caller closes it
     * @throws dev.dualpath.adapter.error.ProviderException if the call fails before the first chunk
     *     could be read, e.g. an error status once retries are used up; later failures come from
     *     {@link ChatStream#hasNext()}
     * @throws IllegalArgumentException if the request cannot be encoded (before any I/O)
     * @throws UnsupportedOperationException if the adapter's transport cannot stream
     */
    ChatStream streamSync(ChatRequest request);
}
