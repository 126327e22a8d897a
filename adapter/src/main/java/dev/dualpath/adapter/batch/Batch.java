package dev.dualpath.adapter.batch;

import dev.dualpath.adapter.model.ChatRequest;
import dev.dualpath.adapter.model.UnifiedChatResponse;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Runs a list of requests as one batch, over either path of an adapter; what the adapters' {@code
 * invokeBatchSync} and {@code invokeBatch} call. Both deliveries share one scheduler, so they hand
 * out items, bound concurrency, honour the deadline and report outcomes identically; they differ
 * only in how a call waits.
 *
 * <pre>{@code
 * BatchResult r = Batch.run(requests, BatchOptions.builder().limit(16).build(), adapter::invokeSync);
 * BatchFuture f = Batch.start(requests, options, adapter::invoke);
 * }</pre>
 */
public final class Batch {

    private Batch() {}

    /**
     * Runs the batch on at most {@code options.limit()} worker threads, each making calls through
     * {@code call} (the synchronous path), and blocks until every item has an outcome.
     *
     * <p>Interrupting the calling thread cancels the batch: calls in flight are aborted, no further
     * call starts, and the method returns the result so far (end {@link BatchEnd#CANCELLED}) with
     * the interrupt flag set again. A caller that is already interrupted starts nothing. Every
     * worker thread has ended when this returns, whatever happened.
     *
     * @param requests the requests, in the order their results are reported; may be empty
     * @param options the concurrency limit and the batch deadline
     * @param call one synchronous call, e.g. {@code adapter::invokeSync}; it should throw only
     *     {@link dev.dualpath.adapter.error.ProviderException}s and end promptly when its thread is
     *     interrupted
     * @return one result per request, in input order
     * @throws NullPointerException naming the argument, or the index of a null request
     */
    public static BatchResult run(
            List<ChatRequest> requests,
            BatchOptions options,
            Function<ChatRequest, UnifiedChatResponse> call) {
        Objects.requireNonNull(call, "call");
        BatchRun run = BatchRun.start(requests, options);
        if (Thread.currentThread().isInterrupted()) {
            run.stop(BatchEnd.CANCELLED);
            return run.done().join();
        }
        List<Thread> lanes = BlockingLanes.start(run, call);
        boolean interrupted = false;
        BatchResult result;
        while (true) {
            try {
                result = run.done().get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                run.stop(BatchEnd.CANCELLED);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the batch scheduler failed", e.getCause());
            }
        }
        BlockingLanes.join(lanes);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    /**
     * Starts the batch through {@code call} (the asynchronous path) and returns at once. At most
     * {@code options.limit()} calls are in flight; no thread waits for any of them.
     *
     * @param requests the requests, in the order their results are reported; may be empty
     * @param options the concurrency limit and the batch deadline
     * @param call one asynchronous call, e.g. {@code adapter::invoke}; its future should fail only
     *     with a {@link dev.dualpath.adapter.error.ProviderException}, and cancelling it should
     *     abort the exchange
     * @return the batch's future; see {@link BatchFuture} for cancellation
     * @throws NullPointerException naming the argument, or the index of a null request
     */
    public static BatchFuture start(
            List<ChatRequest> requests,
            BatchOptions options,
            Function<ChatRequest, CompletableFuture<UnifiedChatResponse>> call) {
        Objects.requireNonNull(call, "call");
        BatchRun run = BatchRun.start(requests, options);
        BatchFuture future = new BatchFuture(run);
        AsyncLanes.start(run, call);
        return future;
    }
}
