package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.model.ChatChunk;
import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A path that starts a call and returns a future. */
public non-sealed interface FutureClient extends ClientUnderTest {

    /**
     * Starts one call. The runner may {@code cancel(true)} the future (scenario action CANCEL); a
     * cancelled future counts as a {@link dev.dualpath.adapter.error.CancelledException} outcome.
     *
     * @param request the request, with the correlation id the runner chose
     * @return a future completing with the response or exceptionally with the failure; the runner
     *     unwraps exactly the {@link java.util.concurrent.ExecutionException} of {@code get()}, so
     *     a {@code CompletionException} left inside shows up as a mismatch
     */
    CompletableFuture<UnifiedChatResponse> submit(ChatRequest request);

    /**
     * Starts one streamed call (scenarios with {@code request.stream}), handing each chunk to
     * {@code chunks} as it is delivered, in order and one at a time. The runner may {@code
     * cancel(true)} the future (action CANCEL), which must stop the stream.
     *
     * @return a future of the response the stream amounts to, or of its failure (after the chunks
     *     delivered before it)
     * @throws UnsupportedOperationException by default: a plug-in without {@code streaming}
     */
    default CompletableFuture<UnifiedChatResponse> submitStream(
            ChatRequest request, Consumer<ChatChunk> chunks) {
        throw new UnsupportedOperationException("this path does not stream");
    }
}
