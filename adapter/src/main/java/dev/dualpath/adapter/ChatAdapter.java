package dev.dualpath.adapter;

import dev.dualpath.adapter.batch.Batch;
import dev.dualpath.adapter.batch.BatchFuture;
import dev.dualpath.adapter.batch.BatchOptions;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A chat provider with an asynchronous path. Every adapter has one; an adapter that also has a real
 * synchronous path implements {@link SyncChatAdapter} as well.
 */
public interface ChatAdapter extends AutoCloseable {

    /**
     * Starts a call; continuations run on the adapter's own executor, except while a thread blocks
     * in the returned future's {@code join()} or {@code get()}: that thread runs them itself, so a
     * caller that only waits pays one thread wake-up per call, as on the transport's own future.
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
     * {@code continuations} — e.g. a per-call "event loop" — or on the thread blocked in the
     * future's {@code join()} or {@code get()}, as there; {@link ContinuationExecutor#IN_PLACE}
     * runs them where the transport's future completes, always.
     */
    CompletableFuture<UnifiedChatResponse> invoke(ChatRequest request, Executor continuations);

    /**
     * Starts {@code requests} as one batch over {@link #invoke(ChatRequest)}, at most {@code
     * options.limit()} calls in flight and no thread waiting for any of them.
     *
     * @return a future completing normally with one result per request, in input order, each the
     *     item's response or its own typed error; cancelling it aborts the calls in flight, and
     *     {@link BatchFuture#report()} then says what completed before
     * @throws NullPointerException naming the argument, or the index of a null request
     */
    default BatchFuture invokeBatch(List<ChatRequest> requests, BatchOptions options) {
        return Batch.start(requests, options, this::invoke);
    }

    /** As {@link #invokeBatch(List, BatchOptions)} with {@link BatchOptions#defaults()}. */
    default BatchFuture invokeBatch(List<ChatRequest> requests) {
        return invokeBatch(requests, BatchOptions.defaults());
    }

    /** Releases the adapter's threads and connections. Idempotent. */
    @Override
    void close();
}
