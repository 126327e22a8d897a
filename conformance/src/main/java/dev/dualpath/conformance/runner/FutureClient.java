package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.concurrent.CompletableFuture;

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
}
