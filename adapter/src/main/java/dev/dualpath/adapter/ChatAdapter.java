package dev.dualpath.adapter;

import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A chat provider with an asynchronous path. Every adapter has one; an adapter that also has a real
 * synchronous path implements {@link SyncChatAdapter} as well.
 */
public interface ChatAdapter extends AutoCloseable {

    /**
     * Starts a call; continuations run on the adapter's own executor.
     *
     * @return a future that completes with the response, or exceptionally with the {@link
     *     dev.dualpath.adapter.error.ProviderException} itself (never another exception type).
     *     Cancelling it aborts the exchange in flight or the backoff in progress.
     * @throws IllegalArgumentException never for a valid {@link ChatRequest}; requests validate
     *     themselves on construction
     */
    CompletableFuture<UnifiedChatResponse> invoke(ChatRequest request);

    /**
     * As {@link #invoke(ChatRequest)}, with continuations (response processing, retries) run on
     * {@code continuations} — e.g. a per-call "event loop".
     */
    CompletableFuture<UnifiedChatResponse> invoke(ChatRequest request, Executor continuations);

    /** Releases the adapter's threads and connections. Idempotent. */
    @Override
    void close();
}
