package dev.dualpath.adapter;

import dev.dualpath.adapter.batch.Batch;
import dev.dualpath.adapter.batch.BatchOptions;
import dev.dualpath.adapter.batch.BatchResult;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.List;

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

    /**
     * Runs {@code requests} as one batch over {@link #invokeSync(ChatRequest)} on at most {@code
     * options.limit()} worker threads, and blocks until every item has an outcome. Interrupting the
     * caller cancels the batch: calls in flight are aborted, and the result so far is returned with
     * the interrupt flag set again. No worker thread outlives the call.
     *
     * @return one result per request, in input order, each the item's response or its own typed
     *     error; see {@link dev.dualpath.adapter.batch.BatchResult#end()} for how the batch ended
     * @throws NullPointerException naming the argument, or the index of a null request
     */
    default BatchResult invokeBatchSync(List<ChatRequest> requests, BatchOptions options) {
        return Batch.run(requests, options, this::invokeSync);
    }

    /** As {@link #invokeBatchSync(List, BatchOptions)} with {@link BatchOptions#defaults()}. */
    default BatchResult invokeBatchSync(List<ChatRequest> requests) {
        return invokeBatchSync(requests, BatchOptions.defaults());
    }
}
