package dev.dualpath.adapter;

import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;

/**
 * A chat adapter that also has a real synchronous path, with no executor between caller and socket.
 */
public interface SyncChatAdapter extends ChatAdapter {

    /**
     * Makes the call on the calling thread.
     *
     * @return the response
     * @throws dev.dualpath.adapter.error.ProviderException on any failure, the same type with equal
     *     details as {@link #invoke(ChatRequest)} would complete with for the same server
     *     behaviour; a {@link dev.dualpath.adapter.error.CancelledException} with the interrupt
     *     flag restored when the calling thread is interrupted
     */
    UnifiedChatResponse invokeSync(ChatRequest request);
}
