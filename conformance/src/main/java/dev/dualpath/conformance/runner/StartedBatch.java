package dev.dualpath.conformance.runner;

import dev.dualpath.adapter.batch.BatchFuture;
import dev.dualpath.adapter.batch.BatchOptions;
import dev.dualpath.adapter.batch.BatchResult;
import dev.dualpath.adapter.model.ChatRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One batch in flight on a batch path: started by {@link #start}, possibly interrupted (blocking)
 * or cancelled (future), then awaited with a deadline. A blocking batch runs on a fresh daemon
 * thread of its own, which ends when the batch returns, so an interrupt can reach nothing else.
 */
final class StartedBatch {

    /**
     * What the batch came to: its result, or the failure of the batch call itself (a bound
     * exceeded, or a broken client), exactly one set.
     */
    record Outcome(BatchResult result, Throwable failure) {}

    private final CompletableFuture<BatchResult> result;
    private final BatchFuture future;
    private final Thread thread;

    private StartedBatch(CompletableFuture<BatchResult> result, BatchFuture future, Thread thread) {
        this.result = result;
        this.future = future;
        this.thread = thread;
    }

    static StartedBatch start(
            ClientUnderTest client,
            List<ChatRequest> requests,
            BatchOptions options,
            String threadName) {
        if (client instanceof FutureBatchClient f) {
            BatchFuture future = f.submitBatch(requests, options);
            return new StartedBatch(future.report(), future, null);
        }
        BlockingBatchClient b = (BlockingBatchClient) client;
        CompletableFuture<BatchResult> result = new CompletableFuture<>();
        Thread t =
                new Thread(
                        () -> {
                            try {
                                result.complete(b.callBatch(requests, options));
                            } catch (Throwable e) { // a broken client is a result, not a crash
                                result.completeExceptionally(e);
                            }
                        },
                        threadName);
        t.setDaemon(true);
        t.start();
        return new StartedBatch(result, null, t);
    }

    /**
     * Interrupts the blocked caller (blocking path) or cancels the batch's future (future path). An
     * interrupt that arrives after the batch returned reaches only its ending thread.
     */
    void stop() {
        if (future != null) {
            future.cancel(true);
        } else if (!result.isDone()) {
            thread.interrupt();
        }
    }

    /**
     * The batch's result by {@code deadlineNanos}; past it, stops the batch, waits a little for its
     * report, and otherwise gives a {@link BoundExceededException}.
     */
    Outcome await(long deadlineNanos, Duration bound) {
        try {
            return new Outcome(
                    result.get(Bounded.remainingNanos(deadlineNanos), TimeUnit.NANOSECONDS), null);
        } catch (ExecutionException e) {
            return new Outcome(null, e.getCause());
        } catch (TimeoutException e) {
            stop();
            return new Outcome(null, new BoundExceededException(bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return new Outcome(null, e);
        } finally {
            joinQuietly();
        }
    }

    private void joinQuietly() {
        if (thread == null) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
