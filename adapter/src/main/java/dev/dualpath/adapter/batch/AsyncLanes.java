package dev.dualpath.adapter.batch;

import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The asynchronous delivery: each lane is a chain of futures, not a thread. A lane starts an item's
 * call and returns; the call's completion records the item and starts the lane's next one, on the
 * thread that completed it (the adapter's continuation executor). A call that is already complete
 * when it returns is recorded in a loop rather than by recursion, so that a transport answering
 * synchronously cannot grow the stack with the batch.
 */
final class AsyncLanes {

    private final BatchRun run;
    private final Function<ChatRequest, CompletableFuture<UnifiedChatResponse>> call;

    private AsyncLanes(
            BatchRun run, Function<ChatRequest, CompletableFuture<UnifiedChatResponse>> call) {
        this.run = run;
        this.call = call;
    }

    /** Starts {@link BatchRun#lanes()} lanes from the calling thread; returns without waiting. */
    static void start(
            BatchRun run, Function<ChatRequest, CompletableFuture<UnifiedChatResponse>> call) {
        AsyncLanes lanes = new AsyncLanes(run, call);
        for (int i = 0; i < run.lanes(); i++) {
            lanes.advance();
        }
    }

    /**
     * Starts items until one is still in flight (its completion resumes the lane) or none is left.
     */
    // The stages' own futures are not needed: every outcome of a call reaches record(), which
    // does not throw, and advance() turns a call that throws into a failed item.
    @SuppressWarnings("FutureReturnValueIgnored")
    private void advance() {
        BatchRun.Claim claim;
        while ((claim = run.claim(null)) != null) {
            int index = claim.index();
            CompletableFuture<UnifiedChatResponse> inFlight = issue(claim.request());
            if (!run.attach(index, () -> inFlight.cancel(true))) {
                inFlight.cancel(true);
            }
            if (!inFlight.isDone()) {
                inFlight.whenComplete(
                        (response, failure) -> {
                            run.record(index, response, failure);
                            advance();
                        });
                return;
            }
            inFlight.whenComplete((response, failure) -> run.record(index, response, failure));
        }
    }

    /** The item's call as a future; a call that throws, or returns no future, fails its item. */
    private CompletableFuture<UnifiedChatResponse> issue(ChatRequest request) {
        try {
            CompletableFuture<UnifiedChatResponse> future = call.apply(request);
            return future != null
                    ? future
                    : CompletableFuture.failedFuture(
                            new IllegalStateException("the call returned no future"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
