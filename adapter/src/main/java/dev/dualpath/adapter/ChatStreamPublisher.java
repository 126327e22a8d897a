package dev.dualpath.adapter;

import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A streamed call as a {@link Flow.Publisher} of chunks, for one subscriber (a second gets {@code
 * onError(IllegalStateException)}). The call starts when subscribed. Demand is honoured: no chunk
 * is delivered beyond what was requested, and the connection is not read while no demand is
 * outstanding (beyond what the transport buffers). {@code onError} carries the call's {@link
 * dev.dualpath.adapter.error.ProviderException} — the same as {@link ChatStream} throws — after the
 * chunks that came before it; cancelling the subscription closes the connection. Signals run on the
 * adapter's continuation executor (or the one passed to {@code stream}) and are serialised.
 */
public interface ChatStreamPublisher extends Flow.Publisher<ChatChunk> {

    /**
     * The response the whole stream amounts to: completes after {@code onComplete}, or
     * exceptionally with the error {@code onError} carried (a {@link
     * dev.dualpath.adapter.error.CancelledException} when the subscription was cancelled).
     * Cancelling it cancels the subscription. It never completes if nobody subscribes.
     */
    CompletableFuture<UnifiedChatResponse> response();
}
