package dev.dualpath.adapter.batch;

import java.util.concurrent.CompletableFuture;

/**
 * The future of an asynchronous batch. It completes normally with the {@link BatchResult} when the
 * batch ends on its own or at its deadline — never exceptionally because an item failed.
 *
 * <p><b>Cancelling stops the batch.</b> {@link #cancel} (or completing this future by hand, e.g.
 * through {@code orTimeout}) aborts every call in flight, down to its connection, and starts no
 * further call. This future is then cancelled like any other, and what the batch came to — the
 * items that finished before, and the others as {@link ItemStatus#CANCELLED} — is in {@link
 * #report()}.
 *
 * <p>Dependent stages run on the thread that ends the batch: a continuation thread of the adapter,
 * the JDK's delay scheduler thread when the deadline passes (as with {@link
 * CompletableFuture#orTimeout}), or the thread that cancels. Use the {@code …Async} stage methods
 * for lengthy work. Dependent futures are plain {@link CompletableFuture}s: cancelling one does not
 * reach the batch.
 */
public final class BatchFuture extends CompletableFuture<BatchResult> {

    private final BatchRun run;

    @SuppressWarnings("FutureReturnValueIgnored") // done() always completes normally
    BatchFuture(BatchRun run) {
        this.run = run;
        run.done().thenAccept(super::complete);
    }

    /**
     * The batch's result once it has ended, however it ended: equal to this future's value when it
     * completed on its own, and after a cancellation the partial result (end {@link
     * BatchEnd#CANCELLED}). Always completes normally. A copy: cancelling it changes nothing.
     */
    public CompletableFuture<BatchResult> report() {
        return run.done().copy();
    }

    /**
     * Cancels this future and stops the batch: calls in flight are aborted, no further call starts.
     *
     * @param mayInterruptIfRunning ignored, as for any {@link CompletableFuture}: the batch's calls
     *     are aborted either way
     * @return whether this future was cancelled by this call
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        run.stop(BatchEnd.CANCELLED);
        return cancelled;
    }

    /** Completes this future with {@code value} and stops the batch as {@link #cancel} does. */
    @Override
    public boolean complete(BatchResult value) {
        boolean completed = super.complete(value);
        run.stop(BatchEnd.CANCELLED);
        return completed;
    }

    /** Completes this future with {@code ex} and stops the batch as {@link #cancel} does. */
    @Override
    public boolean completeExceptionally(Throwable ex) {
        boolean completed = super.completeExceptionally(ex);
        run.stop(BatchEnd.CANCELLED);
        return completed;
    }

    /** Dependent stages are plain futures, not batches. */
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
